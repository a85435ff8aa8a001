// The app's Redis connections on a real server: the bot's is auto-pipelined, the durable jobs' is not.
import { afterAll, describe, expect, it } from "vitest";
import { openRedis } from "../../../src/infrastructure/redis/redis.js";
import { createTestRedis } from "../../support/test-redis.js";

const { url, prefix, cleanup } = createTestRedis();
afterAll(cleanup);

describe("openRedis", () => {
  it("sends the commands of one event-loop turn together, each answered with its own reply", async () => {
    const store = openRedis(url);
    try {
      await store.redis.ping();
      const keys = Array.from({ length: 20 }, (_, i) => `${prefix}auto:${i}`);
      const writes = keys.map((key, i) => store.redis.set(key, String(i)));
      // Queued in one auto-pipeline, not yet written, while this turn of the event loop lasts.
      expect(store.redis.autoPipelineQueueSize).toBe(keys.length);
      expect(await Promise.all(writes)).toEqual(keys.map(() => "OK"));
      expect(await Promise.all(keys.map((key) => store.redis.get(key)))).toEqual(keys.map((_, i) => String(i)));
    } finally {
      await store.close();
    }
  });

  it("gives BullMQ and the seat gate a connection of their own without auto-pipelining, and closes both", async () => {
    const store = openRedis(url);
    const jobs = store.plain();
    expect(store.plain()).toBe(jobs);
    expect(jobs).not.toBe(store.redis);
    const writes = [jobs.set(`${prefix}jobs:a`, "1"), jobs.set(`${prefix}jobs:b`, "2")];
    // Each command goes out on its own: nothing waits in an auto-pipeline.
    expect(jobs.autoPipelineQueueSize).toBe(0);
    expect(await Promise.all(writes)).toEqual(["OK", "OK"]);
    const ended = [store.redis, jobs].map((connection) => new Promise((resolve) => connection.once("end", resolve)));
    await store.close();
    // QUIT's reply comes before the socket closes; "end" is the connection gone for good, no reconnect.
    await Promise.all(ended);
    expect([store.redis.status, jobs.status]).toEqual(["end", "end"]);
  });

  it("uses one in-process stand-in for both without a URL", async () => {
    const store = openRedis(undefined);
    expect(store.kind).toBe("in-process");
    expect(store.plain()).toBe(store.redis);
    await store.redis.set("k", "v");
    expect(await store.redis.get("k")).toBe("v");
    await store.close();
  });
});
