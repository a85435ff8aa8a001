// The per-chat lock in real Redis: one holder at a time, a crashed holder's lease runs out, only the owner releases.
import { afterAll, describe, expect, it } from "vitest";
import { ChatLockTimeoutError, withChatLock } from "../../../src/infrastructure/redis/chat-lock.js";
import { createTestRedis } from "../../support/test-redis.js";

const { redis, prefix, cleanup } = createTestRedis();
afterAll(cleanup);

/** A promise and the function that resolves it: lets a test hold work open until it says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("chat lock", () => {
  it("runs two holders of one key one after the other, and two keys side by side", async () => {
    const key = `${prefix}lock:a`;
    const events: string[] = [];
    const first = gate();
    const firstStarted = gate();
    const one = withChatLock(redis, key, async () => {
      events.push("one in");
      firstStarted.open();
      await first.opened;
      events.push("one out");
    });
    await firstStarted.opened;
    const two = withChatLock(redis, key, async () => void events.push("two in"));
    // Another chat is not held up by the first one.
    await withChatLock(redis, `${prefix}lock:b`, async () => void events.push("other chat"));
    expect(events).toEqual(["one in", "other chat"]);
    first.open();
    await Promise.all([one, two]);
    expect(events).toEqual(["one in", "other chat", "one out", "two in"]);
    expect(await redis.exists(key)).toBe(0);
  });

  it("waits out the lease of a holder that died without releasing", async () => {
    const key = `${prefix}lock:crashed`;
    await redis.set(key, "a dead instance", "PX", 300);
    const ran = await withChatLock(redis, key, async () => "ran", { leaseMs: 1000 });
    expect(ran).toBe("ran");
    expect(await redis.exists(key)).toBe(0);
  });

  it("gives up with ChatLockTimeoutError when the chat stays locked past the wait", async () => {
    const key = `${prefix}lock:stuck`;
    await redis.set(key, "someone else", "PX", 10_000);
    await expect(withChatLock(redis, key, async () => "never", { waitMs: 100 })).rejects.toBeInstanceOf(ChatLockTimeoutError);
    expect(await redis.get(key)).toBe("someone else");
  });

  it("never releases a lock that has passed to another holder, and renews its own lease while working", async () => {
    const key = `${prefix}lock:renew`;
    await withChatLock(
      redis,
      key,
      async () => {
        // Longer than the lease: renewal (every third of it) keeps the lock ours.
        await new Promise((resolve) => setTimeout(resolve, 700));
        expect(await redis.exists(key)).toBe(1);
        // Simulate the lease passing to another holder: the release must leave theirs alone.
        await redis.set(key, "next holder", "PX", 5000);
      },
      { leaseMs: 300 },
    );
    expect(await redis.get(key)).toBe("next holder");
  });

  it("releases the lock when the work throws", async () => {
    const key = `${prefix}lock:throws`;
    await expect(withChatLock(redis, key, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await redis.exists(key)).toBe(0);
  });
});
