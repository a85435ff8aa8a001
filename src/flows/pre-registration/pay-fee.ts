// Saving the application and sending the fee's payment link (or the in-app invoice) with "I have paid".
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import { paymentLinkMessage } from "../../bot/keyboards/payment-link.js";
import { retryWhileUnavailable } from "../kit/retry.js";
import type { PreRegistrationServices } from "./pre-registration-services.js";
import { registeredSummary, tellAlreadyRegistered } from "./registry-check.js";
import type { Answers } from "./steps.js";

/**
 * Saves the application, says so, then starts the payment and sends its link (or the in-app invoice). The
 * saved message goes first because an in-app invoice is sent by the gateway itself while the payment starts:
 * the citizen reads "saved, now pay" before the invoice, never after it.
 */
export async function payFee(conversation: FlowConversation, ctx: FlowContext, services: PreRegistrationServices, a: Answers): Promise<void> {
  const chatId = ctx.chatId!;
  const saved = await conversation.external(async () => {
    const tariff = await services.tariffs.inForce(new Date());
    const draft = await services.applications.saveDraft(
      {
        nationalId: a.nationalId,
        birthDate: a.birthDate,
        firstName: a.firstName,
        lastName: a.lastName,
        fatherName: a.fatherName,
        mobile: a.mobile,
        landline: a.landline,
        postalCode: a.postalCode,
        address: a.address,
        cityId: a.city.id,
        chatId,
      },
      tariff.preRegistrationRial,
    );
    if (draft.kind === "already_registered") return { kind: draft.kind, application: registeredSummary(draft.application) };
    return { kind: "saved" as const, applicationId: draft.applicationId, amountRial: tariff.preRegistrationRial };
  });
  if (saved.kind === "already_registered") return tellAlreadyRegistered(conversation, ctx, saved.application);
  await ctx.reply(ctx.t("prereg-saved"), { reply_markup: mainMenuKeyboard(ctx) });

  const outcome = await retryWhileUnavailable(conversation, ctx, { prompt: "prereg-gateway-unavailable", unavailable: "gateway_unavailable" }, () =>
    conversation.external(async () => {
      try {
        const payment = await services.startPayment({
          applicationId: saved.applicationId,
          amountRial: saved.amountRial,
          chatId,
          mobile: a.mobile,
          description: ctx.t("prereg-payment-description"),
        });
        return { kind: "payment" as const, payment: { ...payment, expiresAt: payment.expiresAt.toISOString() } };
      } catch (error) {
        // The gateway is down or slow at a peak: the answers are saved, so offer to try again, not to start over.
        ctx.logger.warn({ err: error }, "payment could not be started");
        return { kind: "gateway_unavailable" as const };
      }
    }),
  );
  const { text, buttons } = paymentLinkMessage(ctx, chatId, outcome.payment);
  await ctx.reply(text, { reply_markup: buttons });
}
