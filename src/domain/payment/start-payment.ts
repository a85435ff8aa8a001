// Starting (or resuming) the payment of an application's pre-registration fee.
import type { GatewayName, PaymentGateway } from "./payment-gateway.js";
import type { PaymentLedger } from "./payment-ledger.js";

export interface StartPaymentDeps {
  ledger: PaymentLedger;
  gateway: PaymentGateway;
  now: () => Date;
  /** How long a started payment may stay open (30 minutes by default). */
  paymentTtlMs: number;
  callbackUrl: (gateway: GatewayName) => string;
}

/** `fresh`: opened by this call (false: the payment still open from a moment ago, handed out again). */
export type StartedPayment =
  | { kind: "redirect"; paymentId: string; payUrl: string; amountRial: number; expiresAt: Date; fresh: boolean }
  | { kind: "invoice"; paymentId: string; amountRial: number; expiresAt: Date; fresh: boolean };

/**
 * Opens a payment for the application and hands it to the gateway. A payment still open from a moment ago
 * is reused (the same link again), so pressing "pay" twice never charges twice.
 */
export async function startPayment(
  deps: StartPaymentDeps,
  input: { applicationId: string; amountRial: number; chatId: number; description: string; mobile?: string },
): Promise<StartedPayment> {
  const now = deps.now();
  const { payment, created } = await deps.ledger.openPayment({
    applicationId: input.applicationId,
    gateway: deps.gateway.name,
    amountRial: input.amountRial,
    now,
    expiresAt: new Date(now.getTime() + deps.paymentTtlMs),
  });
  if (payment.gatewayReference && payment.payUrl) {
    return { kind: "redirect", paymentId: payment.id, payUrl: payment.payUrl, amountRial: payment.amountRial, expiresAt: payment.expiresAt, fresh: false };
  }
  const started = await deps.gateway.start({
    paymentId: payment.id,
    amountRial: payment.amountRial,
    description: input.description,
    callbackUrl: deps.callbackUrl(deps.gateway.name),
    chatId: input.chatId,
    mobile: input.mobile,
  });
  await deps.ledger.attachGatewayReference(payment.id, started.reference, started.kind === "redirect" ? started.payUrl : null);
  return started.kind === "redirect"
    ? { kind: "redirect", paymentId: payment.id, payUrl: started.payUrl, amountRial: payment.amountRial, expiresAt: payment.expiresAt, fresh: created }
    : { kind: "invoice", paymentId: payment.id, amountRial: payment.amountRial, expiresAt: payment.expiresAt, fresh: created };
}
