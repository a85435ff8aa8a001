// «📂 پرونده‌های من»: the citizen's cases with status and visible timeline; add information or a photo (the
// answer, when a question waits), answer a proposed visit, close, rate a resolved case 1-5.
import { randomUUID } from "node:crypto";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { myCaseData } from "../../bot/callback-data/index.js";
import { RATING_OPTIONS } from "../../bot/keyboards/case-notification-buttons.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import { MAX_ENTRY_TEXT } from "../../domain/cases/case-entry.js";
import type { ActionResult, Attachment, CaseView } from "../../domain/cases/case-store.js";
import { displayCaseNumber } from "../../domain/cases/case-number.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { formatDateTime } from "../../domain/time/persian-format.js";
import type { Flow } from "../flow.js";
import { leave } from "../kit/ask.js";
import { isCancel, questionKeyboard } from "../kit/navigation.js";
import { askValue, boundedText, CHOICE_ERRORS, choiceQuestion, MAX_ATTACHMENT_BYTES } from "./case-questions.js";
import type { CaseServices } from "./case-services.js";
import { caseButton, caseLine, citizenCaseText } from "./case-view.js";
import { FINISHED, runJourney } from "../kit/journey.js";

type CaseChoice = "info" | "close" | "rate" | "visit_yes" | "visit_no" | "list";

const DONE_KEYS = {
  info: "case-mine-done-info",
  close: "case-mine-done-close",
  rate: "case-mine-done-rate",
  visit_yes: "case-mine-done-visit_yes",
  visit_no: "case-mine-done-visit_no",
} as const;

export function myCasesFlow(services: CaseServices): Flow {
  return {
    id: "my-cases",
    menuKey: "menu-my-cases",
    async run(conversation, ctx) {
      const pressed = ctx.callbackQuery?.data ? myCaseData.decode(ctx.callbackQuery.data) : undefined;
      const caseId = pressed?.kind === "ok" && pressed.value.chatId === ctx.chatId ? pressed.value.caseId : null;
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      // The case shown is kept in the chat's draft and the log rewound after each choice (kit/journey.ts):
      // going between the list and the cases costs what one visit does.
      await runJourney<{ caseId: string | null }>(conversation, ctx, {
        flow: "my-cases",
        first: { caseId },
        async pass(draft) {
          if (draft.caseId === null) return { caseId: await chooseCase(conversation, ctx, services) };
          const shownId = draft.caseId;
          const { json } = await conversation.external(() => loadCase(services, shownId, ctx.chatId!));
          const view = json === null ? null : (JSON.parse(json) as CaseView);
          if (!view) {
            await ctx.reply(ctx.t("case-not-found"));
            return { caseId: null };
          }
          const choice = await askCaseAction(conversation, ctx, view);
          if (choice === "list") return { caseId: null };
          // One action per visit: the chat is left free for the buttons of later notifications.
          await act(conversation, ctx, services, view, choice);
          return FINISHED;
        },
      });
    },
  };
}

/** The case as JSON text: the conversation keeps what `external` returns as JSON, so dates are revived after. */
async function loadCase(services: CaseServices, caseId: string, chatId: number): Promise<{ json: string | null }> {
  const view = await services.cases.caseForChat(caseId, chatId);
  return { json: view ? JSON.stringify(view) : null };
}

const revive = (view: CaseView): CaseView => ({
  ...view,
  createdAt: new Date(view.createdAt),
  updatedAt: new Date(view.updatedAt),
  entries: view.entries.map((entry) => ({ ...entry, at: new Date(entry.at) })),
  openVisit: view.openVisit ? { ...view.openVisit, startsAt: new Date(view.openVisit.startsAt) } : null,
});

async function chooseCase(conversation: FlowConversation, ctx: FlowContext, services: CaseServices): Promise<string> {
  const cases = await conversation.external(
    async () =>
      JSON.parse(JSON.stringify(await services.cases.casesOfChat(ctx.chatId!))) as Array<{
        id: string;
        number: string;
        kind: string;
        status: string;
        createdAt: string;
      }>,
  );
  if (cases.length === 0) await leave(conversation, ctx, "case-mine-empty");
  const labels = cases.map((c) => caseButton(c));
  const lines = cases.map((c) => caseLine(ctx, { ...c, createdAt: new Date(c.createdAt) } as never)).join("\n");
  const answer = await askValue(conversation, ctx, {
    prompt: "case-mine-list",
    promptParams: { lines },
    errors: CHOICE_ERRORS,
    buttons: () => labels.map((label) => [label]),
    parse: (reply): Result<string, "choose_button"> => {
      const index = reply.kind === "text" ? labels.indexOf(reply.text) : -1;
      return index >= 0 ? ok(cases[index]!.id) : fail("choose_button");
    },
  });
  return answer;
}

