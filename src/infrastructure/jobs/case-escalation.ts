// Posts overdue cases to their unit's supervisors on a timer; every instance may run it (each case escalates once).
import type { CaseStore } from "../../domain/cases/case-store.js";
import type { Logger } from "../logging/logger.js";

export class CaseEscalationSweeper {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;

  constructor(private readonly options: { cases: CaseStore; logger: Logger; wake: () => void; intervalMs?: number }) {}

  start(): void {
    this.timer = setInterval(() => {
      this.pass ??= this.runOnce().finally(() => (this.pass = undefined));
    }, this.options.intervalMs ?? 5 * 60_000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass: escalates what is overdue now and wakes the outbox for the supervisors' notices. */
  async runOnce(now = new Date()): Promise<number> {
    try {
      const escalated = await this.options.cases.escalateOverdue(now);
      if (escalated.length > 0) {
        this.options.logger.info({ escalated: escalated.length }, "overdue cases posted to supervisors");
        this.options.wake();
      }
      return escalated.length;
    } catch (error) {
      this.options.logger.error({ err: error }, "case escalation sweep failed");
      return 0;
    }
  }
}
