// Staff steps that need words or a time: an internal note, a question to the citizen, forwarding with a note,
// the resolution message, reopening, a proposed home visit. Entered from a case card's button; the member's role
// is read again here and by the store when the step runs; the request key makes a repeated step a no-op.
import { randomUUID } from "node:crypto";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { staffCaseData } from "../../bot/callback-data/index.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import { resultText, STAFF_CASE_ACTION_FLOW } from "../../bot/features/cases/staff-cases.js";
import { MAX_ENTRY_TEXT } from "../../domain/cases/case-entry.js";
import type { ActionResult, CaseStore, StaffAction } from "../../domain/cases/case-store.js";
import { worksCases } from "../../domain/cases/staff-actor.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { toLatinDigits } from "../../domain/text/digits.js";
import { parseJalaliDate } from "../../domain/time/jalali.js";
import { tehranWallTimeToInstant } from "../../domain/time/tehran-clock.js";
import type { StaffDirectory } from "../../infrastructure/database/cases/staff-directory.js";
import type { Flow } from "../flow.js";
import { errorMessages } from "../kit/error-messages.js";
import { askValue, choiceQuestion, textQuestion } from "./case-questions.js";
import { unitName } from "./case-view.js";

export interface StaffFlowServices {
  cases: CaseStore;
  staff: StaffDirectory;
  notifyNow: () => void;
}

const TEXT_PROMPTS = {
  note: "staff-ask-note",
  ask: "staff-ask-question",
  resolve: "staff-ask-resolution",
  reopen: "staff-ask-reopen",
  forward: "staff-ask-forward-note",
} as const;

const UNIT_OPTIONS = {
  pishkhan: "case-unit-option-pishkhan",
  post: "case-unit-option-post",
  civil_registration: "case-unit-option-civil_registration",
  other: "case-unit-option-other",
} as const;

/** A visit time typed as «۱۴۰۵/۰۹/۲۰ ۱۰:۳۰» (any digits), in the future and within 60 days. */
type VisitTimeError = "bad_format" | "invalid_date" | "in_past" | "too_far";
const VISIT_TIME_ERRORS = errorMessages("staff-visit-time-error", { bad_format: true, invalid_date: true, in_past: true, too_far: true } satisfies Record<
  VisitTimeError,
  true
>);

export function parseVisitTime(text: string, now: Date): Result<Date, VisitTimeError> {
  const [datePart, timePart] = toLatinDigits(text).trim().split(/\s+/);
  const time = /^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$/.exec(toLatinDigits(timePart ?? "").replace("٫", "."));
  if (!datePart || !time) return fail("bad_format");
  const date = parseJalaliDate(datePart);
  if (!date.ok) return fail(date.error === "invalid_date" ? "invalid_date" : "bad_format");
  const at = tehranWallTimeToInstant(date.value, Number(time[1]), Number(time[2]));
  if (at.getTime() <= now.getTime()) return fail("in_past");
  if (at.getTime() > now.getTime() + 60 * 86_400_000) return fail("too_far");
  return ok(at);
}

export function staffCaseActionFlow(services: StaffFlowServices): Flow {
  return {
    id: STAFF_CASE_ACTION_FLOW,
    async run(conversation, ctx) {
      const decoded = ctx.callbackQuery?.data ? staffCaseData.decode(ctx.callbackQuery.data) : undefined;
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      if (decoded?.kind !== "ok") return;
      const { userId, caseId, action } = decoded.value;
      const { actor } = await conversation.external(async () => ({ actor: await services.staff.byUser(ctx.from!.id) }));
      if (!actor || !worksCases(actor) || actor.userId !== userId) {
        await ctx.reply(ctx.t("staff-only"));
        return;
      }
      const { view } = await conversation.external(async () => {
        const found = await services.cases.caseForStaff({ caseId }, actor);
        return { view: found && found !== "out_of_scope" ? { number: found.number, unitId: found.unit.id } : null };
      });
      if (!view) {
        await ctx.reply(ctx.t("staff-case-out-of-scope"));
        return;
      }
      let step: { kind: "act"; action: StaffAction } | { kind: "visit"; startsAt: string };
      if (action === "visit") {
        const startsAt = await askVisitTime(conversation, ctx);
        step = { kind: "visit", startsAt };
      } else if (action === "forward") {
        const units = await conversation.external(async () => (await services.cases.units()).filter((u) => u.id !== view.unitId && u.kind === "hotline"));
        const unit = await askValue(
          conversation,
          ctx,
          choiceQuestion(
            ctx,
            "staff-ask-forward-unit",
            units.map((u) => [String(u.id), UNIT_OPTIONS[u.officeType ?? "other"]] as const),
            { perRow: 1 },
          ),
        );
        const note = await askValue(
          conversation,
          ctx,
          textQuestion(TEXT_PROMPTS.forward, 5, MAX_ENTRY_TEXT, { params: { unit: unitName(ctx, units.find((u) => String(u.id) === unit)!) } }),
        );
        step = { kind: "act", action: { kind: "forward", toUnitId: Number(unit), text: note } };
      } else if (action === "note" || action === "ask" || action === "resolve" || action === "reopen") {
        const text = await askValue(conversation, ctx, textQuestion(TEXT_PROMPTS[action], 2, MAX_ENTRY_TEXT));
        step = { kind: "act", action: { kind: action, text } };
      } else {
        return;
      }
      const requestKey = await conversation.external(() => randomUUID());
      const result: ActionResult = await conversation.external(() =>
        step.kind === "visit"
          ? services.cases.proposeVisit({ caseId, actor, startsAt: new Date(step.startsAt), requestKey, now: new Date() })
          : services.cases.staffAct({ caseId, actor, action: step.action, requestKey, now: new Date() }),
      );
      if (result.kind === "done") services.notifyNow();
      await ctx.reply(resultText(ctx, result), { reply_markup: mainMenuKeyboard(ctx) });
    },
  };
}

async function askVisitTime(conversation: FlowConversation, ctx: FlowContext): Promise<string> {
  const now = await conversation.external(() => new Date().toISOString());
  return askValue(conversation, ctx, {
    prompt: "staff-ask-visit-time",
    errors: VISIT_TIME_ERRORS,
    parse: (reply): Result<string, VisitTimeError> => {
      if (reply.kind !== "text") return fail("bad_format");
      const parsed = parseVisitTime(reply.text, new Date(now));
      return parsed.ok ? ok(parsed.value.toISOString()) : parsed;
    },
  });
}
