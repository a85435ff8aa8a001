// The message that asks for the fee: amount, deadline, the gateway link (or the invoice above it) and "I have paid".
import { InlineKeyboard } from "grammy";
import { formatTehranTime, formatToman } from "../../domain/time/persian-format.js";
import { paymentCheckData } from "../callback-data/index.js";
import type { FlowContext } from "../context.js";

/** A started payment as the message needs it (dates as ISO strings survive a conversation's replay). */
export interface PaymentToAsk {
  kind: "redirect" | "invoice";
  paymentId: string;
  payUrl?: string;
  amountRial: number;
  expiresAt: Date | string;
}

/** Text and buttons of the payment message; the "I have paid" button names this chat and this payment. */
export function paymentLinkMessage(ctx: FlowContext, chatId: number, payment: PaymentToAsk): { text: string; buttons: InlineKeyboard } {
  const params = { amount: formatToman(payment.amountRial), expiresAt: formatTehranTime(new Date(payment.expiresAt)) };
  const buttons = new InlineKeyboard();
  if (payment.kind === "redirect" && payment.payUrl) buttons.url(ctx.t("prereg-pay-button"), payment.payUrl).row();
  buttons.text(ctx.t("prereg-paid-button"), paymentCheckData.encode({ chatId, paymentId: payment.paymentId }));
  return { text: ctx.t(payment.kind === "redirect" ? "prereg-pay-link" : "prereg-pay-invoice", params), buttons };
}
