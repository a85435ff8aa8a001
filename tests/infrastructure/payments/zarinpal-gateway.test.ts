// The Zarinpal adapter against a fake Zarinpal over real HTTP: request, verify (100/101), refusals, outages.
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PaymentRequest } from "../../../src/domain/payment/payment-gateway.js";
import { ZarinpalGateway, ZarinpalRequestError, ZarinpalUnavailableError } from "../../../src/infrastructure/payments/zarinpal-gateway.js";
import { startFakeZarinpal, type FakeZarinpal } from "./fake-zarinpal.js";

const request: PaymentRequest = {
  paymentId: "3f2b8c1e-1111-4222-8333-444455556666",
  amountRial: 200_000,
  description: "هزینه‌ی پیش‌ثبت‌نام کارت ملی هوشمند",
  callbackUrl: "https://bot.example.ir/pay/callback/zarinpal",
  chatId: 42,
  mobile: "09121234567",
};

describe("ZarinpalGateway", () => {
  let fake: FakeZarinpal;
  let gateway: ZarinpalGateway;

  beforeAll(async () => {
    fake = await startFakeZarinpal();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.calls.length = 0;
    fake.delayMs = 0;
    gateway = new ZarinpalGateway({ merchantId: fake.merchantId, apiBase: fake.url, timeoutMs: 2_000 });
  });

  it("requests a payment in rial with our payment id and returns the StartPay link", async () => {
    const started = await gateway.start(request);
    expect(fake.calls).toEqual([
      {
        method: "POST",
        path: "/pg/v4/payment/request.json",
        body: {
          merchant_id: fake.merchantId,
          amount: 200_000,
          currency: "IRR",
          description: request.description,
          callback_url: request.callbackUrl,
          metadata: { mobile: "09121234567", order_id: request.paymentId },
        },
      },
    ]);
    expect(started.kind).toBe("redirect");
    if (started.kind !== "redirect") return;
    expect(started.reference).toMatch(/^A\d{35}$/);
    expect(started.payUrl).toBe(`${fake.url}/pg/StartPay/${started.reference}`);
    const page = await fetch(started.payUrl);
    expect(page.status).toBe(200);
  });

  it("leaves the mobile out when there is none and uses a separate StartPay host when given", async () => {
    const other = new ZarinpalGateway({ merchantId: fake.merchantId, apiBase: `${fake.url}/`, startPayBase: "https://pay.example" });
    const { mobile: _mobile, ...withoutMobile } = request;
    const started = await other.start(withoutMobile);
    expect(fake.calls[0]?.body?.metadata).toEqual({ order_id: request.paymentId });
    expect(started).toMatchObject({ payUrl: expect.stringMatching(/^https:\/\/pay\.example\/pg\/StartPay\/A\d{35}$/) });
  });

  it("throws a named error with Zarinpal's code when the request is refused", async () => {
    const wrongMerchant = new ZarinpalGateway({ merchantId: "ffffffff-ffff-ffff-ffff-ffffffffffff", apiBase: fake.url });
    const error = await wrongMerchant.start(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZarinpalRequestError);
    expect(error).toMatchObject({ code: -10 });
    await expect(gateway.start({ ...request, amountRial: 500 })).rejects.toMatchObject({ name: "ZarinpalRequestError", code: -9 });
  });

  it("throws ZarinpalUnavailableError when the request cannot be made", async () => {
    fake.failNext(1, 502);
    await expect(gateway.start(request)).rejects.toBeInstanceOf(ZarinpalUnavailableError);
  });

  it("verifies a paid payment (100), and again later with the same receipt (101)", async () => {
    const started = await gateway.start(request);
    fake.pay(started.reference);
    fake.calls.length = 0;
    const first = await gateway.verify({ reference: started.reference, amountRial: 200_000 });
    const second = await gateway.verify({ reference: started.reference, amountRial: 200_000 });
    expect(first.status).toBe("paid");
    expect(second).toEqual(first);
    expect(fake.calls.map((c) => [c.path, c.body])).toEqual([
      ["/pg/v4/payment/verify.json", { merchant_id: fake.merchantId, amount: 200_000, authority: started.reference }],
      ["/pg/v4/payment/verify.json", { merchant_id: fake.merchantId, amount: 200_000, authority: started.reference }],
    ]);
    if (first.status === "paid") expect(first.receipt).toBe(String(fake.transactions.get(started.reference)?.refId));
  });

  it("reports a different amount as not paid (-50)", async () => {
    const started = await gateway.start(request);
    fake.pay(started.reference);
    expect(await gateway.verify({ reference: started.reference, amountRial: 2_000 })).toEqual({ status: "not_paid", reason: "amount_mismatch (-50)" });
  });

  it("reports an unpaid or cancelled payment as not paid (-51), and an unknown authority (-54)", async () => {
    const unpaid = await gateway.start(request);
    expect(await gateway.verify({ reference: unpaid.reference, amountRial: 200_000 })).toEqual({ status: "not_paid", reason: "not_paid (-51)", final: true });
    fake.cancel(unpaid.reference);
    expect(await gateway.verify({ reference: unpaid.reference, amountRial: 200_000 })).toEqual({ status: "not_paid", reason: "not_paid (-51)", final: true });
    expect(await gateway.verify({ reference: "A0000000000000000000000000000000000000", amountRial: 200_000 })).toEqual({
      status: "not_paid",
      reason: "unknown_authority (-54)",
    });
  });

  it("answers unknown on a timeout, so the payment is asked about again later", async () => {
    const started = await gateway.start(request);
    fake.pay(started.reference);
    fake.delayMs = 1_000;
    const slow = new ZarinpalGateway({ merchantId: fake.merchantId, apiBase: fake.url, timeoutMs: 150 });
    const began = Date.now();
    expect(await slow.verify({ reference: started.reference, amountRial: 200_000 })).toEqual({ status: "unknown", reason: "timeout" });
    expect(Date.now() - began).toBeLessThan(900);
    fake.delayMs = 0;
    // The timed-out verification may have gone through at Zarinpal; asking again still yields the receipt.
    expect((await gateway.verify({ reference: started.reference, amountRial: 200_000 })).status).toBe("paid");
  });

  it("answers unknown on 5xx, on errors that say nothing about the payment, and when nobody listens", async () => {
    const started = await gateway.start(request);
    fake.pay(started.reference);
    fake.failNext(1, 500);
    expect(await gateway.verify({ reference: started.reference, amountRial: 200_000 })).toEqual({ status: "unknown", reason: "http 500" });
    fake.errorNext(-12, "To many attempts, please try again later.", 429);
    expect(await gateway.verify({ reference: started.reference, amountRial: 200_000 })).toEqual({ status: "unknown", reason: "zarinpal error -12" });
    fake.errorNext(-52, "Oops!!, please contact our support team", 422);
    expect((await gateway.verify({ reference: started.reference, amountRial: 200_000 })).status).toBe("unknown");

    const closedPort = await unusedPort();
    const unreachable = new ZarinpalGateway({ merchantId: fake.merchantId, apiBase: `http://127.0.0.1:${closedPort}`, timeoutMs: 2_000 });
    const outcome = await unreachable.verify({ reference: started.reference, amountRial: 200_000 });
    expect(outcome.status).toBe("unknown");
    expect(outcome).toMatchObject({ reason: expect.stringMatching(/^network error/) });
  });
});

/** A port that was free a moment ago and has nothing listening on it. */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
