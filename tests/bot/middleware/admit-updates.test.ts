// admitUpdates against real Redis: a redelivered update is dropped, a failed one is handled again, two
// instances handed the same update at once handle it once, one chat's updates never overlap, the marks a
// chat leaves are one small list that expires with its window, and a plain update costs two round trips.
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import type { FlowContext } from "../../../src/bot/context.js";
import { admitUpdates, updateMark, type AdmitUpdatesOptions } from "../../../src/bot/middleware/admit-updates.js";
import { createTestRedis } from "../../support/test-redis.js";

const { redis, prefix, cleanup } = createTestRedis();
afterAll(cleanup);

const logger = pino({ level: "silent" });
const ctxOf = (updateId: number, chatId = 77, text = "hello") =>
  ({
    update: { update_id: updateId, message: { text, chat: { id: chatId } } },
    chatId,
    from: { id: chatId },
    chat: { id: chatId, type: "private" },
    logger,
  }) as unknown as FlowContext;

const admit = (options: Partial<AdmitUpdatesOptions> = {}) =>
  admitUpdates({ redis, keyPrefix: prefix, perMinute: 10_000, tellSlowDown: async () => undefined, ...options });

describe("admitUpdates", () => {
  // Two "instances": separate middleware objects sharing only Redis, as two processes would.
  const instanceA = admit();
  const instanceB = admit();

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

  it("never runs two updates of one chat at the same time, across instances and within one, in arrival order", async () => {
    let inside = 0;
    let overlap = false;
    const order: number[] = [];
    const work = (id: number) => async () => {
      inside++;
      if (inside > 1) overlap = true;
      order.push(id);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inside--;
    };
    await Promise.all([30, 31, 32, 33].map((id, i) => (i % 2 ? instanceA : instanceB)(ctxOf(id, 99), work(id))));
    expect(overlap).toBe(false);
    // Within one process, the updates of a chat run in the order they arrived.
    const inOne: number[] = [];
    await Promise.all([40, 41, 42, 43].map((id) => instanceA(ctxOf(id, 98), async () => void inOne.push(id))));
    expect(inOne).toEqual([40, 41, 42, 43]);
  });

  it("takes the same id with other content (a new Bot API server counting from 1) for a new update", async () => {
    let handled = 0;
    await instanceA(ctxOf(50, 97, "first server"), async () => void handled++);
    await instanceB(ctxOf(50, 97, "second server"), async () => void handled++);
    expect(handled).toBe(2);
  });

  it("keeps one small list of marks per chat, the newest only, expiring after the window", async () => {
    const short = admit({ markWindowSeconds: 1, marksKept: 4 });
    const chat = 96;
    for (let id = 60; id < 70; id++) await short(ctxOf(id, chat), async () => undefined);
    // Ten handled updates, one key of marks (the flood counter beside it expires with its minute).
    const keys = await redis.keys(`${prefix}*${chat}*`);
    expect(keys.filter((key) => !key.includes("flood:")).sort()).toEqual([`${prefix}handled:${chat}`]);
    expect(await redis.lrange(`${prefix}handled:${chat}`, 0, -1)).toEqual([69, 68, 67, 66].map((id) => updateMark(ctxOf(id, chat).update)));
    expect(await redis.pttl(`${prefix}handled:${chat}`)).toBeLessThanOrEqual(1000);
    expect(Number(await redis.memory("USAGE", `${prefix}handled:${chat}`))).toBeLessThan(300);
    // Once the window is over the platform cannot deliver them again, and nothing is left behind.
    await expect.poll(() => redis.exists(`${prefix}handled:${chat}`), { timeout: 5000, interval: 50 }).toBe(0);
    // A redelivery of a mark no longer kept (older than the newest four) is handled again: at-least-once.
    let handled = 0;
    await short(ctxOf(69, chat), async () => void handled++);
    expect(handled).toBe(1);
  });

  it("drops a flood at arrival and says so once", async () => {
    let told = 0;
    const gated = admit({ perMinute: 3, tellSlowDown: async () => void told++ });
    let handled = 0;
    for (let id = 80; id < 90; id++) await gated(ctxOf(id, 95), async () => void handled++);
    expect(handled).toBe(3);
    expect(told).toBe(1);
  });

  it("costs two Redis round trips for an update of an idle chat: in (count, lock, mark check) and out (mark, release)", async () => {
    const counted = new Redis(redis.options);
    const commands: string[] = [];
    const send = counted.sendCommand.bind(counted);
    counted.sendCommand = ((command: { name: string }, stream?: unknown) => {
      commands.push(command.name);
      return send(command as never, stream as never);
    }) as typeof counted.sendCommand;
    try {
      const measured = admitUpdates({ redis: counted, keyPrefix: prefix, perMinute: 100, tellSlowDown: async () => undefined });
      await measured(ctxOf(100, 94), async () => undefined); // loads the scripts
      commands.length = 0;
      await measured(ctxOf(101, 94), async () => undefined);
      expect(commands).toEqual(["evalsha", "evalsha"]);
    } finally {
      counted.disconnect();
    }
  });
});
