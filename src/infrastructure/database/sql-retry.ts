// Retrying a transaction PostgreSQL aborted to break a deadlock or a serialisation conflict.

/** Deadlocks (40P01) and serialisation failures (40001) are retried; the lock order makes them rare. */
const RETRYABLE_SQLSTATES = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 3;

/** Runs `work` again (up to three times in all) when the database aborted it for a retryable reason. */
export async function withSqlRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (attempt >= MAX_ATTEMPTS || code === undefined || !RETRYABLE_SQLSTATES.has(code)) throw error;
    }
  }
}
