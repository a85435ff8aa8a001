// Per-chat drafts of a journey's answers in Redis: one small JSON value per chat, with the conversation's TTL.
import type { Redis } from "ioredis";

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

export interface JourneyDrafts {
  forChat(chatId: number): ChatDrafts;
}

/** Drafts under `${prefix}draft:<chat>`, each expiring `ttlSeconds` after its last write (as the conversation does). */
export function redisJourneyDrafts(redis: Redis, prefix: string, ttlSeconds: number): JourneyDrafts {
  return {
    forChat(chatId) {
      const key = `${prefix}draft:${chatId}`;
      return {
        async read(flow) {
          // Stored as "<flow>\n<json>": the flow's name is checked without parsing the answers twice.
          const raw = await redis.get(key);
          if (raw === null || !raw.startsWith(`${flow}\n`)) return undefined;
          return raw.slice(flow.length + 1);
        },
        async write(flow, json) {
          await redis.set(key, `${flow}\n${json}`, "EX", ttlSeconds);
        },
        async clear() {
          await redis.del(key);
        },
      };
    },
  };
}
