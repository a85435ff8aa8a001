// The citizen's buttons on case notifications: open the case, answer a proposed visit, rate the answer.
// Each checks that the record's chat is the chat pressing.
import { Composer } from "grammy";
import { caseRatingData, myCaseData, onCallbackData, visitAnswerData } from "../../callback-data/index.js";
import type { BotContext } from "../../context.js";
import type { CaseStore } from "../../../domain/cases/case-store.js";

export function citizenCaseButtonsFeature(deps: { cases: CaseStore; notifyNow: () => void }): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const notYours = (ctx: BotContext) => ctx.answerCallbackQuery({ text: ctx.t("case-button-not-yours"), show_alert: true });

  onCallbackData(feature, myCaseData, async (ctx, { chatId }) => {
    if (chatId !== ctx.chat?.id) return notYours(ctx);
    // The flow reads the case id from this same press.
    await ctx.conversation.exitAll();
    return ctx.conversation.enter("my-cases");
  });

  onCallbackData(feature, visitAnswerData, async (ctx, { chatId, visitId, answer }) => {
    if (chatId !== ctx.chat?.id) return notYours(ctx);
    const result = await deps.cases.answerVisit({ visitId, chatId, accept: answer === "yes", now: new Date() });
    await ctx.answerCallbackQuery();
    if (result.kind === "done") deps.notifyNow();
    await ctx.reply(
      ctx.t(
        result.kind === "done"
          ? answer === "yes"
            ? "case-mine-done-visit_yes"
            : "case-mine-done-visit_no"
          : result.kind === "already"
            ? "case-mine-already"
            : "case-mine-not-allowed",
        { number: "" },
      ),
    );
  });

  onCallbackData(feature, caseRatingData, async (ctx, { chatId, caseId, rating }) => {
    if (chatId !== ctx.chat?.id) return notYours(ctx);
    const result = await deps.cases.citizenRate({ caseId, chatId, rating: Number(rating), now: new Date() });
    await ctx.answerCallbackQuery();
    await ctx.reply(
      ctx.t(result.kind === "done" ? "case-mine-done-rate" : result.kind === "already" ? "case-mine-already" : "case-mine-not-allowed", { number: "" }),
    );
  });
  return feature;
}
