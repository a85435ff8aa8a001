// The attempt-limiter port: failed guesses are counted per chat and per national ID, and stop at a limit.

/**
 * A limit: at most `max` failures within `windowSeconds`. Past it, a closing rule refuses until the window
 * ends; a slowing rule (`slowSeconds`) only makes each further attempt wait that long after the last
 * failure, so strangers cannot lock a subject's owner out, yet guessing stays slow.
 */
export interface LimitRule {
  max: number;
  windowSeconds: number;
  slowSeconds?: number;
}

/** One counter: a rule applied to a subject (a chat, a national ID). */
export interface LimitKey {
  /** What is limited and for whom, e.g. "recovery:chat:42"; adapters may hash it. */
  key: string;
  rule: LimitRule;
}

export interface AttemptLimiter {
  /** When the earliest-exhausted key opens again, or null when none is exhausted. */
  blockedUntil(keys: LimitKey[]): Promise<Date | null>;
  /** Counts a failure on every key; returns the new blockedUntil. */
  recordFailure(keys: LimitKey[]): Promise<Date | null>;
}

/**
 * Limits of the lookups that reveal something (status, recovery, pre-registration's registry check):
 * guessing must not pay. One chat is stopped for an hour after 5 misses; a national ID guessed from many
 * chats is slowed to one attempt per 15 minutes after 10 misses in a day (about 96 a day), never closed.
 */
export const LOOKUP_LIMITS = {
  perChat: { max: 5, windowSeconds: 3600 },
  perNationalId: { max: 10, windowSeconds: 24 * 3600, slowSeconds: 15 * 60 },
} as const satisfies Record<string, LimitRule>;

/** Which lookup a counter belongs to; pre-registration's registry check counts with recovery (both take a birth date). */
export type LookupPurpose = "status" | "recovery";

/**
 * The counters a lookup of `nationalId` from `chatId` touches. The chat that registered the application
 * (`ownerChatId`) is never held back by the national ID's counter: others' failures must not lock it out.
 */
export function lookupKeys(purpose: LookupPurpose, chatId: number, nationalId: string, ownerChatId?: number | null): LimitKey[] {
  const perChat = { key: `${purpose}:chat:${chatId}`, rule: LOOKUP_LIMITS.perChat };
  if (ownerChatId === chatId) return [perChat];
  return [perChat, { key: `${purpose}:nid:${nationalId}`, rule: LOOKUP_LIMITS.perNationalId }];
}
