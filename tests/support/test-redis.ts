// A Redis connection and a key prefix of its own per test file; its keys are deleted afterwards.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { REDIS_URL } from "./services.js";

export interface TestRedis {
  redis: Redis;
  url: string;
  prefix: string;
  cleanup(): Promise<void>;
}

export function createTestRedis(): TestRedis {
  // maxRetriesPerRequest null, as the app sets it: BullMQ workers need it.
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = `idcard-test-${randomBytes(5).toString("hex")}:`;
  return {
    redis,
    url: REDIS_URL,
    prefix,
    async cleanup() {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== "0");
      redis.disconnect();
    },
  };
}
