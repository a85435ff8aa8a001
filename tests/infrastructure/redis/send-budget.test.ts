// The bulk send budget in real Redis: two instances sharing it never exceed the rate in any second, a 429's hold
// pushes every instance's next slot, and each chat gets one bulk turn a second whoever asks.
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RedisSendBudget } from "../../../src/infrastructure/redis/send-budget.js";
import { createTestRedis } from "../../support/test-redis.js";

const { redis, url, prefix, cleanup } = createTestRedis();
const other = new Redis(url, { maxRetriesPerRequest: null });
afterAll(async () => {
  other.disconnect();
  await cleanup();
});

describe("the shared bulk send budget", () => {
  it("gives two instances together at most the rate in any one-second window, and close to it", async () => {
    const rate = 200;
    const [a, b] = [new RedisSendBudget(redis, `${prefix}pace`, rate), new RedisSendBudget(other, `${prefix}pace`, rate)];
    const slots: number[] = [];
    // Each instance asks for batches of different sizes, interleaved, as two dispatchers do.
    await Promise.all(
      [a, b].map(async (budget, which) => {
        for (let i = 0; i < 40; i++) {
          const count = which === 0 ? 7 : 13;
          const grant = await budget.reserve(count);
          for (let k = 0; k < count; k++) slots.push(grant.firstAtMicros + k * grant.intervalMs * 1000);
        }
      }),
    );
    slots.sort((x, y) => x - y);
    expect(slots).toHaveLength(40 * 20);
    expect(new Set(slots).size).toBe(slots.length);
    // Every half-open second [t, t + 1 s) starting at a slot holds at most `rate` slots.
    let most = 0;
    for (let i = 0, j = 0; i < slots.length; i++) {
      while (j < slots.length && slots[j]! < slots[i]! + 1_000_000) j++;
      most = Math.max(most, j - i);
    }
    expect(most).toBeLessThanOrEqual(rate);
    // No gap was left between the slots handed out back to back: the budget is used, not only bounded.
    const spanSeconds = (slots.at(-1)! - slots[0]!) / 1_000_000;
    expect(slots.length / spanSeconds).toBeGreaterThan(rate * 0.95);
  });

  it("holds every instance's slots after a 429, and counts it once for all", async () => {
    const [a, b] = [new RedisSendBudget(redis, `${prefix}held`, 50), new RedisSendBudget(other, `${prefix}held`, 50)];
    expect((await a.reserve(1)).firstInMs).toBe(0);
    await a.countRateLimited();
    await a.holdFor(3000);
    const next = await b.reserve(1);
    expect(next.firstInMs).toBeGreaterThan(2500);
    expect(await b.rateLimitedCount()).toBe(1);
  });

  it("gives each chat one bulk turn a second, across instances, and says how long the next one waits", async () => {
    const [a, b] = [new RedisSendBudget(redis, `${prefix}chats`, 50), new RedisSendBudget(other, `${prefix}chats`, 50)];
    const first = await a.takeChatTurns(["1", "2", "1"], 1000);
    expect(first[0]).toBe(0);
    expect(first[1]).toBe(0);
    expect(first[2]).toBeGreaterThan(0);
    const second = await b.takeChatTurns(["2", "3"], 1000);
    expect(second[0]).toBeGreaterThan(0);
    expect(second[0]).toBeLessThanOrEqual(1000);
    expect(second[1]).toBe(0);
  });
});
