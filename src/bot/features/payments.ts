// Payment updates in the chat: the "I have paid" button, and Bale/Telegram in-app invoices.
import { Composer } from "grammy";
import { acceptsPreCheckout } from "../../domain/payment/pre-checkout.js";
import { confirmPayment, settle, type ConfirmOutcome, type PaymentServiceDeps } from "../../domain/payment/settle-payment.js";
import type { StartedPayment } from "../../domain/payment/start-payment.js";
import { formatTrackingCode, type TrackingCode } from "../../domain/application/tracking-code.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { onCallbackData, paymentCheckData } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import { paymentLinkMessage } from "../keyboards/payment-link.js";

export interface PaymentsFeatureDeps {
  payments: PaymentServiceDeps;
  /** Asks the notification dispatcher to send the confirmation now rather than at its next poll. */
  notifyNow: () => void;
  /**
   * A fresh payment for an application of this chat whose payment was cancelled or expired, if it still
   * awaits payment (undefined otherwise): the answers were saved, so nothing is asked again.
   */
  startAgain: (input: { applicationId: string; chatId: number }) => Promise<StartedPayment | undefined>;
}

export function paymentsFeature(deps: PaymentsFeatureDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  // The data names the chat the payment was started from; the database says whose it is. Both must be
  // the pressing chat, or the popup would show another citizen's tracking code.
  onCallbackData(feature, paymentCheckData, async (ctx, { chatId, paymentId }) => {
    const found = await deps.payments.ledger.findWithOwnerChat(paymentId);
    const pressedHere = found !== null && found.ownerChatId === ctx.chat?.id && chatId === ctx.chat.id;
    if (found !== null && !pressedHere) ctx.logger.warn({ kind: "paid" }, "payment button pressed outside the chat that owns the payment; refused");
    const payment = pressedHere ? found.payment : null;
    if (!payment) return ctx.answerCallbackQuery({ text: ctx.t("payment-check-not-found"), show_alert: true });
    const outcome = await confirmPayment(deps.payments, payment);
    if (outcome.kind === "settled") deps.notifyNow();
    if (isClosedUnpaid(outcome)) {
      // Cancelled at the gateway or expired: the next press starts a fresh payment at once.
      const fresh = await deps.startAgain({ applicationId: payment.applicationId, chatId: ctx.chatId! });
      if (fresh) {
        await ctx.answerCallbackQuery({ text: ctx.t(fresh.fresh ? "payment-check-new-link" : "payment-check-new-link-above") });
        if (!fresh.fresh) return;
        const { text, buttons } = paymentLinkMessage(ctx, ctx.chatId!, fresh);
        return void (await ctx.reply(text, { reply_markup: buttons }));
      }
    }
    // Popups, not messages: pressing the button ten times must not fill the chat.
    const text =
      outcome.kind === "settled"
        ? ctx.t("payment-check-settled")
        : outcome.kind === "already_settled"
          ? ctx.t("payment-check-already", { trackingCode: toPersianDigits(formatTrackingCode(outcome.trackingCode as TrackingCode)) })
          : outcome.kind === "not_paid"
            ? ctx.t("payment-check-not-paid")
            : outcome.kind === "expired" || outcome.kind === "not_pending"
              ? ctx.t("payment-check-expired")
              : ctx.t("payment-check-unknown");
    await ctx.answerCallbackQuery({ text, show_alert: true });
  });

  feature.on("pre_checkout_query", async (ctx) => {
    const query = ctx.preCheckoutQuery;
    const payment = await deps.payments.ledger.findById(query.invoice_payload);
    if (acceptsPreCheckout(payment, { currency: query.currency, totalAmount: query.total_amount }, deps.payments.now()))
      return ctx.answerPreCheckoutQuery(true);
    ctx.logger.warn({ payment: query.invoice_payload, found: payment?.status ?? null }, "pre-checkout refused");
    await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t("payment-invoice-refused") });
  });

  feature.on("message:successful_payment", async (ctx) => {
    const paid = ctx.message.successful_payment;
    const receipt = paid.provider_payment_charge_id || paid.telegram_payment_charge_id;
    // Only the platform sends these, for an invoice we issued: one naming no payment of ours is forged.
    if (!(await deps.payments.ledger.findById(paid.invoice_payload))) {
      ctx.logger.warn({ currency: paid.currency, amount: paid.total_amount }, "successful_payment for no payment of ours; ignored");
      return;
    }
    const outcome = await settle(deps.payments, paid.invoice_payload, receipt);
    ctx.logger.info({ payment: paid.invoice_payload, outcome: outcome.kind }, "in-app payment received");
    if (outcome.kind === "settled") deps.notifyNow();
  });

  return feature;
}

/** The payment ended without money: cancelled at the gateway (failed) or past its deadline. */
function isClosedUnpaid(outcome: ConfirmOutcome): boolean {
  return outcome.kind === "expired" || (outcome.kind === "not_pending" && (outcome.status === "failed" || outcome.status === "expired"));
}
