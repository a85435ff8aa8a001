// deduplicateUpdates against real Redis: a redelivered update is dropped, a failed one is handled again, two
// instances handed the same update at once handle it once, one chat's updates never overlap.
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import type { FlowContext } from "../../../src/bot/context.js";
import { deduplicateUpdates } from "../../../src/bot/middleware/deduplicate-updates.js";
import { createTestRedis } from "../../support/test-redis.js";

const { redis, prefix, cleanup } = createTestRedis();
afterAll(cleanup);

const logger = pino({ level: "silent" });
const ctxOf = (updateId: number, chatId = 77) => ({ update: { update_id: updateId }, chatId, from: { id: chatId }, logger }) as unknown as FlowContext;

describe("deduplicateUpdates", () => {
  // Two "instances": separate middleware objects sharing only Redis, as two processes would.
  const instanceA = deduplicateUpdates({ redis, keyPrefix: prefix });
  const instanceB = deduplicateUpdates({ redis, keyPrefix: prefix });

  it("handles an update once and drops it when the platform delivers it again", async () => {
    let handled = 0;
    const next = async () => void handled++;
    await instanceA(ctxOf(1), next);
    await instanceA(ctxOf(1), next);
    await instanceB(ctxOf(1), next);
    expect(handled).toBe(1);
    await instanceB(ctxOf(2), next);
    expect(handled).toBe(2);
  });

  it("handles an update again after a failure before it was marked (nothing lost)", async () => {
    let attempts = 0;
    const failing = async () => {
      attempts++;
      throw new Error("instance died mid-update");
    };
    await expect(instanceA(ctxOf(10), failing)).rejects.toThrow("died");
    await instanceB(ctxOf(10), async () => void attempts++);
    expect(attempts).toBe(2);
    await instanceA(ctxOf(10), async () => void attempts++);
    expect(attempts).toBe(2);
  });

  it("lets only one of two instances handed the same update at once handle it", async () => {
    let handled = 0;
    const slow = async () => {
      handled++;
      await new Promise((resolve) => setImmediate(resolve));
    };
    await Promise.all([instanceA(ctxOf(20), slow), instanceB(ctxOf(20), slow)]);
    expect(handled).toBe(1);
  });

  it("never runs two updates of one chat at the same time, across instances", async () => {
    let inside = 0;
    let overlap = false;
    const work = async () => {
      inside++;
      if (inside > 1) overlap = true;
      await new Promise((resolve) => setTimeout(resolve, 20));
      inside--;
    };
    await Promise.all([30, 31, 32, 33].map((id, i) => (i % 2 ? instanceA : instanceB)(ctxOf(id, 99), work)));
    expect(overlap).toBe(false);
  });
});
