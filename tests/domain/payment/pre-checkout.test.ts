// Whether an in-app invoice may be charged: only our pending, unexpired payment, in rial, for its exact amount.
import { describe, expect, it } from "vitest";
import { acceptsPreCheckout, INVOICE_CURRENCY } from "../../../src/domain/payment/pre-checkout.js";

const now = new Date("2026-05-01T06:00:00Z");
const pending = { status: "pending" as const, expiresAt: new Date(now.getTime() + 60_000), amountRial: 200_000 };
const query = { currency: INVOICE_CURRENCY, totalAmount: 200_000 };

describe("pre-checkout", () => {
  it("accepts a pending payment in rial for exactly its amount before it expires", () => {
    expect(INVOICE_CURRENCY).toBe("IRR");
    expect(acceptsPreCheckout(pending, query, now)).toBe(true);
  });

  it("refuses an unknown, settled or expired payment, another currency and another amount", () => {
    expect(acceptsPreCheckout(null, query, now)).toBe(false);
    expect(acceptsPreCheckout({ ...pending, status: "paid" }, query, now)).toBe(false);
    expect(acceptsPreCheckout({ ...pending, expiresAt: now }, query, now)).toBe(false);
    expect(acceptsPreCheckout(pending, { ...query, currency: "USD" }, now)).toBe(false);
    expect(acceptsPreCheckout(pending, { ...query, totalAmount: 199_999 }, now)).toBe(false);
  });
});
