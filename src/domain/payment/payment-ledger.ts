// The payment-ledger port: our own record of payments. Each method is one atomic step in the store.
import type { GatewayName } from "./payment-gateway.js";

export type PaymentStatus = "pending" | "paid" | "failed" | "expired";

export interface PaymentRecord {
  id: string;
  applicationId: string;
  gateway: GatewayName;
  amountRial: number;
  status: PaymentStatus;
  gatewayReference: string | null;
  payUrl: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** What settling a verified payment did. Only `settled` announces anything to the citizen. */
export type SettleOutcome =
  | { kind: "settled"; trackingCode: string; chatId: number }
  | { kind: "already_settled"; trackingCode: string }
  | { kind: "not_pending"; status: PaymentStatus };

export interface PaymentLedger {
  /**
   * The application's open payment if it is still usable, otherwise a new one (an expired pending one is
   * marked expired first). The store guarantees at most one pending payment per application.
   */
  openPayment(input: {
    applicationId: string;
    gateway: GatewayName;
    amountRial: number;
    now: Date;
    expiresAt: Date;
  }): Promise<{ payment: PaymentRecord; created: boolean }>;
  attachGatewayReference(paymentId: string, reference: string, payUrl: string | null): Promise<void>;
  findById(paymentId: string): Promise<PaymentRecord | null>;
  /**
   * The payment with the chat whose application it is for, in one read (null: no such payment): a button
   * naming it must come from that chat.
   */
  findWithOwnerChat(paymentId: string): Promise<{ payment: PaymentRecord; ownerChatId: number } | null>;
  findByReference(gateway: GatewayName, reference: string): Promise<PaymentRecord | null>;
  /**
   * In one transaction, and only if the payment is still pending: mark it paid with the receipt, move the
   * application to paid with a new tracking code (`newTrackingCode` is called again if a code collides),
   * record the timeline event, and queue the confirmation message. A payment that another instance already
   * settled comes back as `already_settled`.
   */
  settlePaid(input: { paymentId: string; receipt: string; at: Date; newTrackingCode: () => string }): Promise<SettleOutcome>;
  /** For a payment no longer pending: `already_settled` with the application's code, or `not_pending`. */
  outcomeOf(paymentId: string): Promise<SettleOutcome>;
  /** Marks a pending payment failed or expired; false when it was no longer pending. */
  close(paymentId: string, status: "failed" | "expired", at: Date): Promise<boolean>;
  /** Pending payments created before `olderThan`, oldest first: what reconciliation looks at. */
  pendingBefore(olderThan: Date, limit: number): Promise<PaymentRecord[]>;
  touchChecked(paymentId: string, at: Date): Promise<void>;
}
