// The summary of every answer, with a button to change each, and what the citizen chose on it.
import { Keyboard } from "grammy";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { formatJalaliDateOnly } from "../../domain/time/persian-format.js";
import { leave, wantsToGoOn } from "../kit/ask.js";
import { inRows, isCancel, isInterruption } from "../kit/navigation.js";
import { editableFor, type Answers, type Step } from "./steps.js";

/**
 * One thing left to ask in a correction: a step (with back: to the summary, or the same question again, or
 * none), or the registry check a new national ID or birth date needs.
 */
export type Correction = { step: Step; back?: "summary" | "again" } | { step: "registry" };

/**
 * Shows every answer with a button to change each and takes one choice: confirmed, the step to change, or
 * "again" (the summary once more, after an interruption the citizen went on from or a text that is no button).
 */
export async function reviewSummary(conversation: FlowConversation, ctx: FlowContext, answers: Answers): Promise<"confirmed" | "again" | Correction> {
  const editable = editableFor(answers);
  const editButtons = editable.map((step) => ctx.t("prereg-edit", { field: ctx.t(`prereg-field-${step}`) }));
  const rows = [...inRows(editButtons, 2), [ctx.t("prereg-confirm")], [ctx.t("flow-cancel")]];
  await ctx.reply(summaryText(ctx, answers), { reply_markup: Keyboard.from(rows).resized().persistent() });

  const reply = await conversation.waitFor("message:text", {
    otherwise: (other) => other.reply(other.t("prereg-summary-use-buttons")),
  });
  const text = reply.message.text;
  if (isCancel(reply, text)) await leave(conversation, reply);
  if (isInterruption(reply, text)) {
    if (!(await wantsToGoOn(conversation, reply))) await leave(conversation, reply);
    return "again";
  }
  if (text === reply.t("prereg-confirm")) return "confirmed";
  const step = editable.find((s) => text === reply.t("prereg-edit", { field: reply.t(`prereg-field-${s}`) }));
  if (!step) {
    await reply.reply(reply.t("prereg-summary-use-buttons"));
    return "again";
  }
  return { step, back: "summary" };
}

function summaryText(ctx: FlowContext, a: Answers): string {
  return ctx.t("prereg-summary", {
    nationalId: toPersianDigits(a.nationalId),
    birthDate: formatJalaliDateOnly(a.birthDate),
    firstName: a.firstName,
    lastName: a.lastName,
    fatherName: a.fatherName,
    mobile: toPersianDigits(a.mobile),
    landline: a.landline ? toPersianDigits(a.landline) : ctx.t("prereg-landline-none"),
    postalCode: toPersianDigits(a.postalCode),
    address: a.address,
    province: a.province.name,
    city: a.city.name,
  });
}
