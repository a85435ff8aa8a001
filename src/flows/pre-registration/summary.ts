// The summary of every answer, with a button to change each, until the citizen confirms.
import { Keyboard } from "grammy";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import { formatJalaliDateOnly } from "../../domain/time/persian-format.js";
import { leave, wantsToGoOn } from "../kit/ask.js";
import { inRows, isCancel, isInterruption } from "../kit/navigation.js";
import type { PreRegistrationServices } from "./pre-registration-services.js";
import { passesRegistryChecks } from "./registry-check.js";
import { askStep, editableFor, type Answers } from "./steps.js";

/** Shows every answer with a button to change each; returns when the citizen confirms. */
export async function reviewSummary(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: PreRegistrationServices,
  answers: Answers,
  today: JalaliDate,
): Promise<void> {
  for (;;) {
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
      continue;
    }
    if (text === reply.t("prereg-confirm")) return;
    const step = editable.find((s) => text === reply.t("prereg-edit", { field: reply.t(`prereg-field-${s}`) }));
    if (!step) {
      await reply.reply(reply.t("prereg-summary-use-buttons"));
      continue;
    }
    // A changed answer is asked again on its own; back returns to the summary unchanged.
    const changed = await askStep(conversation, reply, services, step, answers, today, true);
    if (!changed) continue;
    if (step === "nationalId" || step === "birthDate") {
      if (step === "nationalId") await askStep(conversation, reply, services, "birthDate", answers, today, false);
      while (!(await passesRegistryChecks(conversation, reply, services, answers))) {
        await askStep(conversation, reply, services, "nationalId", answers, today, false);
        await askStep(conversation, reply, services, "birthDate", answers, today, false);
      }
      // Another person: the registry's names replace the old ones (shown in the summary); without them, ask.
      if (answers.namesFromRegistry === false) {
        for (const name of ["firstName", "lastName", "fatherName"] as const)
          while (!(await askStep(conversation, reply, services, name, answers, today, false)));
      }
    }
    if (step === "province") while (!(await askStep(conversation, reply, services, "city", answers, today, true)));
  }
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
