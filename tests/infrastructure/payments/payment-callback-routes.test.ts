// The callback route's decisions with a scripted ledger and confirmer: which page for which outcome, and when to verify.
import { describe, expect, it, vi } from "vitest";
import type { PaymentLedger, PaymentRecord, SettleOutcome } from "../../../src/domain/payment/payment-ledger.js";
import type { CancelOutcome, ConfirmOutcome } from "../../../src/domain/payment/settle-payment.js";
import { paymentCallbackRoutes, resultOf } from "../../../src/infrastructure/payments/payment-callback-routes.js";
import { paymentsTranslate } from "./payments-translate.js";

const payment: PaymentRecord = {
  id: "3f2b8c1e-1111-4222-8333-444455556666",
  applicationId: "9a2b8c1e-1111-4222-8333-444455556666",
  gateway: "zarinpal",
  amountRial: 200_000,
  status: "pending",
  gatewayReference: "A000000000000000000000000000000000001",
  payUrl: "https://www.zarinpal.com/pg/StartPay/A000000000000000000000000000000000001",
  createdAt: new Date("2026-01-01T10:00:00Z"),
  expiresAt: new Date("2026-01-01T10:30:00Z"),
};

function setup(
  options: {
    found?: PaymentRecord | null;
    confirm?: () => Promise<ConfirmOutcome>;
    cancel?: () => Promise<CancelOutcome>;
    outcome?: SettleOutcome;
    botUrl?: string;
  } = {},
) {
  const translate = paymentsTranslate("fa");
  const findByReference = vi.fn<PaymentLedger["findByReference"]>(async () => (options.found === undefined ? payment : options.found));
  const outcomeOf = vi.fn<PaymentLedger["outcomeOf"]>(async () => options.outcome ?? { kind: "not_pending", status: "pending" });
  const confirm = vi.fn(options.confirm ?? (async (): Promise<ConfirmOutcome> => ({ kind: "settled", trackingCode: "123456789012", chatId: 1 })));
  const cancel = vi.fn(options.cancel ?? (async (): Promise<CancelOutcome> => ({ kind: "cancelled" })));
  const onError = vi.fn();
  const app = paymentCallbackRoutes({ ledger: { findByReference, outcomeOf }, confirm, cancel, translate, onError, botUrl: options.botUrl });
  const get = async (query: string) => {
    const response = await app.request(`/pay/callback/zarinpal?${query}`);
    return { status: response.status, html: await response.text(), headers: response.headers };
  };
  return { get, translate, findByReference, outcomeOf, confirm, cancel, onError };
}

describe("payment callback route", () => {
  it("verifies on Status=OK, looks the payment up by gateway and authority, and shows success without the code", async () => {
    const { get, translate, findByReference, confirm } = setup({ botUrl: "https://ble.ir/idcard_bot" });
    const page = await get(`Authority=${payment.gatewayReference}&Status=OK`);
    expect(findByReference).toHaveBeenCalledWith("zarinpal", payment.gatewayReference);
    expect(confirm).toHaveBeenCalledWith(payment);
    expect(page.status).toBe(200);
    expect(page.html).toContain(translate("payment-result-paid-heading"));
    expect(page.html).toContain(translate("payment-result-paid-body"));
    expect(page.html).not.toContain("123456789012");
    expect(page.html).toContain('href="https://ble.ir/idcard_bot"');
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(translate.missing).toEqual([]);
  });

  it("on Status=NOK asks the gateway through cancel (not confirm) and shows the cancelled page", async () => {
    for (const outcome of [{ kind: "cancelled" }, { kind: "not_paid", reason: "not_paid_yet" }, { kind: "unknown", reason: "timeout" }] as CancelOutcome[]) {
      const { get, translate, confirm, cancel } = setup({ cancel: async () => outcome });
      const page = await get(`Authority=${payment.gatewayReference}&Status=NOK`);
      expect(confirm).not.toHaveBeenCalled();
      expect(cancel).toHaveBeenCalledWith(payment);
      expect(page.html).toContain(translate("payment-result-cancelled-heading"));
    }
  });

  it("on Status=NOK for a payment the gateway calls paid shows what became of it", async () => {
    const { get, translate } = setup({ cancel: async () => ({ kind: "already_settled", trackingCode: "123456789012" }) });
    const page = await get(`Authority=${payment.gatewayReference}&Status=NOK`);
    expect(page.html).toContain(translate("payment-result-paid-heading"));
  });

  it.each([
    [{ kind: "not_paid", reason: "not_paid (-51)" }, "payment-result-not-paid-heading"],
    [{ kind: "unknown", reason: "timeout" }, "payment-result-unknown-heading"],
    [{ kind: "expired" }, "payment-result-expired-heading"],
    [{ kind: "already_settled", trackingCode: "123456789012" }, "payment-result-paid-heading"],
    [{ kind: "not_pending", status: "paid" }, "payment-result-not-payable-heading"],
    [{ kind: "not_pending", status: "failed" }, "payment-result-not-paid-heading"],
  ] as [ConfirmOutcome, string][])("shows the right page for %o", async (outcome, key) => {
    const { get, translate } = setup({ confirm: async () => outcome });
    const page = await get(`Authority=${payment.gatewayReference}&Status=OK`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(translate(key));
  });

  it("shows the not-found page with 404 for an unknown authority, and never verifies", async () => {
    const { get, translate, confirm } = setup({ found: null });
    const page = await get("Authority=A999&Status=OK");
    expect(page.status).toBe(404);
    expect(page.html).toContain(translate("payment-result-not-found-heading"));
    expect(confirm).not.toHaveBeenCalled();
  });

  it("shows the we-will-check-again page and reports the error when the ledger or gateway fails", async () => {
    const failure = new Error("database down");
    const { get, translate, onError } = setup({ confirm: async () => Promise.reject(failure) });
    const page = await get(`Authority=${payment.gatewayReference}&Status=OK`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(translate("payment-result-unknown-heading"));
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it("maps every confirm outcome to a page", () => {
    expect(resultOf({ kind: "settled", trackingCode: "1", chatId: 1 })).toBe("paid");
    expect(resultOf({ kind: "not_found" })).toBe("not_found");
    expect(resultOf({ kind: "not_pending", status: "expired" })).toBe("expired");
    expect(resultOf({ kind: "not_pending", status: "pending" })).toBe("unknown");
  });
});
