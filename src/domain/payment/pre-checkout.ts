// Whether an in-app invoice may be paid: the platform asks just before charging (pre_checkout_query).
import type { PaymentRecord } from "./payment-ledger.js";

/** In-app invoices are priced in rial (Bale assumes rial; Telegram is told so explicitly). */
export const INVOICE_CURRENCY = "IRR";

/**
 * Accepted only for a payment still pending and not expired, charged in rial for exactly the amount we
 * asked: the platform's query is a claim, our ledger is the truth.
 */
export function acceptsPreCheckout(
  payment: Pick<PaymentRecord, "status" | "expiresAt" | "amountRial"> | null,
  query: { readonly currency: string; readonly totalAmount: number },
  now: Date,
): boolean {
  return (
    payment !== null &&
    payment.status === "pending" &&
    payment.expiresAt > now &&
    query.currency === INVOICE_CURRENCY &&
    query.totalAmount === payment.amountRial
  );
}
