// The steps every case journey starts and ends with: the abuse limits, and telling the citizen their number.
import { randomUUID } from "node:crypto";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { NewCase, OpenCaseResult } from "../../domain/cases/case-store.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { formatDateTime } from "../../domain/time/persian-format.js";
import { displayCaseNumber } from "../../domain/cases/case-number.js";
import { leave } from "../kit/ask.js";
import type { CaseServices } from "./case-services.js";
import { unitName } from "./case-view.js";

/** Ends the flow, before any question, when the citizen has too many open cases or opened too many today. */
export async function refuseIfOverLimit(conversation: FlowConversation, ctx: FlowContext, services: CaseServices): Promise<void> {
  // Wrapped in an object: external() results are checked for JSON safety property by property.
  const { refusal } = await conversation.external(async () => {
    const found = await services.cases.newCaseRefusal(ctx.chatId!, services.limits, new Date());
    return { refusal: found ? { reason: found.reason, retryAt: found.reason === "too_many_today" ? found.retryAt.toISOString() : null } : null };
  });
  if (!refusal) return;
  if (refusal.reason === "too_many_open") await leave(conversation, ctx, "case-limit-open", { max: toPersianDigits(services.limits.maxOpen) });
  await leave(conversation, ctx, "case-limit-today", { max: toPersianDigits(services.limits.maxNewPerDay), until: formatDateTime(new Date(refusal.retryAt!)) });
}

/** A phone number shown inside Persian text: Persian digits kept in order. */
export const displayPhone = (phone: string) => `\u2066${toPersianDigits(phone)}\u2069`;

/** Opens the case once (the request key is fixed in the conversation's state) and tells the outcome. */
export async function openAndTell(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: CaseServices,
  input: Omit<NewCase, "requestKey" | "limits" | "now" | "chatId">,
  doneKey: string,
): Promise<void> {
  const requestKey = await conversation.external(() => randomUUID());
  const result = await conversation.external(async (): Promise<OpenCaseResult | { kind: "refused_at"; reason: string; retryAt: string | null }> => {
    const opened = await services.cases.openCase({ ...input, chatId: ctx.chatId!, requestKey, limits: services.limits, now: new Date() });
    if (opened.kind === "refused")
      return {
        kind: "refused_at",
        reason: opened.refusal.reason,
        retryAt: opened.refusal.reason === "too_many_today" ? opened.refusal.retryAt.toISOString() : null,
      };
    return opened;
  });
  if (result.kind === "no_route") await leave(conversation, ctx, "case-no-route");
  if (result.kind === "refused_at") {
    if (result.reason === "too_many_open") await leave(conversation, ctx, "case-limit-open", { max: toPersianDigits(services.limits.maxOpen) });
    await leave(conversation, ctx, "case-limit-today", {
      max: toPersianDigits(services.limits.maxNewPerDay),
      until: formatDateTime(new Date(result.retryAt!)),
    });
  }
  if (result.kind !== "opened") return;
  ctx.logger.info({ case: result.caseId, unit: result.unit.code }, "case opened");
  await ctx.reply(
    ctx.t(doneKey, {
      number: displayCaseNumber(result.number),
      unit: unitName(ctx, result.unit),
      phones: result.unit.phones.map(displayPhone).join(ctx.t("case-phone-separator")) || "-",
    }),
    { reply_markup: mainMenuKeyboard(ctx) },
  );
}
