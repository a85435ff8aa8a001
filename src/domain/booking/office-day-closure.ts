// An office closing a day: the day is recorded closed and each appointment on it cancelled, for the bot to announce.
import type { JalaliDate } from "../time/jalali.js";
import { compareJalali } from "../time/jalali.js";
import { jalaliDateInTehran } from "../time/tehran-clock.js";
import type { CancelledByClosure } from "./appointment.js";
import type { BookingDeps } from "./booking-deps.js";
import { tehranDayBounds } from "./slot-schedule.js";

/** The result of closing a day: the appointments cancelled (tell each citizen, with a way to rebook). */
export type CloseDayOutcome =
  | { readonly ok: true; readonly cancelled: readonly CancelledByClosure[] }
  | { readonly ok: false; readonly error: "office_not_found" | "date_in_past" };

/**
 * Closes the office on a Tehran calendar day (today or later). Bookings of that day still in flight finish
 * first and are cancelled with the rest; bookings after it are refused as a closed day. Closing a day
 * twice cancels nothing the second time.
 */
export async function closeOfficeDay(
  deps: BookingDeps,
  request: { readonly officeId: number; readonly date: JalaliDate; readonly now: Date },
): Promise<CloseDayOutcome> {
  const office = (await deps.offices.catalog()).get(request.officeId);
  if (office === undefined) return { ok: false, error: "office_not_found" };
  if (compareJalali(request.date, jalaliDateInTehran(request.now)) < 0) return { ok: false, error: "date_in_past" };
  const day = tehranDayBounds(request.date);
  const cancelled = await deps.store.closeDay({ officeId: office.id, day: request.date, from: day.from, to: day.to, now: request.now });
  // The seat gate must not answer "full" for a closed day: the store says day_closed, the truer refusal.
  await deps.seats?.freed({ officeId: office.id, day: request.date });
  return { ok: true, cancelled };
}

/** Opens a closed day again; appointments cancelled by the closing stay cancelled. False if it was not closed. */
export async function reopenOfficeDay(deps: BookingDeps, request: { readonly officeId: number; readonly date: JalaliDate }): Promise<boolean> {
  const reopened = await deps.store.reopenDay(request.officeId, request.date);
  // The closing cancelled its appointments: their seats are free again.
  if (reopened) await deps.seats?.freed({ officeId: request.officeId, day: request.date });
  return reopened;
}
