// The Bale invoice adapter: what it sends through the Bot API, and why it never answers "paid" itself.
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import type { PaymentRequest } from "../../../src/domain/payment/payment-gateway.js";
import { BaleInvoiceGateway } from "../../../src/infrastructure/payments/bale-invoice-gateway.js";
import { paymentsTranslate } from "./payments-translate.js";

const request: PaymentRequest = {
  paymentId: "3f2b8c1e-1111-4222-8333-444455556666",
  amountRial: 200_000,
  description: "هزینه‌ی پیش‌ثبت‌نام کارت ملی هوشمند",
  callbackUrl: "https://bot.example.ir/pay/callback/bale",
  chatId: 987_654_321,
};

/** A Bot API client whose calls are recorded and answered here instead of going to a server. */
function recordingApi() {
  const calls: { method: string; payload: Record<string, unknown> }[] = [];
  const api = new Api("123:TEST", { apiRoot: "http://127.0.0.1:9" });
  api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    return { ok: true, result: { message_id: 1, date: 0, chat: { id: request.chatId, type: "private" } } } as never;
  });
  return { api, calls };
}

describe("BaleInvoiceGateway", () => {
  it("sends an invoice in rial whose payload is our payment id, paid to the configured card", async () => {
    const { api, calls } = recordingApi();
    const translate = paymentsTranslate("fa");
    const gateway = new BaleInvoiceGateway({ api, providerToken: "6037991234567890", title: "پیش‌ثبت‌نام کارت ملی", translate });
    const started = await gateway.start(request);
    expect(started).toEqual({ kind: "invoice", reference: request.paymentId });
    expect(calls).toEqual([
      {
        method: "sendInvoice",
        payload: {
          chat_id: request.chatId,
          title: "پیش‌ثبت‌نام کارت ملی",
          description: request.description,
          payload: request.paymentId,
          currency: "IRR",
          prices: [{ label: translate("payment-invoice-label"), amount: 200_000 }],
          provider_token: "6037991234567890",
        },
      },
    ]);
    expect(translate.missing).toEqual([]);
  });

  it("keeps the title and description within the Bot API limits without splitting a character", async () => {
    const { api, calls } = recordingApi();
    const gateway = new BaleInvoiceGateway({ api, providerToken: "x", title: "ک".repeat(40), translate: paymentsTranslate("fa") });
    await gateway.start({ ...request, description: "🪪".repeat(300) });
    expect([...String(calls[0]?.payload.title)]).toHaveLength(32);
    expect([...String(calls[0]?.payload.description)]).toEqual(Array(255).fill("🪪"));
  });

  it("leaves confirmation to the successful_payment update", async () => {
    const { api, calls } = recordingApi();
    const gateway = new BaleInvoiceGateway({ api, providerToken: "x", title: "t", translate: paymentsTranslate("fa") });
    expect(await gateway.verify()).toEqual({ status: "unknown", reason: "settled_by_update" });
    expect(calls).toEqual([]);
  });
});