async function askCaseAction(conversation: FlowConversation, ctx: FlowContext, stored: CaseView): Promise<CaseChoice> {
  const view = revive(stored);
  const open = view.status !== "resolved" && view.status !== "closed";
  const options: Array<readonly [CaseChoice, string]> = [];
  if (view.openVisit?.status === "proposed") options.push(["visit_yes", "case-mine-visit-yes"], ["visit_no", "case-mine-visit-no"]);
  if (view.status !== "closed") options.push(["info", view.status === "waiting_citizen" ? "case-mine-answer" : "case-mine-add-info"]);
  if ((view.status === "resolved" || view.status === "closed") && view.rating === null) options.push(["rate", "case-mine-rate"]);
  if (view.status !== "closed") options.push(["close", "case-mine-close"]);
  options.push(["list", "case-mine-back-to-list"]);
  const visitLine = view.openVisit
    ? ctx.t(view.openVisit.status === "proposed" ? "case-mine-visit-proposed" : "case-mine-visit-confirmed", { when: formatDateTime(view.openVisit.startsAt) })
    : "";
  await ctx.reply([citizenCaseText(ctx, view), visitLine, open ? "" : ctx.t("case-mine-finished")].filter(Boolean).join("\n\n"));
  return askValue(conversation, ctx, choiceQuestion(ctx, "case-mine-what-now", options, { perRow: 2 }));
}

async function act(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: CaseServices,
  view: CaseView,
  choice: Exclude<CaseChoice, "list">,
): Promise<void> {
  const now = () => new Date();
  let result: ActionResult;
  switch (choice) {
    case "info": {
      const info = await askInfo(conversation, ctx);
      const requestKey = await conversation.external(() => randomUUID());
      result = await conversation.external(() =>
        services.cases.citizenAddInfo({ caseId: view.id, chatId: ctx.chatId!, text: info.text, attachment: info.attachment, requestKey, now: now() }),
      );
      break;
    }
    case "close": {
      const sure = await askValue(
        conversation,
        ctx,
        choiceQuestion(ctx, "case-mine-close-sure", [
          ["yes", "case-mine-close-yes"],
          ["no", "case-mine-close-no"],
        ]),
      );
      if (sure === "no") await leave(conversation, ctx, "main-menu-again");
      result = await conversation.external(() => services.cases.citizenClose({ caseId: view.id, chatId: ctx.chatId!, now: now() }));
      break;
    }
    case "rate": {
      const stars = await askValue(conversation, ctx, choiceQuestion(ctx, "case-mine-rate-ask", RATING_OPTIONS, { perRow: 5 }));
      result = await conversation.external(() => services.cases.citizenRate({ caseId: view.id, chatId: ctx.chatId!, rating: Number(stars), now: now() }));
      break;
    }
    case "visit_yes":
    case "visit_no":
      result = await conversation.external(() =>
        services.cases.answerVisit({ visitId: view.openVisit!.id, chatId: ctx.chatId!, accept: choice === "visit_yes", now: now() }),
      );
      break;
  }
  await ctx.reply(
    ctx.t(result.kind === "done" ? DONE_KEYS[choice] : result.kind === "already" ? "case-mine-already" : "case-mine-not-allowed", {
      number: displayCaseNumber(view.number),
    }),
    {
      reply_markup: mainMenuKeyboard(ctx),
    },
  );
  if (result.kind === "done") services.notifyNow();
}

/** A text, or a photo with an optional caption; sizes checked. */
async function askInfo(conversation: FlowConversation, ctx: FlowContext): Promise<{ text: string; attachment?: Attachment }> {
  await ctx.reply(ctx.t("case-mine-ask-info", { max: MAX_ENTRY_TEXT }), { reply_markup: questionKeyboard(ctx, [], { back: false }) });
  for (;;) {
    const next = await conversation.wait();
    const message = next.message;
    if (message?.text !== undefined && isCancel(next, message.text)) await leave(conversation, next);
    const photo = message?.photo?.at(-1);
    const caption = message?.caption ?? "";
    if (photo) {
      if ((photo.file_size ?? 0) > MAX_ATTACHMENT_BYTES) await next.reply(next.t("case-photo-too-large"));
      else if (caption.length > MAX_ENTRY_TEXT) await next.reply(next.t("case-text-error-too_long", { max: MAX_ENTRY_TEXT, min: 1 }));
      else return { text: caption, attachment: { purpose: "photo", fileId: photo.file_id, fileUniqueId: photo.file_unique_id } };
    } else if (message?.text !== undefined) {
      const text = boundedText(message.text, 1, MAX_ENTRY_TEXT);
      if (text.ok) return { text: text.value };
      await next.reply(next.t(text.error === "too_long" ? "case-text-error-too_long" : "case-text-error-too_short", { max: MAX_ENTRY_TEXT, min: 1 }));
    } else if (next.callbackQuery) {
      await next.answerCallbackQuery({ text: next.t("flow-old-button"), show_alert: true });
      continue;
    } else {
      await next.reply(next.t("case-mine-info-expected"));
    }
    await next.reply(next.t("case-mine-ask-info", { max: MAX_ENTRY_TEXT }));
  }
}
