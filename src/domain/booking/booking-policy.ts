// Booking policy: the change cut-off, the minimum lead time, the no-show grace and 3-day ban, how far ahead slots are offered, who may book.
import type { ApplicationState } from "../application/lifecycle.js";
import { BOOK_MOVE } from "./booking-transitions.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The tunable numbers of the booking rules. */
export interface BookingPolicy {
  /** Cancel and reschedule are allowed until this long before the appointment. */
  readonly changeCutoffMs: number;
  /** An appointment not checked in this long after it started is a no-show. */
  readonly noShowGraceMs: number;
  /** After a missed appointment no new booking is taken for this long, counted from the missed start time. */
  readonly noShowBanMs: number;
  /** Slots are offered for today and this many days in all (today included). */
  readonly horizonDays: number;
  /** An operator may check an applicant in from this long before the appointment (until the no-show grace ends). */
  readonly checkInOpensBeforeMs: number;
  /**
   * Only slots starting at least this long after now are offered or booked: time to read the
   * confirmation, gather the documents and travel to the office.
   */
  readonly minimumLeadMs: number;
}

/**
 * The defaults: changes until 2 hours before; a no-show an hour after the start time (late arrivals
 * can still be checked in until then); the seed document's 3 days without booking, as 72 hours
 * (Iran keeps no daylight saving time since 1402, so this is the same clock time 3 days later);
 * 30 days of slots on offer; nothing that starts within the hour (a citizen must still be able to get there).
 * The lead is shorter than the cut-off on purpose: an appointment an hour or so away is useful, and the
 * confirm screen says beforehand that it can no longer be changed (needsFixedWarning).
 */
export const DEFAULT_BOOKING_POLICY: BookingPolicy = Object.freeze({
  changeCutoffMs: 2 * HOUR_MS,
  noShowGraceMs: HOUR_MS,
  noShowBanMs: 3 * DAY_MS,
  horizonDays: 30,
  checkInOpensBeforeMs: 3 * HOUR_MS,
  minimumLeadMs: HOUR_MS,
});

/** The check-in window of an appointment: from `checkInOpensBeforeMs` before its start to the end of the no-show grace. */
export function checkInWindow(startsAt: Date, policy: BookingPolicy = DEFAULT_BOOKING_POLICY): { readonly opensAt: Date; readonly closesAt: Date } {
  return { opensAt: new Date(startsAt.getTime() - policy.checkInOpensBeforeMs), closesAt: new Date(startsAt.getTime() + policy.noShowGraceMs) };
}

/** The earliest start a slot may have to be offered or booked at `now` (now + the minimum lead). */
export function earliestBookableStart(now: Date, policy: BookingPolicy): Date {
  return new Date(now.getTime() + policy.minimumLeadMs);
}

/** True when a slot starting at `startsAt` would be past its change deadline the moment it is booked at `now`. */
export function bookedTooLateToChange(startsAt: Date, now: Date, policy: BookingPolicy): boolean {
  return !isChangeAllowed(startsAt, now, policy);
}

/** The last instant at which an appointment starting at `startsAt` may still be cancelled or moved. */
export function changeDeadline(startsAt: Date, policy: BookingPolicy): Date {
  return new Date(startsAt.getTime() - policy.changeCutoffMs);
}

/** True when an appointment starting at `startsAt` may still be cancelled or moved at `now` (the deadline itself included). */
export function isChangeAllowed(startsAt: Date, now: Date, policy: BookingPolicy): boolean {
  return now.getTime() <= changeDeadline(startsAt, policy).getTime();
}

/**
 * The instant a store must compare an appointment's start with: it may be changed when it starts at or
 * after this (now + the cut-off), which is isChangeAllowed stated for a conditional update.
 */
export function earliestChangeableStart(now: Date, policy: BookingPolicy): Date {
  return new Date(now.getTime() + policy.changeCutoffMs);
}

/** When booking opens again after missing an appointment that started at `missedStartsAt`. */
export function bookingReopensAt(missedStartsAt: Date, policy: BookingPolicy): Date {
  return new Date(missedStartsAt.getTime() + policy.noShowBanMs);
}

/** Active appointments that started before this instant, without check-in, are no-shows at `now`. */
export function missedIfStartedBefore(now: Date, policy: BookingPolicy): Date {
  return new Date(now.getTime() - policy.noShowGraceMs);
}

/** What decides whether an application may book: its state and any no-show ban still running. */
export interface BookingStanding {
  readonly status: ApplicationState;
  /** The latest reopening instant of its missed appointments, or null if it never missed one. */
  readonly bookingReopensAt: Date | null;
}

/** The end of a no-show ban still running at `now`, or null when there is none. */
export function runningBanEnd(standing: BookingStanding | null, now: Date): Date | null {
  const reopensAt = standing?.bookingReopensAt ?? null;
  return reopensAt !== null && reopensAt.getTime() > now.getTime() ? reopensAt : null;
}

/** Why an application may not book now. */
export type EligibilityRefusal =
  | { readonly ok: false; readonly error: "application_not_bookable"; readonly status: ApplicationState }
  | { readonly ok: false; readonly error: "no_show_ban"; readonly reopensAt: Date };

/**
 * Booking is for a paid application, or one whose appointment was missed once the ban is over
 * (the lifecycle's `appointment_booked` sources). A refusal for a ban carries the exact reopening instant.
 */
export function bookingEligibility(standing: BookingStanding, now: Date): { readonly ok: true } | EligibilityRefusal {
  if (!BOOK_MOVE.from.includes(standing.status)) return { ok: false, error: "application_not_bookable", status: standing.status };
  if (standing.bookingReopensAt !== null && standing.bookingReopensAt.getTime() > now.getTime()) {
    return { ok: false, error: "no_show_ban", reopensAt: standing.bookingReopensAt };
  }
  return { ok: true };
}
