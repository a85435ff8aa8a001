// A Redis connection and a key prefix of its own per test file; its keys are deleted afterwards.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { REDIS_URL } from "./services.js";
import { deleteKeysMatching } from "./redis-keys.js";

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
      await deleteKeysMatching(redis, `${prefix}*`);
      redis.disconnect();
    },
  };
}
