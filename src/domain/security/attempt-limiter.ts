// The attempt-limiter port: failed guesses are counted per chat and per national ID, and stop at a limit.

/** A limit: at most `max` failures within `windowSeconds`. */
export interface LimitRule {
  max: number;
  windowSeconds: number;
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

/** Limits of the lookups that reveal something (status, recovery): guessing must not pay. */
export const LOOKUP_LIMITS = {
  perChat: { max: 5, windowSeconds: 3600 },
  perNationalId: { max: 10, windowSeconds: 24 * 3600 },
} as const satisfies Record<string, LimitRule>;

/** The counters a lookup of `nationalId` from `chatId` for `purpose` touches. */
export function lookupKeys(purpose: "status" | "recovery", chatId: number, nationalId: string): LimitKey[] {
  return [
    { key: `${purpose}:chat:${chatId}`, rule: LOOKUP_LIMITS.perChat },
    { key: `${purpose}:nid:${nationalId}`, rule: LOOKUP_LIMITS.perNationalId },
  ];
}
