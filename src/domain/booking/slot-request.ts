// Checks a requested slot against the office's timetable before the store is asked for a seat.
import { fail, ok } from "../shared/result.js";
import type { Result } from "../shared/result.js";
import type { JalaliDate } from "../time/jalali.js";
import { earliestBookableStart } from "./booking-policy.js";
import type { BookingPolicy } from "./booking-policy.js";
import type { Office } from "./office.js";
import type { OfficeCatalog } from "./office-catalog.js";
import { isClosedOn, isWithinWindow, locateSlot } from "./slot-schedule.js";

/** Why a requested slot cannot be booked, before looking at its seats. */
export type SlotRequestError = "office_not_found" | "office_inactive" | "slot_in_past" | "too_soon" | "not_a_slot" | "beyond_horizon" | "day_closed";

/** A slot request that passed the timetable checks. */
export interface CheckedSlot {
  readonly office: Office;
  readonly startsAt: Date;
  /** The slot's Tehran calendar day. */
  readonly date: JalaliDate;
}

/**
 * Only a start of one of the office's slots at least the minimum lead away (a start already passed is
 * `slot_in_past`, one too close to reach is `too_soon`), within the booking window, on a day it is open.
 * The store checks the closed day and the office's state again inside its transaction, because this
 * catalogue may be a few minutes old.
 */
export function checkSlotRequest(
  catalog: OfficeCatalog,
  request: { readonly officeId: number; readonly startsAt: Date },
  now: Date,
  policy: BookingPolicy,
): Result<CheckedSlot, SlotRequestError> {
  const office = catalog.get(request.officeId);
  if (office === undefined) return fail("office_not_found");
  if (!office.active) return fail("office_inactive");
  if (request.startsAt.getTime() <= now.getTime()) return fail("slot_in_past");
  if (request.startsAt.getTime() < earliestBookableStart(now, policy).getTime()) return fail("too_soon");
  const position = locateSlot(office, request.startsAt);
  if (position === undefined) return fail("not_a_slot");
  if (!isWithinWindow(position.date, now, policy.horizonDays)) return fail("beyond_horizon");
  if (isClosedOn(office, position.date)) return fail("day_closed");
  return ok({ office, startsAt: request.startsAt, date: position.date });
}
