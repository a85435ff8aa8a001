// The booking-store port: slots, seats and appointments; each method is one atomic step in the store.
import type { JalaliDate } from "../time/jalali.js";
import type { Appointment, CancelledByClosure, MissedAppointment } from "./appointment.js";
import type { OccupancySnapshot } from "./availability.js";
import type { BookingStanding } from "./booking-policy.js";

/** A seat asked for: the office, the slot's start and its Tehran calendar day (the day a closing locks). */
export interface SeatRequest {
  readonly officeId: number;
  readonly startsAt: Date;
  readonly day: JalaliDate;
}

/** What the store did with a booking. */
export type StoreBookResult =
  /** `seatsLeft`: the slot's free seats after this booking, when the store can tell (0 means it just filled). */
  | { readonly kind: "booked"; readonly appointmentId: string; readonly seatsLeft?: number }
  | { readonly kind: "slot_full" }
  | { readonly kind: "office_unavailable" }
  | { readonly kind: "day_closed" }
  | { readonly kind: "application_not_found" }
  | { readonly kind: "already_booked"; readonly appointmentId: string }
  | { readonly kind: "not_eligible"; readonly standing: BookingStanding };

/** What the store did with a reschedule. */
export type StoreRescheduleResult =
  | { readonly kind: "moved"; readonly appointmentId: string }
  | { readonly kind: "slot_full" }
  | { readonly kind: "office_unavailable" }
  | { readonly kind: "day_closed" }
  | { readonly kind: "not_active" }
  | { readonly kind: "cutoff_passed" };

/** What the store did with a cancellation. */
export type StoreCancelResult = { readonly kind: "cancelled" } | { readonly kind: "not_active" } | { readonly kind: "cutoff_passed" };

/**
 * Where seats and appointments live. Implementations must make `book`, `reschedule`, `cancel`, `closeDay` and
 * `markNoShows` atomic and safe with any number of processes calling them at once.
 */
export interface BookingStore {
  /** Materialised slots and closed days of these offices between `from` and `to`. */
  occupancy(officeIds: readonly number[], from: Date, to: Date): Promise<OccupancySnapshot>;
  /** The application's state and no-show ban, or null if there is no such application. */
  standing(applicationId: string): Promise<BookingStanding | null>;
  appointment(appointmentId: string): Promise<Appointment | null>;
  /** The application's active or checked-in appointment, if any. */
  liveAppointmentOf(applicationId: string): Promise<Appointment | null>;
  /**
   * Atomically, whatever the number of bot instances: takes a seat if the slot has one, records the
   * appointment, moves the application to booked. Refuses a full slot, a closed day or inactive office,
   * an application that is not bookable (state or no-show ban at `now`) or already holds an appointment.
   */
  book(request: SeatRequest & { readonly applicationId: string; readonly now: Date }): Promise<StoreBookResult>;
  /**
   * Atomically: takes the new seat first, and only then marks the old appointment moved and frees its seat.
   * A full slot leaves the old appointment untouched. `changeableFrom`: the old appointment must start at
   * or after it (the cut-off).
   */
  reschedule(request: SeatRequest & { readonly appointmentId: string; readonly changeableFrom: Date; readonly now: Date }): Promise<StoreRescheduleResult>;
  /** Atomically cancels an active appointment starting at or after `changeableFrom`, frees its seat, makes the application paid again. */
  cancel(request: { readonly appointmentId: string; readonly changeableFrom: Date; readonly now: Date }): Promise<StoreCancelResult>;
  /**
   * Records the day closed and cancels each active appointment in [from, to), waiting for bookings of that
   * day in flight; later bookings see the closed day. Returns the cancelled appointments (empty if none).
   */
  closeDay(request: {
    readonly officeId: number;
    readonly day: JalaliDate;
    readonly from: Date;
    readonly to: Date;
    readonly now: Date;
  }): Promise<CancelledByClosure[]>;
  /** Removes a closed date; true if there was one. Cancelled appointments stay cancelled. */
  reopenDay(officeId: number, day: JalaliDate): Promise<boolean>;
  /**
   * Marks at most `limit` active appointments that started before `startedBefore` as no-shows (their
   * applications too), with booking reopening `banMs` after each start. Safe to run from several
   * instances at once: each appointment is marked once.
   */
  markNoShows(request: { readonly startedBefore: Date; readonly banMs: number; readonly now: Date; readonly limit: number }): Promise<MissedAppointment[]>;
  /** Active → checked_in, and the application booked → checked_in; false if the appointment was not active. */
  checkIn(appointmentId: string, now: Date): Promise<boolean>;
  /** checked_in → completed, and the application checked_in → in_production; false if not checked in. */
  complete(appointmentId: string, now: Date): Promise<boolean>;
}
