// Marks outbox rows sent in batches: one UPDATE for whatever finished while the last one ran.
import type { SqlExecutor } from "../database/sql-executor.js";
import type { Logger } from "../logging/logger.js";

/**
 * Rows sent, marked in one UPDATE per batch (whatever finished while the last one ran). Until its mark is written
 * a sent row keeps its claim (renewed like any held row), so no other instance sends it again meanwhile.
 */
export class SentMarks {
  private waiting: bigint[] = [];
  private writing: Promise<void> | undefined;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the row's mark is written (or, if the database refused, logged and left to the claim). */
  async sent(id: bigint): Promise<void> {
    this.waiting.push(id);
    await this.flush();
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.waiting.length === 0) return;
    const ids = this.waiting;
    this.waiting = [];
    this.writing = this.sql
      .query(MARK_SENT, [idArray(ids)])
      .then(() => undefined)
      .catch((error: unknown) => {
        // Sent but not marked: the claim runs out and the row would be sent again, so try again first.
        this.waiting.push(...ids);
        this.logger.warn({ err: error, rows: ids.length }, "could not mark notifications sent");
        return delay(500).then(() => void setTimeout(() => void this.flush(), 0).unref());
      })
      .finally(() => (this.writing = undefined));
    await this.writing;
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The rows whose ids are the bigint[] parameter `param` (e.g. "$1"), locked in id order: the renewal of held
 * claims and the marks of sent rows touch overlapping rows at the same time, and two multi-row updates that lock
 * in different orders deadlock.
 */
export function inIdOrder(param: string): string {
  return `SELECT id FROM notifications WHERE id = ANY(${param}::bigint[]) ORDER BY id FOR UPDATE`;
}

/** Ids as the text elements of a bigint[] parameter (node-postgres and PGlite both take them as they are). */
export function idArray(ids: readonly bigint[]): string[] {
  return ids.map(String);
}

const MARK_SENT = `UPDATE notifications SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id IN (${inIdOrder("$1")})`;
