// Connects to Redis, or to an in-process stand-in (ioredis-mock) for single-instance local mode.
import { Redis } from "ioredis";
import RedisMock from "ioredis-mock";

/** A Redis connection plus how it was made; `inProcess` stores vanish with the process. */
export interface RedisStore {
  redis: Redis;
  kind: "redis" | "in-process";
  close(): Promise<void>;
}

/** Opens `url`, or an in-process store when it is absent. Same ioredis API either way, so no code forks. */
export function openRedis(url: string | undefined, onError: (error: Error) => void = () => undefined): RedisStore {
  if (!url) {
    const redis = new RedisMock() as unknown as Redis;
    return { redis, kind: "in-process", close: async () => void redis.disconnect() };
  }
  // maxRetriesPerRequest: null keeps commands queued across a short Redis restart instead of failing updates.
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  // ioredis reconnects by itself; the listener keeps a lost connection a log line, not an "unhandled error".
  redis.on("error", onError);
  return {
    redis,
    kind: "redis",
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
