// Runs payment reconciliation on a timer: payments left pending after a crash or a lost callback get verified.
import { reconcilePendingPayments, type PaymentServiceDeps } from "../../domain/payment/settle-payment.js";
import type { Logger } from "../logging/logger.js";

export interface PaymentReconcilerOptions {
  payments: PaymentServiceDeps;
  logger: Logger;
  onSettled: () => void;
  /** Between passes. Every instance runs it; settling is conditional, so overlapping passes are harmless. */
  intervalMs?: number;
  /** A payment younger than this is left to its callback. */
  graceMs?: number;
}

export class PaymentReconciler {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;

  constructor(private readonly options: PaymentReconcilerOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      this.pass ??= this.runOnce()
        .then(() => undefined)
        .finally(() => (this.pass = undefined));
    }, this.options.intervalMs ?? 60_000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass; errors are logged, never thrown, so the timer keeps going. */
  async runOnce(): Promise<{ settled: number; expired: number; checked: number }> {
    try {
      const result = await reconcilePendingPayments(this.options.payments, { graceMs: this.options.graceMs ?? 120_000, batch: 100 });
      if (result.settled.length > 0) this.options.onSettled();
      if (result.checked > 0)
        this.options.logger.info({ checked: result.checked, settled: result.settled.length, expired: result.expired }, "payments reconciled");
      return { settled: result.settled.length, expired: result.expired, checked: result.checked };
    } catch (error) {
      this.options.logger.error({ err: error }, "payment reconciliation failed");
      return { settled: 0, expired: 0, checked: 0 };
    }
  }
}
