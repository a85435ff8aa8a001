// admitUpdates against real Redis: a redelivered update is dropped, a failed one is handled again, two
// instances handed the same update at once handle it once, one chat's updates never overlap, the marks a
// chat leaves are one small list that expires with its window, a plain update costs two round trips, and the
// chat's keys are read with the lock and stored with the mark, never over the state of another instance.
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import type { FlowContext } from "../../../src/bot/context.js";
import { admitUpdates, heldKeysOf, updateMark, type AdmitUpdatesOptions } from "../../../src/bot/middleware/admit-updates.js";
import { createTestRedis } from "../../support/test-redis.js";
import { recordCommands } from "../../support/redis-command-log.js";

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
    const commands = recordCommands(counted).names;
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

describe("admitUpdates with the chat's keys (the conversation's state and draft)", () => {
  const chatKeys = (ctx: FlowContext) => [`${prefix}state:${ctx.chatId}`, `${prefix}draft:${ctx.chatId}`];
  const keyed = admit({ chatKeys });
  const marksOf = (chat: number) => redis.lrange(`${prefix}handled:${chat}`, 0, -1);

  it("reads them with the lock and stores the update's writes with its mark: still two round trips", async () => {
    const chat = 93;
    await redis.set(`${prefix}state:${chat}`, "state before");
    const counted = new Redis(redis.options);
    const commands = recordCommands(counted).names;
    try {
      const measured = admitUpdates({ redis: counted, keyPrefix: prefix, perMinute: 100, tellSlowDown: async () => undefined, chatKeys });
      await measured(ctxOf(110, chat), async () => undefined); // loads the scripts
      commands.length = 0;
      const ctx = ctxOf(111, chat);
      await measured(ctx, async () => {
        const held = heldKeysOf(ctx)!;
        expect([held.get(`${prefix}state:${chat}`), held.get(`${prefix}draft:${chat}`)]).toEqual(["state before", null]);
        held.set(`${prefix}state:${chat}`, "state after", 600);
        held.set(`${prefix}draft:${chat}`, "draft after", 600);
        expect(await redis.get(`${prefix}state:${chat}`)).toBe("state before"); // stored when the lock is left
      });
      expect(commands).toEqual(["evalsha", "evalsha"]);
    } finally {
      counted.disconnect();
    }
    expect(await redis.mget(`${prefix}state:${chat}`, `${prefix}draft:${chat}`)).toEqual(["state after", "draft after"]);
    expect(await redis.ttl(`${prefix}draft:${chat}`)).toBeGreaterThan(590);
    expect(await marksOf(chat)).toContain(updateMark(ctxOf(111, chat).update));
    expect(await redis.exists(`${prefix}chat-lock:${chat}`)).toBe(0);
  });

  it("stores what a failed update wrote before it threw, and leaves it unmarked to be handled again", async () => {
    const chat = 92;
    const ctx = ctxOf(120, chat);
    const failing = async () => {
      heldKeysOf(ctx)!.set(`${prefix}state:${chat}`, "written before the throw", 600);
      throw new Error("handler failed");
    };
    await expect(keyed(ctx, failing)).rejects.toThrow("handler failed");
    expect(await redis.get(`${prefix}state:${chat}`)).toBe("written before the throw");
    expect(await marksOf(chat)).toEqual([]);
    let handled = 0;
    await keyed(ctxOf(120, chat), async () => void handled++);
    expect(handled).toBe(1);
  });

  it("never stores over the state of an instance that took the chat after its lease ran out, nor marks the update", async () => {
    const chat = 91;
    const ctx = ctxOf(130, chat);
    await keyed(ctx, async () => {
      heldKeysOf(ctx)!.set(`${prefix}state:${chat}`, "mine", 600);
      // The lease ran out meanwhile and another instance took the chat and stored its own state.
      await redis.set(`${prefix}chat-lock:${chat}`, "another instance", "PX", 5000);
      await redis.set(`${prefix}state:${chat}`, "theirs");
    });
    expect(await redis.get(`${prefix}state:${chat}`)).toBe("theirs");
    expect(await redis.get(`${prefix}chat-lock:${chat}`)).toBe("another instance");
    expect(await marksOf(chat)).toEqual([]);
    // Once the other instance is done, a redelivery is handled again, with the state as it left it.
    await redis.del(`${prefix}chat-lock:${chat}`);
    let seen: string | null | undefined;
    const again = ctxOf(130, chat);
    await keyed(again, async () => void (seen = heldKeysOf(again)!.get(`${prefix}state:${chat}`)));
    expect(seen).toBe("theirs");
  });

  it("stores the writes of an update whose lease ran out when nobody has handled the chat since", async () => {
    const chat = 89;
    await redis.set(`${prefix}state:${chat}`, "as read");
    const ctx = ctxOf(150, chat);
    await keyed(ctx, async () => {
      heldKeysOf(ctx)!.set(`${prefix}state:${chat}`, "mine", 600);
      await redis.del(`${prefix}chat-lock:${chat}`); // the lease ran out (a Redis outage, say); nobody took the chat
    });
    expect(await redis.get(`${prefix}state:${chat}`)).toBe("mine");
    expect(await marksOf(chat)).toEqual([updateMark(ctx.update)]);

    // Had another instance handled the chat in between (its lock released since), its state is kept instead.
    const late = ctxOf(151, chat);
    await keyed(late, async () => {
      heldKeysOf(late)!.set(`${prefix}state:${chat}`, "mine again", 600);
      await redis.del(`${prefix}chat-lock:${chat}`);
      await redis.set(`${prefix}state:${chat}`, "theirs");
    });
    expect(await redis.get(`${prefix}state:${chat}`)).toBe("theirs");
    expect(await marksOf(chat)).toEqual([updateMark(ctx.update)]);
  });

  it("reads them for an update queued behind another of its chat when its turn comes, as the one ahead left them", async () => {
    const chat = 90;
    const seen: Array<string | null | undefined> = [];
    const update = (id: number) => {
      const ctx = ctxOf(id, chat);
      return keyed(ctx, async () => {
        const held = heldKeysOf(ctx)!;
        seen.push(held.get(`${prefix}state:${chat}`));
        await new Promise((resolve) => setImmediate(resolve));
        held.set(`${prefix}state:${chat}`, `after ${id}`, 600);
      });
    };
    await Promise.all([update(140), update(141), update(142)]);
    expect(seen).toEqual([null, "after 140", "after 141"]);
    expect(await redis.get(`${prefix}state:${chat}`)).toBe("after 142");
  });
});
