// The seat gate port: a cheap "this slot is surely full" look before the booking store, so a stampede's losers skip PostgreSQL.
import type { JalaliDate } from "../time/jalali.js";

/** A slot as the gate knows it: the office, its start, and its Tehran day (seats are freed per office-day). */
export interface GatedSeat {
  readonly officeId: number;
  readonly startsAt: Date;
  readonly day: JalaliDate;
}

/**
 * What the gate answered before the store was asked: `full` turns the attempt away as slot_full; otherwise
 * `ticket` (absent when the gate could not be asked) is handed back to `full` if the store says the slot is full.
 */
export type SeatGateAnswer = { readonly full: true } | { readonly full: false; readonly ticket?: string };

/**
 * A hint in front of the booking store, never its authority: the store's conditional seat increment still
 * decides every booking, so the gate cannot let an extra booking through. It can only turn an attempt away
 * too early, and an implementation must bound that:
 *
 * - it answers `full` only for a slot the store itself found without a free seat (`full`: refused for lack of
 *   one, or just took its last one), and only while no seat of that office-day has been reported freed
 *   (`freed`) since the look that preceded that store call, so a seat freed through cancel, reschedule,
 *   closing or reopening a day is bookable at once;
 * - every `full` expires a bounded time after it was recorded (the implementation states it), which bounds
 *   seats freed any other way (more counters, a `freed` lost to an outage);
 * - when its own store is unavailable it answers "not full" (fail open to the store) within a bounded wait,
 *   and `full`/`freed` never throw.
 */
export interface SeatGate {
  /** Looked at before the store's book or reschedule for this slot. */
  check(seat: GatedSeat): Promise<SeatGateAnswer>;
  /**
   * The store found the slot without a free seat (refused it, or a booking took the last one); `ticket` is
   * the one `check` gave before that store call.
   */
  full(seat: GatedSeat, ticket: string | undefined): Promise<void>;
  /** A seat of this office-day may have come free (cancel, reschedule away, day closed or reopened). */
  freed(seat: { readonly officeId: number; readonly day: JalaliDate }): Promise<void>;
}
