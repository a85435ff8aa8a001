// Response-time targets of a unit (first response, resolution) and whether a case has missed them.
import { addBusinessMinutes, type BusinessCalendar } from "./business-hours.js";
import type { CaseStatus } from "./case.js";

/** A unit's targets in business minutes. */
export interface ResponseTargets {
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
}

/** Two business hours to a first response, three business days (8 h each) to a resolution. */
export const DEFAULT_TARGETS: ResponseTargets = { firstResponseMinutes: 120, resolutionMinutes: 3 * 8 * 60 };

export interface CaseDeadlines {
  readonly firstResponseDueAt: Date;
  readonly resolutionDueAt: Date;
}

/** Deadlines of a case that entered a unit's queue at `at`. */
export function deadlinesFor(calendar: BusinessCalendar, targets: ResponseTargets, at: Date): CaseDeadlines {
  return {
    firstResponseDueAt: addBusinessMinutes(calendar, at, targets.firstResponseMinutes),
    resolutionDueAt: addBusinessMinutes(calendar, at, targets.resolutionMinutes),
  };
}

export interface DeadlineFacts {
  readonly status: CaseStatus;
  readonly firstRespondedAt: Date | null;
  readonly firstResponseDueAt: Date;
  readonly resolutionDueAt: Date;
}

/** Which target a case has missed at `now`, if any (resolved and closed cases miss nothing). */
export function missedTarget(facts: DeadlineFacts, now: Date): "first_response" | "resolution" | null {
  if (facts.status === "resolved" || facts.status === "closed") return null;
  if (!facts.firstRespondedAt && now >= facts.firstResponseDueAt) return "first_response";
  // Waiting for the citizen does not count against the unit.
  if (facts.status !== "waiting_citizen" && now >= facts.resolutionDueAt) return "resolution";
  return null;
}
