// The conversation's state and the chat's journey draft in real Redis: read together, written together, atomically.
import { afterAll, describe, expect, it } from "vitest";
import { redisConversationStorage } from "../../../src/infrastructure/redis/conversation-storage.js";
import { HeldKeys } from "../../../src/infrastructure/redis/held-keys.js";
import { redisJourneyDrafts } from "../../../src/infrastructure/redis/journey-drafts.js";
import { createTestRedis } from "../../support/test-redis.js";
import { recordCommands } from "../../support/redis-command-log.js";

const { redis, prefix, cleanup } = createTestRedis();
afterAll(cleanup);

const TTL = 600;
const storage = redisConversationStorage<{ step: number }>(redis, TTL);
const drafts = redisJourneyDrafts(redis, prefix, TTL);

const countCommands = () => recordCommands(redis);

describe("conversation storage with the chat's draft", () => {
  it("reads state and draft in one command, answers the update's draft reads from it, writes both in one", async () => {
    const stateKey = `${prefix}conversation:1`;
    await redis.set(stateKey, JSON.stringify({ step: 1 }));
    await redis.set(`${prefix}draft:1`, 'prereg\n{"name":"a"}');

    const update = drafts.forUpdate(1);
    const reading = countCommands();
    expect(await storage.read(stateKey, update)).toEqual({ step: 1 });
    expect(await update.read("prereg")).toBe('{"name":"a"}');
    expect(await update.read("booking")).toBeUndefined(); // another flow's draft reads as none
    await update.write("prereg", '{"name":"b"}');
    expect(await update.read("prereg")).toBe('{"name":"b"}'); // a read after a write sees it
    reading.stop();
    expect(reading.names).toEqual(["mget"]);
    expect(await redis.get(`${prefix}draft:1`)).toBe('prereg\n{"name":"a"}'); // not stored before the state

    const writing = countCommands();
    await storage.write(stateKey, { step: 2 }, update);
    writing.stop();
    // One script call for both (EVALSHA; EVAL after it only if the server had not cached the script).
    expect(writing.names[0]).toBe("evalsha");
    expect(writing.names.every((name) => name === "evalsha" || name === "eval")).toBe(true);
    expect(JSON.parse((await redis.get(stateKey))!)).toEqual({ step: 2 });
    expect(await redis.get(`${prefix}draft:1`)).toBe('prereg\n{"name":"b"}');
    // Both keep the conversation's TTL.
    expect(await redis.ttl(stateKey)).toBeGreaterThan(TTL - 5);
    expect(await redis.ttl(`${prefix}draft:1`)).toBeGreaterThan(TTL - 5);
  });

  it("deletes state and draft together, and writes the state alone when the update owes the draft nothing", async () => {
    const stateKey = `${prefix}conversation:2`;
    await redis.set(stateKey, JSON.stringify({ step: 5 }));
    await redis.set(`${prefix}draft:2`, "prereg\n{}");
    const ending = drafts.forUpdate(2);
    await storage.read(stateKey, ending);
    await ending.clear();
    expect(await ending.read("prereg")).toBeUndefined();
    await storage.delete(stateKey, ending);
    expect(await redis.exists(stateKey, `${prefix}draft:2`)).toBe(0);

    const quiet = drafts.forUpdate(2);
    await redis.set(`${prefix}draft:2`, "prereg\n{}");
    expect(await storage.read(stateKey, quiet)).toBeUndefined();
    await storage.write(stateKey, { step: 1 }, quiet);
    expect(await redis.get(`${prefix}draft:2`)).toBe("prereg\n{}");
    expect(await redis.ttl(stateKey)).toBeGreaterThan(TTL - 5);
  });

  it("leaves the draft as it was when its pending write is taken and dropped (the state is kept), and flushes one owed alone", async () => {
    await redis.set(`${prefix}draft:3`, "prereg\n{}");
    const failed = drafts.forUpdate(3);
    await storage.read(`${prefix}conversation:3`, failed);
    await failed.write("prereg", '{"x":1}');
    expect(failed.takePending()).toBe('prereg\n{"x":1}');
    await failed.flush(); // nothing owed any more
    expect(await redis.get(`${prefix}draft:3`)).toBe("prereg\n{}");

    const unprimed = drafts.forUpdate(3);
    expect(await unprimed.read("prereg")).toBe("{}"); // not read with a state: read on its own
    await unprimed.write("prereg", '{"y":2}');
    await unprimed.flush();
    expect(await redis.get(`${prefix}draft:3`)).toBe('prereg\n{"y":2}');
    expect(await redis.ttl(`${prefix}draft:3`)).toBeGreaterThan(TTL - 5);
    await unprimed.clear();
    await unprimed.flush();
    expect(await redis.exists(`${prefix}draft:3`)).toBe(0);
  });

  it("under the chat's lock, reads state and draft as the lock read them and owes it their writes: no command of its own", async () => {
    const stateKey = `${prefix}conversation:4`;
    const draftKey = drafts.keyOf(4);
    const held = new HeldKeys([stateKey, draftKey], ['{"step":7}', 'prereg\n{"a":1}']);
    const update = drafts.forUpdate(4, held);
    const counting = countCommands();
    expect(await storage.read(stateKey, update, held)).toEqual({ step: 7 });
    expect(await update.read("prereg")).toBe('{"a":1}');
    await update.write("prereg", '{"a":2}');
    await storage.write(stateKey, { step: 8 }, update, held);
    expect(await storage.read(stateKey, update, held)).toEqual({ step: 8 }); // a read after a write sees it
    counting.stop();
    expect(counting.names).toEqual([]);
    // Stored by whoever leaves the lock (chat-lock.ts), together with the update's mark.
    expect(held.takeWrites()).toEqual([
      { key: stateKey, value: '{"step":8}', ttlSeconds: TTL },
      { key: draftKey, value: 'prereg\n{"a":2}', ttlSeconds: TTL },
    ]);
    expect(held.takeWrites()).toEqual([]);
    expect(await redis.exists(stateKey, draftKey)).toBe(0);

    // A delete, and a draft write owed by an update that stored no state, wait for the lock's release too.
    const ending = new HeldKeys([stateKey, draftKey], ['{"step":8}', null]);
    const last = drafts.forUpdate(4, ending);
    expect(await last.read("prereg")).toBeUndefined();
    await storage.delete(stateKey, last, ending);
    await last.write("prereg", "{}");
    await last.flush();
    expect(ending.takeWrites()).toEqual([
      { key: stateKey, value: "", ttlSeconds: TTL },
      { key: draftKey, value: "prereg\n{}", ttlSeconds: TTL },
    ]);
  });
});
