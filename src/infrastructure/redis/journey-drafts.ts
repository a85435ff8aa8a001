// Per-chat drafts of a journey's answers in Redis: one small JSON value per chat, with the conversation's TTL.
import type { Redis } from "ioredis";
import type { HeldKeys } from "./held-keys.js";

/**
 * The answers of the journey a chat is in, kept apart from the conversation's replay log so that the log
 * holds one question's worth of updates however long the journey gets (src/flows/kit/journey.ts).
 * One chat is in one conversation at a time, so one draft per chat; it names its flow, and a draft of
 * another flow reads as none.
 */
export interface ChatDrafts {
  /** The draft's JSON, as written; undefined when there is none (or it is another flow's). */
  read(flow: string): Promise<string | undefined>;
  write(flow: string, json: string): Promise<void>;
  clear(): Promise<void>;
}

/**
 * One update's view of its chat's draft. The draft is read with the conversation's state (with the chat's
 * lock, admit-updates.ts, or else in one MGET, conversation-storage.ts) and what the update writes is kept
 * here until the state is written, then stored with it atomically (with the update's mark, or in one call):
 * a draft is never ahead of its state. Reads after a write see the write, as they would in Redis: one chat
 * has one update at a time (admit-updates.ts), so nothing else changes the key meanwhile.
 */
export interface UpdateDrafts extends ChatDrafts {
  /** The draft's Redis key. */
  readonly key: string;
  /** Takes the draft's stored value as read with the state (null: none); later reads are answered from it. */
  prime(raw: string | null): void;
  /**
   * The write this update owes the draft: its raw value, "" for a delete, undefined for none. Taking it
   * clears it: whoever takes it stores it (with the state), or drops it (the state is kept, so is the draft).
   */
  takePending(): string | undefined;
  /** Stores a write still owed on its own (an update whose conversation stored no state); with the mark when the lock is held. */
  flush(): Promise<void>;
}

export interface JourneyDrafts {
  /** The draft's Redis key for `chatId`. */
  keyOf(chatId: number): string;
  /** The draft as one update of `chatId` sees it (create one per update); `held`: as read under the chat's lock. */
  forUpdate(chatId: number, held?: HeldKeys): UpdateDrafts;
  /** Seconds a draft lives after its last write (as the conversation does). */
  readonly ttlSeconds: number;
}

/** Drafts under `${prefix}draft:<chat>`, each expiring `ttlSeconds` after its last write (as the conversation does). */
export function redisJourneyDrafts(redis: Redis, prefix: string, ttlSeconds: number): JourneyDrafts {
  const keyOf = (chatId: number) => `${prefix}draft:${chatId}`;
  return {
    ttlSeconds,
    keyOf,
    forUpdate(chatId, held) {
      const key = keyOf(chatId);
      // Stored as "<flow>\n<json>": the flow's name is checked without parsing the answers twice.
      let known = held?.get(key); // undefined: not read yet
      let pending: string | undefined; // "" a delete
      const ofFlow = (raw: string | null, flow: string) => (raw === null || !raw.startsWith(`${flow}\n`) ? undefined : raw.slice(flow.length + 1));
      return {
        key,
        prime(raw) {
          known = raw;
        },
        async read(flow) {
          if (known === undefined) known = await redis.get(key);
          return ofFlow(known, flow);
        },
        async write(flow, json) {
          known = `${flow}\n${json}`;
          pending = known;
        },
        async clear() {
          known = null;
          pending = "";
        },
        takePending() {
          const taken = pending;
          pending = undefined;
          return taken;
        },
        async flush() {
          const taken = this.takePending();
          if (taken === undefined) return;
          if (held) held.set(key, taken, ttlSeconds);
          else if (taken === "") await redis.del(key);
          else await redis.set(key, taken, "EX", ttlSeconds);
        },
      };
    },
  };
}
