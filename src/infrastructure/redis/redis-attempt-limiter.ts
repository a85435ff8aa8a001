// Failed-attempt counters in Redis: fixed windows that expire on their own; keys hold a hash, not the ID.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { AttemptLimiter, LimitKey } from "../../domain/security/attempt-limiter.js";

export function createRedisAttemptLimiter(redis: Redis, prefix: string, now: () => Date = () => new Date()): AttemptLimiter {
  // A national ID must not sit readable in Redis: the key is a hash of what is limited.
  const redisKey = (limit: LimitKey) => `${prefix}attempts:${createHash("sha256").update(limit.key).digest("hex").slice(0, 32)}`;

  async function blockedUntil(keys: LimitKey[]): Promise<Date | null> {
    // Every key's count and time left in one round trip (a pipeline: no transaction needed to read).
    const reads = redis.pipeline();
    for (const limit of keys) {
      const key = redisKey(limit);
      // A slowing rule past its max waits only for the pause after the last failure.
      reads.get(key).pttl(limit.rule.slowSeconds ? `${key}:pause` : key);
    }
    const replies = keys.length > 0 ? ((await reads.exec()) ?? []) : [];
    let until: Date | null = null;
    for (const [i, limit] of keys.entries()) {
      const [countError, count] = replies[2 * i] ?? [];
      const [ttlError, ttl] = replies[2 * i + 1] ?? [];
      if (countError || ttlError) throw countError ?? ttlError;
      const ttlMs = Number(ttl ?? 0);
      if (Number(count ?? 0) < limit.rule.max || ttlMs <= 0) continue;
      const opens = new Date(now().getTime() + ttlMs);
      if (!until || opens > until) until = opens;
    }
    return until;
  }

  return {
    blockedUntil,
    async recordFailure(keys) {
      for (const limit of keys) {
        const key = redisKey(limit);
        // Create the counter with its window only if absent (the window starts at the first failure); INCR keeps the TTL.
        const results = await redis
          .multi()
          .set(key, 0, "PX", limit.rule.windowSeconds * 1000, "NX")
          .incr(key)
          .exec();
        if (!results) throw new Error("attempt counter transaction aborted");
        if (limit.rule.slowSeconds) await redis.set(`${key}:pause`, "1", "PX", limit.rule.slowSeconds * 1000);
      }
      return blockedUntil(keys);
    },
  };
}
