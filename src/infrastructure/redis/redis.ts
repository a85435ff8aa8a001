// Connects to Redis, or to an in-process stand-in (ioredis-mock) for single-instance local mode.
import { Redis } from "ioredis";
import RedisMock from "ioredis-mock";

/** Redis connections plus how they were made; `inProcess` stores vanish with the process. */
export interface RedisStore {
  /**
   * The bot's connection: every update's admission, state and release go here. Auto-pipelined, so the
   * commands that concurrent updates issue in one turn of the event loop leave in one write.
   */
  redis: Redis;
  /**
   * A connection without auto-pipelining, opened on first use, for the users it does not suit: BullMQ (durable
   * jobs), whose maintainers report lost job data with it (OptimalBits/bull#2276, taskforcesh/bullmq#457), and
   * the seat gate, which gathers one turn's looks into one MGET itself (auto-pipelining on top made a booking
   * stampede about 12 % slower in bench:booking).
   */
  plain(): Redis;
  kind: "redis" | "in-process";
  close(): Promise<void>;
}

/** Opens `url`, or an in-process store when it is absent. Same ioredis API either way, so no code forks. */
export function openRedis(url: string | undefined, onError: (error: Error) => void = () => undefined): RedisStore {
  if (!url) {
    const redis = new RedisMock() as unknown as Redis;
    return { redis, plain: () => redis, kind: "in-process", close: async () => void redis.disconnect() };
  }
  // maxRetriesPerRequest: null keeps commands queued across a short Redis restart instead of failing updates.
  const connect = (enableAutoPipelining: boolean) => {
    const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false, enableAutoPipelining });
    // ioredis reconnects by itself; the listener keeps a lost connection a log line, not an "unhandled error".
    redis.on("error", onError);
    return redis;
  };
  const redis = connect(true);
  let plain: Redis | undefined;
  return {
    redis,
    plain: () => (plain ??= connect(false)),
    kind: "redis",
    async close() {
      await Promise.all([redis, plain].map((connection) => connection?.quit().catch(() => connection.disconnect())));
    },
  };
}
