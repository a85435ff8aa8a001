// The case system's timer: opens cases for fees recorded above the tariff, and posts overdue cases to their unit's
// supervisors. Every instance may run it: each violation opens one case, each case escalates once.
import type { CaseStore } from "../../domain/cases/case-store.js";
import { openCasesForFeeViolations } from "../database/cases/fee-violation-cases.js";
import type { SqlExecutor } from "../database/sql-executor.js";
import type { Logger } from "../logging/logger.js";

export class CaseEscalationSweeper {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;

  constructor(private readonly options: { cases: CaseStore; sql: SqlExecutor; logger: Logger; wake: () => void; intervalMs?: number }) {}

  start(): void {
    this.timer = setInterval(() => {
      this.pass ??= this.runOnce().finally(() => (this.pass = undefined));
    }, this.options.intervalMs ?? 60_000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass: opens the violations' cases, escalates what is overdue now, wakes the outbox for the notices. */
  async runOnce(now = new Date()): Promise<number> {
    try {
      const opened = await openCasesForFeeViolations(this.options.sql, this.options.cases, now);
      if (opened > 0) this.options.logger.info({ opened }, "cases opened for completion fees above the tariff");
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
