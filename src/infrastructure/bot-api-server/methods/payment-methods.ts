// Payments: sendInvoice and answerPreCheckoutQuery, which completes a simulated user's payment.

import type { LabeledPrice, SuccessfulPayment } from "grammy/types";
import { badRequest } from "../bot-api-error.js";
import { parseInlineMarkup } from "../reply-markup.js";
import { postBotMessage, readSendOptions } from "./bot-message.js";
import { targetChat } from "./chat-target.js";
import type { BotMethod, MethodCall } from "./method-call.js";

function boundedString(call: MethodCall, name: string, max: number, label: string): string {
  const value = call.params.string(name, `${label} is empty`);
  if (value.length > max) throw badRequest(`${label} is too long`);
  return value;
}

function readPrices(call: MethodCall): LabeledPrice[] {
  const prices = call.params.optionalJson("prices");
  if (!Array.isArray(prices) || prices.length === 0) throw badRequest("can't parse prices JSON object");
  for (const price of prices as Partial<LabeledPrice>[]) {
    if (typeof price.label !== "string" || !Number.isSafeInteger(price.amount)) {
      throw badRequest("can't parse prices JSON object");
    }
  }
  return (prices as LabeledPrice[]).map(({ label, amount }) => ({ label, amount }));
}

const sendInvoice: BotMethod = (call) => {
  const chat = targetChat(call);
  const title = boundedString(call, "title", 32, "invoice title");
  const description = boundedString(call, "description", 255, "invoice description");
  const payload = boundedString(call, "payload", 128, "invoice payload");
  // Telegram Stars take an empty provider_token; Bale takes the receiving card number.
  const providerToken = call.params.optionalString("provider_token") ?? "";
  const currency = call.params.optionalString("currency") ?? "";
  if (!/^[A-Z]{3}$/.test(currency)) throw badRequest("CURRENCY_INVALID");
  const prices = readPrices(call);
  const totalAmount = prices.reduce((sum, price) => sum + price.amount, 0);
  if (totalAmount <= 0) throw badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
  const replyMarkup = parseInlineMarkup(call.params.optionalJson("reply_markup"));
  const invoice = {
    title,
    description,
    start_parameter: call.params.optionalString("start_parameter") ?? "",
    currency,
    total_amount: totalAmount,
  };
  return postBotMessage(
    call,
    chat,
    "invoice",
    { invoice },
    {
      ...readSendOptions(call, chat),
      ...(replyMarkup ? { replyMarkup } : {}),
      invoice: { payload, prices, providerToken },
    },
  );
};

const answerPreCheckoutQuery: BotMethod = (call) => {
  const { state, bot, params } = call;
  const id = params.string("pre_checkout_query_id", "QUERY_ID_INVALID");
  for (const chat of bot.chats.values()) {
    const query = chat.preCheckoutQueries.find((candidate) => candidate.id === id);
    if (!query || query.status !== "pending") continue;
    if (!params.has("ok")) throw badRequest("ok is empty");
    if (!params.flag("ok")) {
      query.status = "rejected";
      query.error_message = params.string("error_message", "error_message is empty");
      chat.recordPreCheckoutAnswer(query);
      return true;
    }
    query.status = "approved";
    const payment: SuccessfulPayment = {
      currency: query.currency,
      total_amount: query.total_amount,
      invoice_payload: query.invoice_payload,
      telegram_payment_charge_id: `local_tg_${query.id}`,
      provider_payment_charge_id: `local_provider_${query.id}`,
    };
    // On Telegram the payment then completes and arrives as a service message from the user.
    const paid = chat.addMessage({
      sender: "user",
      from: chat.user,
      kind: "successful_payment",
      content: { successful_payment: payment },
      date: state.now(),
    });
    query.payment_message_id = paid.message.message_id;
    chat.recordPreCheckoutAnswer(query);
    state.enqueue(bot, "message", paid.message);
    return true;
  }
  throw badRequest("query is too old and response timeout expired or query ID is invalid");
};

export const paymentMethods: Record<string, BotMethod> = { sendInvoice, answerPreCheckoutQuery };
