// Abuse limits: how many open cases a citizen may have and how many new ones a day.
import { addDays } from "../time/jalali.js";
import { jalaliDateInTehran, tehranWallTimeToInstant } from "../time/tehran-clock.js";

export interface CaseLimits {
  readonly maxOpen: number;
  readonly maxNewPerDay: number;
}

export const DEFAULT_CASE_LIMITS: CaseLimits = { maxOpen: 3, maxNewPerDay: 3 };

export interface CitizenCaseCounts {
  readonly open: number;
  /** Cases opened since the start of today (Tehran). */
  readonly openedToday: number;
}

export type CaseLimitRefusal = { readonly reason: "too_many_open" } | { readonly reason: "too_many_today"; readonly retryAt: Date };

/** Refuses a new case past either limit; a daily refusal says when the citizen can report again. */
export function refuseNewCase(limits: CaseLimits, counts: CitizenCaseCounts, now: Date): CaseLimitRefusal | null {
  if (counts.open >= limits.maxOpen) return { reason: "too_many_open" };
  if (counts.openedToday >= limits.maxNewPerDay) return { reason: "too_many_today", retryAt: startOfNextTehranDay(now) };
  return null;
}

/** Tehran midnight at the start of today. */
export function startOfTehranDay(now: Date): Date {
  return tehranWallTimeToInstant(jalaliDateInTehran(now), 0, 0);
}

export function startOfNextTehranDay(now: Date): Date {
  return tehranWallTimeToInstant(addDays(jalaliDateInTehran(now), 1), 0, 0);
}
