// Marks outbox rows sent in batches: one UPDATE for whatever finished while the last one ran.
import type { SqlExecutor } from "../database/sql-executor.js";
import type { Logger } from "../logging/logger.js";

/**
 * Rows sent, marked in one UPDATE per batch (whatever finished while the last one ran). Until its mark is written
 * a sent row keeps its claim (renewed like any held row), so no other instance sends it again meanwhile.
 *
 * Each row waits for its own batch only: at a peak, marks keep arriving while one is written, and a row that
 * waited until none was left waited for every later batch too, holding one of its lane's send slots all along
 * (the lane then stopped claiming, and payment confirmations queued behind marks).
 */
export class SentMarks {
  /** The batch that goes with the next write; `done` resolves once its rows are marked. */
  private next: Batch | undefined;
  private writing: Promise<void> | undefined;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the row's mark is written (if the database refuses, it is tried again; the claim covers it). */
  sent(id: bigint): Promise<void> {
    const batch = (this.next ??= newBatch());
    batch.ids.push(id);
    if (!this.writing) this.writeNext();
    return batch.done;
  }

  /** Resolves once every mark asked for so far is written. */
  async flush(): Promise<void> {
    for (;;) {
      if (!this.writing) this.writeNext();
      if (!this.writing) return;
      await this.writing;
    }
  }

  private writeNext(): void {
    const batch = this.next;
    if (!batch) return;
    this.next = undefined;
    this.writing = this.sql
      .query(MARK_SENT, [idArray(batch.ids)])
      .then(
        () => batch.resolve(),
        (error: unknown) => {
          // Sent but not marked: the claim runs out and the row would be sent again, so try again first. Its
          // waiters go on waiting, for the batch that carries the rows next.
          this.logger.warn({ err: error, rows: batch.ids.length }, "could not mark notifications sent");
          const retry = (this.next ??= newBatch());
          retry.ids.push(...batch.ids);
          retry.done.then(batch.resolve);
          return delay(500);
        },
      )
      .finally(() => {
        this.writing = undefined;
        this.writeNext();
      });
  }
}

interface Batch {
  ids: bigint[];
  done: Promise<void>;
  resolve(): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  return { ids: [], done, resolve };
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
