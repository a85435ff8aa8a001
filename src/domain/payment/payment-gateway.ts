// The payment-gateway port: what the domain asks of Zarinpal, the sandbox gateway or Bale's invoices.

/** Gateways the project has adapters for. */
export type GatewayName = "sandbox" | "zarinpal" | "bale";

/** What we ask a gateway to collect. The amount always comes from our own records. */
export interface PaymentRequest {
  paymentId: string;
  amountRial: number;
  /** Shown by the gateway on its page or receipt. */
  description: string;
  /** Where a redirecting gateway sends the citizen back (our callback route). */
  callbackUrl: string;
  /** The chat to send an in-app invoice to. */
  chatId: number;
  mobile?: string;
}

/** How the citizen pays: follow a link, or pay an invoice the gateway already sent into the chat. */
export type PaymentStart = { kind: "redirect"; reference: string; payUrl: string } | { kind: "invoice"; reference: string };

/**
 * The gateway's word on a payment. `unknown`: it could not be asked (timeout); ask again later. `final` on
 * not_paid: the gateway says this payment attempt is over (cancelled or failed there), so a new one must be
 * started for the citizen to pay.
 */
export type VerifyOutcome =
  | { status: "paid"; receipt: string }
  | { status: "not_paid"; reason: string; final?: boolean }
  | { status: "unknown"; reason: string };

export interface PaymentGateway {
  readonly name: GatewayName;
  /**
   * The gateway reports payments by an update (Bale's successful_payment) and cannot be asked later:
   * its open payments are expired once their deadline and a grace period for late updates have passed.
   */
  readonly settlesByUpdate?: boolean;
  start(request: PaymentRequest): Promise<PaymentStart>;
  /**
   * Asks whether the payment `reference` of `amountRial` went through. Must be safe to call any number
   * of times (Zarinpal answers 101 for an already verified payment: that is `paid` too).
   */
  verify(payment: { reference: string; amountRial: number }): Promise<VerifyOutcome>;
}
