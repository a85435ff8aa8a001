// Free slots: an office's timetable combined with the seats already taken, only future times, no full or closed day.
import type { JalaliDate, Weekday } from "../time/jalali.js";
import { weekdayOf } from "../time/jalali.js";
import { earliestBookableStart } from "./booking-policy.js";
import type { BookingPolicy } from "./booking-policy.js";
import type { Office } from "./office.js";
import { bookingWindow, dayKey, isClosedOn, slotStartsOn } from "./slot-schedule.js";

/** Seats of one materialised slot, as the store has them. */
export interface SlotOccupancy {
  readonly officeId: number;
  readonly startsAt: Date;
  readonly capacity: number;
  readonly booked: number;
}

/** A closed day as the store has it (it may be newer than a cached office's closedDates). */
export interface ClosedDay {
  readonly officeId: number;
  readonly date: JalaliDate;
}

/** What the store knows about taken seats and closed days for some offices over a period. */
export interface OccupancySnapshot {
  readonly slots: readonly SlotOccupancy[];
  readonly closedDays: readonly ClosedDay[];
}

/** A slot with at least one free seat. */
export interface FreeSlot {
  readonly officeId: number;
  readonly startsAt: Date;
  readonly freeSeats: number;
}

/** A day with free slots, for the "pick a day" list (weekday for the label, the count for a hint). */
export interface BookableDay {
  readonly date: JalaliDate;
  readonly weekday: Weekday;
  readonly freeSlots: number;
  readonly firstFree: Date;
}

/** One office's view of a snapshot: seats by start time and closed days. */
export interface OfficeOccupancy {
  seatsAt(startsAt: Date): { capacity: number; booked: number } | undefined;
  isClosed(date: JalaliDate): boolean;
}

/** Splits a snapshot by office. Offices without rows get an empty view (every seat free). */
export function occupancyByOffice(snapshot: OccupancySnapshot): (officeId: number) => OfficeOccupancy {
  const seats = new Map<number, Map<number, { capacity: number; booked: number }>>();
  for (const slot of snapshot.slots) {
    let ofOffice = seats.get(slot.officeId);
    if (ofOffice === undefined) seats.set(slot.officeId, (ofOffice = new Map()));
    ofOffice.set(slot.startsAt.getTime(), { capacity: slot.capacity, booked: slot.booked });
  }
  const closed = new Set(snapshot.closedDays.map((day) => `${day.officeId}:${dayKey(day.date)}`));
  return (officeId) => ({
    seatsAt: (startsAt) => seats.get(officeId)?.get(startsAt.getTime()),
    isClosed: (date) => closed.has(`${officeId}:${dayKey(date)}`),
  });
}

/**
 * The free slots of an office on a day that a citizen can still reach: starting after `now` plus the
 * policy's minimum lead, earliest first. A slot never materialised has all the office's counters free.
 * Nothing on a closed day.
 */
export function freeSlotsOn(office: Office, date: JalaliDate, occupancy: OfficeOccupancy, now: Date, policy: BookingPolicy): FreeSlot[] {
  if (!office.active || isClosedOn(office, date) || occupancy.isClosed(date)) return [];
  const free: FreeSlot[] = [];
  const from = earliestBookableStart(now, policy).getTime();
  for (const startsAt of slotStartsOn(office, date)) {
    if (startsAt.getTime() <= now.getTime() || startsAt.getTime() < from) continue;
    const seats = occupancy.seatsAt(startsAt);
    const freeSeats = seats === undefined ? office.counters : seats.capacity - seats.booked;
    if (freeSeats > 0) free.push({ officeId: office.id, startsAt, freeSeats });
  }
  return free;
}

/** The days of the booking window that still have a free future slot; full and closed days are left out. */
export function bookableDays(office: Office, occupancy: OfficeOccupancy, now: Date, policy: BookingPolicy): BookableDay[] {
  const days: BookableDay[] = [];
  for (const date of bookingWindow(now, policy.horizonDays)) {
    const free = freeSlotsOn(office, date, occupancy, now, policy);
    const first = free[0];
    if (first !== undefined) days.push({ date, weekday: weekdayOf(date), freeSlots: free.length, firstFree: first.startsAt });
  }
  return days;
}

/**
 * The first free slot of the office starting after `notBefore` (default: now) within the booking window,
 * or null when the window has none.
 */
export function earliestFreeSlot(office: Office, occupancy: OfficeOccupancy, now: Date, policy: BookingPolicy, notBefore: Date = now): FreeSlot | null {
  for (const date of bookingWindow(now, policy.horizonDays)) {
    const first = freeSlotsOn(office, date, occupancy, now, policy).find((slot) => slot.startsAt.getTime() >= notBefore.getTime());
    if (first !== undefined) return first;
  }
  return null;
}
