// The hotline staff's side in a private chat: /cases opens the unit's queue; inline buttons open a case card,
// take it, reassign it, record a visit's outcome, or start a step that needs text (a conversation). Every press
// reads the member's role from the database and is refused, with nothing done, to anyone who is not staff.
import { hears } from "@grammyjs/i18n";
import { InlineKeyboard, Composer } from "grammy";
import type { BotContext, FlowContext } from "../../context.js";
import { onCallbackData, QUEUE_FILTERS, staffAssignData, staffCaseData, staffQueueData, visitOutcomeData } from "../../callback-data/index.js";
import { caseCardKeyboard, queueMenuKeyboard, queuePageKeyboard } from "../../keyboards/case-card.js";
import type { ActionResult, CaseStore, CaseView, VisitOutcome } from "../../../domain/cases/case-store.js";
import { worksCases, type StaffActor } from "../../../domain/cases/staff-actor.js";
import { displayCaseNumber } from "../../../domain/cases/case-number.js";
import { toPersianDigits } from "../../../domain/text/digits.js";
import type { StaffDirectory } from "../../../infrastructure/database/cases/staff-directory.js";
import { staffCardText, caseLine } from "../../../flows/cases/case-view.js";

export const QUEUE_PAGE_SIZE = 5;

/** Conversations a card's text-taking buttons enter (registered with the case flows). */
export const STAFF_CASE_ACTION_FLOW = "staff-case-action";
export const STAFF_OPEN_CASE_FLOW = "staff-open-case";
export const STAFF_CALLER_CASE_FLOW = "staff-caller-case";

const OUTCOMES: Record<"taken" | "delivered" | "both" | "notdone", VisitOutcome> = {
  taken: "application_taken",
  delivered: "card_delivered",
  both: "both",
  notdone: "not_done",
};
const OUTCOME_LABELS = {
  taken: "staff-visit-outcome-taken",
  delivered: "staff-visit-outcome-delivered",
  both: "staff-visit-outcome-both",
  notdone: "staff-visit-outcome-notdone",
} as const;
const QUEUE_TITLES = {
  new: "staff-queue-title-new",
  mine: "staff-queue-title-mine",
  waiting: "staff-queue-title-waiting",
  overdue: "staff-queue-title-overdue",
} as const;

export interface StaffCasesDeps {
  cases: CaseStore;
  staff: StaffDirectory;
  notifyNow: () => void;
}

/** Sends a case's card: everything staff may see, with the actions this member may take. */
export async function sendCaseCard(ctx: FlowContext, view: CaseView, actor: StaffActor): Promise<void> {
  await ctx.reply(staffCardText(ctx, view), { reply_markup: caseCardKeyboard(ctx.t.bind(ctx), view, actor) });
  for (const attachment of view.attachments.slice(0, 3)) {
    await ctx.replyWithPhoto(attachment.fileId).catch(() => ctx.replyWithDocument(attachment.fileId).catch(() => undefined));
  }
}

/** The Persian answer to what a staff action did. */
export function resultText(ctx: Pick<FlowContext, "t">, result: ActionResult): string {
  if (result.kind === "done") return ctx.t("staff-case-done", { number: displayCaseNumber(result.number), status: ctx.t(`case-status-${result.status}`) });
  return ctx.t(RESULT_KEYS[result.kind]);
}

const RESULT_KEYS = {
  already: "staff-case-already",
  not_allowed: "staff-case-not-allowed",
  out_of_scope: "staff-case-out-of-scope",
  not_found: "case-not-found",
} as const;

