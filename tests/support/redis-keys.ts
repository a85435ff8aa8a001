// Keys under a pattern, batch by batch (SCAN, never KEYS): for test and bench clean-up of their own prefixes.
import type { Redis } from "ioredis";

/** Deletes every key matching `pattern` (e.g. `prefix*`), one SCAN batch at a time. */
export async function deleteKeysMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}
