// The conversations' state in Redis, read and written together with the chat's journey draft.
import type { Redis } from "ioredis";
import type { HeldKeys } from "./held-keys.js";
import type { UpdateDrafts } from "./journey-drafts.js";

/**
 * Stores state (SET with EX, or DEL) and the draft write the update owes (SET with EX, or DEL) in one call:
 * one round trip, and atomic, so a crash leaves both as before or both as after. ARGV[1] is the state's
 * JSON ("" deletes), ARGV[2] the TTL, ARGV[3] the draft's value ("" deletes); neither value is ever "".
 */
const WRITE_BOTH = `
if ARGV[1] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) end
if ARGV[3] == '' then redis.call('DEL', KEYS[2]) else redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[2]) end
return 1`;

type WithWriteBoth = Redis & {
  conversationWriteBoth(stateKey: string, draftKey: string, state: string, ttl: number, draft: string): Promise<number>;
};

/**
 * Storage of one update's conversation state under a key; `drafts` is that update's draft, when it has one,
 * and `held` the chat's keys as the update read them under the chat's lock, when it holds it.
 */
export interface ConversationStateStorage<S> {
  read(key: string, drafts?: UpdateDrafts, held?: HeldKeys): Promise<S | undefined>;
  write(key: string, state: S, drafts?: UpdateDrafts, held?: HeldKeys): Promise<void>;
  delete(key: string, drafts?: UpdateDrafts, held?: HeldKeys): Promise<void>;
}

/**
 * Like @grammyjs/storage-redis's RedisAdapter (same JSON values, same TTL on every write), but the state's
 * read brings the draft with it and its write or delete carries the draft's pending write. Under the chat's
 * lock (`held`) neither costs a round trip of its own: the state was read with the lock, and state and draft
 * are stored with the update's mark when it is left (chat-lock.ts). Without it, one MGET and one call.
 */
export function redisConversationStorage<S>(redis: Redis, ttlSeconds: number): ConversationStateStorage<S> {
  const client = redis as WithWriteBoth;
  if (typeof client.conversationWriteBoth !== "function") {
    redis.defineCommand("conversationWriteBoth", { numberOfKeys: 2, lua: WRITE_BOTH });
  }
  const store = async (key: string, value: string, drafts?: UpdateDrafts, held?: HeldKeys) => {
    const draft = drafts?.takePending();
    if (held) {
      held.set(key, value, ttlSeconds);
      if (draft !== undefined) held.set(drafts!.key, draft, ttlSeconds);
    } else if (draft !== undefined) await client.conversationWriteBoth(key, drafts!.key, value, ttlSeconds, draft);
    else if (value === "") await redis.del(key);
    else await redis.set(key, value, "EX", ttlSeconds);
  };
  return {
    async read(key, drafts, held) {
      // Read with the chat's lock, the draft with it (one not read there is read when first asked for).
      let raw = held?.get(key);
      if (raw === undefined && drafts) {
        const [state, draft] = await redis.mget(key, drafts.key);
        drafts.prime(draft ?? null);
        raw = state ?? null;
      } else if (raw === undefined) raw = await redis.get(key);
      return raw === null ? undefined : (JSON.parse(raw) as S);
    },
    write: (key, state, drafts, held) => store(key, JSON.stringify(state), drafts, held),
    delete: (key, drafts, held) => store(key, "", drafts, held),
  };
}