export function staffCasesFeature(deps: StaffCasesDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** The member pressing, if the button is theirs and they work cases; otherwise the press is refused. */
  const pressingStaff = async (ctx: BotContext, userId: number): Promise<StaffActor | null> => {
    const actor = ctx.from ? await deps.staff.byUser(ctx.from.id) : null;
    if (!actor || !worksCases(actor) || ctx.from?.id !== userId || ctx.chat?.type !== "private") {
      ctx.logger.warn({ staff: actor?.memberId ?? null, chatType: ctx.chat?.type }, "staff case button refused: not this member's or not staff");
      await ctx.answerCallbackQuery({ text: ctx.t("staff-only"), show_alert: true });
      return null;
    }
    return actor;
  };

  const showMenu = async (ctx: BotContext, actor: StaffActor) => {
    const now = new Date();
    const counts = Object.fromEntries(
      await Promise.all(QUEUE_FILTERS.map(async (filter) => [filter, (await deps.cases.queue({ actor, filter, page: 0, pageSize: 1, now })).total] as const)),
    ) as Record<(typeof QUEUE_FILTERS)[number], number>;
    const localized = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, toPersianDigits(v)])) as never;
    await ctx.reply(ctx.t("staff-queue-menu", { name: actor.displayName }), { reply_markup: queueMenuKeyboard(ctx.t.bind(ctx), actor.userId, localized) });
    await ctx.reply(ctx.t("staff-queue-commands"));
  };

  /** A command or staff-menu button of the hotline: refused, and logged, for anyone who does not work cases. */
  const hotline = (run: (ctx: BotContext, actor: StaffActor) => Promise<unknown>) => async (ctx: BotContext) => {
    const actor = ctx.from && ctx.chat?.type === "private" ? await deps.staff.byUser(ctx.from.id) : null;
    if (!actor || !worksCases(actor)) {
      ctx.logger.warn({ staff: actor?.memberId ?? null }, "hotline command refused: not a hotline member");
      return ctx.reply(ctx.t("staff-only"));
    }
    return run(ctx, actor);
  };
  const queue = hotline((ctx, actor) => showMenu(ctx, actor));
  const byNumber = hotline((ctx) => ctx.conversation.enter(STAFF_OPEN_CASE_FLOW));
  const forCaller = hotline((ctx) => ctx.conversation.enter(STAFF_CALLER_CASE_FLOW));
  feature.command("cases", queue);
  feature.command("case", byNumber);
  feature.command("caller", forCaller);
  feature.filter(hears("staff-menu-case-queue"), queue);
  feature.filter(hears("staff-menu-case-number"), byNumber);
  feature.filter(hears("staff-menu-case-caller"), forCaller);

  onCallbackData(feature, staffQueueData, async (ctx, { userId, filter, page }) => {
    const actor = await pressingStaff(ctx, userId);
    if (!actor) return;
    await ctx.answerCallbackQuery();
    const { items, total } = await deps.cases.queue({ actor, filter, page, pageSize: QUEUE_PAGE_SIZE, now: new Date() });
    if (items.length === 0) return ctx.reply(ctx.t("staff-queue-empty", { queue: ctx.t(QUEUE_TITLES[filter]) }));
    await ctx.reply(
      ctx.t("staff-queue-page", {
        queue: ctx.t(QUEUE_TITLES[filter]),
        total: toPersianDigits(total),
        page: toPersianDigits(page + 1),
        lines: items.map((item) => caseLine(ctx, item)).join("\n"),
      }),
      { reply_markup: queuePageKeyboard(ctx.t.bind(ctx), actor.userId, filter, page, items, (page + 1) * QUEUE_PAGE_SIZE < total) },
    );
  });

  onCallbackData(feature, staffCaseData, async (ctx, { userId, caseId, action }) => {
    const actor = await pressingStaff(ctx, userId);
    if (!actor) return;
    switch (action) {
      case "open": {
        await ctx.answerCallbackQuery();
        const view = await deps.cases.caseForStaff({ caseId }, actor);
        if (view === null || view === "out_of_scope") return ctx.reply(ctx.t(view === null ? "case-not-found" : "staff-case-out-of-scope"));
        return sendCaseCard(ctx, view, actor);
      }
      case "take": {
        // The press's id names the request: a retried update takes nothing twice; another press finds it taken.
        const result = await deps.cases.staffAct({ caseId, actor, action: { kind: "take" }, requestKey: `take:${ctx.callbackQuery!.id}`, now: new Date() });
        await ctx.answerCallbackQuery({ text: resultText(ctx, result), show_alert: result.kind !== "done" });
        if (result.kind === "done") {
          deps.notifyNow();
          const view = await deps.cases.caseForStaff({ caseId }, actor);
          if (view && view !== "out_of_scope") await sendCaseCard(ctx, view, actor);
        }
        return;
      }
      case "outcome": {
        await ctx.answerCallbackQuery();
        const keyboard = new InlineKeyboard();
        for (const outcome of Object.keys(OUTCOMES) as Array<keyof typeof OUTCOMES>) {
          keyboard.text(ctx.t(OUTCOME_LABELS[outcome]), visitOutcomeData.encode({ userId: actor.userId, caseId, outcome })).row();
        }
        return ctx.reply(ctx.t("staff-visit-outcome-ask"), { reply_markup: keyboard });
      }
      case "assign": {
        await ctx.answerCallbackQuery();
        if (actor.role !== "supervisor" || actor.unitId === null) return ctx.reply(ctx.t("staff-case-out-of-scope"));
        const members = await deps.staff.membersOfUnit(actor.unitId);
        const keyboard = new InlineKeyboard();
        for (const member of members)
          keyboard
            .text(member.displayName || String(member.memberId), staffAssignData.encode({ userId: actor.userId, caseId, memberId: member.memberId }))
            .row();
        return ctx.reply(ctx.t("staff-assign-ask"), { reply_markup: keyboard });
      }
      default:
        // Steps that need a text (or a time): the conversation reads this same press to know the case and action.
        await ctx.conversation.exitAll();
        return ctx.conversation.enter(STAFF_CASE_ACTION_FLOW);
    }
  });

  onCallbackData(feature, staffAssignData, async (ctx, { userId, caseId, memberId }) => {
    const actor = await pressingStaff(ctx, userId);
    if (!actor) return;
    const result = await deps.cases.staffAct({
      caseId,
      actor,
      action: { kind: "reassign", toMemberId: memberId },
      requestKey: `assign:${ctx.callbackQuery!.id}`,
      now: new Date(),
    });
    await ctx.answerCallbackQuery({ text: resultText(ctx, result), show_alert: true });
  });

  onCallbackData(feature, visitOutcomeData, async (ctx, { userId, caseId, outcome }) => {
    const actor = await pressingStaff(ctx, userId);
    if (!actor) return;
    const result = await deps.cases.recordVisitOutcome({ caseId, actor, outcome: OUTCOMES[outcome], now: new Date() });
    await ctx.answerCallbackQuery({ text: resultText(ctx, result), show_alert: true });
    if (result.kind === "done") {
      deps.notifyNow();
      await ctx.reply(resultText(ctx, result));
    }
  });
  return feature;
}
