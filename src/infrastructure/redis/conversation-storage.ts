// The conversations' state in Redis, read and written together with the chat's journey draft.
import type { Redis } from "ioredis";
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

/** Storage of one update's conversation state under a key; `drafts` is that update's draft, when it has one. */
export interface ConversationStateStorage<S> {
  read(key: string, drafts?: UpdateDrafts): Promise<S | undefined>;
  write(key: string, state: S, drafts?: UpdateDrafts): Promise<void>;
  delete(key: string, drafts?: UpdateDrafts): Promise<void>;
}

/**
 * Like @grammyjs/storage-redis's RedisAdapter (same JSON values, same TTL on every write), but the state's
 * read brings the draft with it (MGET) and its write or delete carries the draft's pending write.
 */
export function redisConversationStorage<S>(redis: Redis, ttlSeconds: number): ConversationStateStorage<S> {
  const client = redis as WithWriteBoth;
  if (typeof client.conversationWriteBoth !== "function") {
    redis.defineCommand("conversationWriteBoth", { numberOfKeys: 2, lua: WRITE_BOTH });
  }
  const store = async (key: string, value: string, drafts?: UpdateDrafts) => {
    const draft = drafts?.takePending();
    if (draft !== undefined) await client.conversationWriteBoth(key, drafts!.key, value, ttlSeconds, draft);
    else if (value === "") await redis.del(key);
    else await redis.set(key, value, "EX", ttlSeconds);
  };
  return {
    async read(key, drafts) {
      let raw: string | null;
      if (drafts) {
        const [state, draft] = await redis.mget(key, drafts.key);
        drafts.prime(draft ?? null);
        raw = state ?? null;
      } else raw = await redis.get(key);
      return raw === null ? undefined : (JSON.parse(raw) as S);
    },
    write: (key, state, drafts) => store(key, JSON.stringify(state), drafts),
    delete: (key, drafts) => store(key, "", drafts),
  };
}
