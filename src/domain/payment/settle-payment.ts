// Use cases around one payment: confirm it with its gateway and settle it exactly once; reconcile leftovers.
import { generateTrackingCode, type RandomInt } from "../application/tracking-code.js";
import type { GatewayName, PaymentGateway } from "./payment-gateway.js";
import type { PaymentLedger, PaymentRecord, SettleOutcome } from "./payment-ledger.js";

/** How long after its deadline a payment reported only by update may still be reported (a slow platform). */
export const LATE_UPDATE_GRACE_MS = 15 * 60_000;

export interface PaymentServiceDeps {
  ledger: PaymentLedger;
  gateways: Partial<Record<GatewayName, PaymentGateway>>;
  random: RandomInt;
  now: () => Date;
}

/** What confirming a payment found; the caller decides what (if anything) to tell the citizen. */
export type ConfirmOutcome =
  | SettleOutcome
  | { kind: "not_found" }
  | { kind: "not_paid"; reason: string }
  | { kind: "unknown"; reason: string }
  | { kind: "expired" };

/**
 * Asks the payment's gateway whether it was paid and settles it if so. Safe to run any number of times,
 * from any instance, in any order with the callback, the "I have paid" button and reconciliation:
 * settling is conditional on the payment still being pending, so only one caller ever gets `settled`.
 */
export async function confirmPayment(deps: PaymentServiceDeps, payment: PaymentRecord): Promise<ConfirmOutcome> {
  // A payment closed as failed is asked again: a cancel reported by a redirect can be wrong (see
  // closeCancelledPayment), and money the gateway took must still be settled.
  if (payment.status !== "pending" && payment.status !== "failed") return deps.ledger.outcomeOf(payment.id);
  const gateway = deps.gateways[payment.gateway];
  if (!gateway || !payment.gatewayReference) return { kind: "unknown", reason: "gateway not available" };
  // The amount we ask about is ours, never one a callback claims.
  const outcome = await gateway.verify({ reference: payment.gatewayReference, amountRial: payment.amountRial });
  // A paid one leaves the pending list the check time orders, so only an unsettled answer is recorded.
  if (outcome.status === "paid") return settle(deps, payment.id, outcome.receipt);
  await deps.ledger.touchChecked(payment.id, deps.now());
  if (payment.status === "failed") return deps.ledger.outcomeOf(payment.id);
  if (outcome.status === "unknown") {
    const lateUpdatesOver = payment.expiresAt.getTime() + LATE_UPDATE_GRACE_MS <= deps.now().getTime();
    if (gateway.settlesByUpdate && lateUpdatesOver && (await deps.ledger.close(payment.id, "expired", deps.now()))) return { kind: "expired" };
    return { kind: "unknown", reason: outcome.reason };
  }
  if (payment.expiresAt <= deps.now()) {
    await deps.ledger.close(payment.id, "expired", deps.now());
    return { kind: "expired" };
  }
  return { kind: "not_paid", reason: outcome.reason };
}

/** What the citizen's return from the gateway with "cancelled" (Status=NOK) led to. */
export type CancelOutcome = ConfirmOutcome | { kind: "cancelled" };

/**
 * The citizen came back from the gateway saying the payment was cancelled. The word of the redirect is not
 * trusted: the gateway is asked, and only its final "not paid" closes the payment (as failed), so that the
 * next press starts a fresh payment at once instead of reopening a dead one. A payment the gateway calls
 * paid is settled as usual; one it is unsure about stays pending.
 */
export async function closeCancelledPayment(deps: PaymentServiceDeps, payment: PaymentRecord): Promise<CancelOutcome> {
  if (payment.status !== "pending") return deps.ledger.outcomeOf(payment.id);
  const gateway = deps.gateways[payment.gateway];
  if (!gateway || !payment.gatewayReference) return { kind: "unknown", reason: "gateway not available" };
  const outcome = await gateway.verify({ reference: payment.gatewayReference, amountRial: payment.amountRial });
  if (outcome.status === "paid") return settle(deps, payment.id, outcome.receipt);
  if (outcome.status === "not_paid" && outcome.final) {
    await deps.ledger.close(payment.id, "failed", deps.now());
    return { kind: "cancelled" };
  }
  return outcome.status === "unknown" ? { kind: "unknown", reason: outcome.reason } : { kind: "not_paid", reason: outcome.reason };
}

/** Settles a payment the gateway itself reported as paid (an in-app successful_payment update). */
export function settle(deps: PaymentServiceDeps, paymentId: string, receipt: string): Promise<SettleOutcome> {
  return deps.ledger.settlePaid({
    paymentId,
    receipt,
    at: deps.now(),
    newTrackingCode: () => generateTrackingCode(deps.random),
  });
}

/**
 * Verifies payments left pending (a callback that never came, a crash between gateway and us), and expires
 * the ones past their deadline. Returns how many were settled and expired.
 */
export async function reconcilePendingPayments(
  deps: PaymentServiceDeps,
  options: { graceMs: number; batch: number },
): Promise<{ settled: SettleOutcome[]; expired: number; checked: number }> {
  const pending = await deps.ledger.pendingBefore(new Date(deps.now().getTime() - options.graceMs), options.batch);
  const settled: SettleOutcome[] = [];
  let expired = 0;
  for (const payment of pending) {
    const outcome = await confirmPayment(deps, payment);
    if (outcome.kind === "settled") settled.push(outcome);
    if (outcome.kind === "expired") expired++;
  }
  return { settled, expired, checked: pending.length };
}
