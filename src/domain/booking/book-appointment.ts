// Booking a seat for a paid application: timetable checks here, the seat and the state change atomically in the store.
import type { AppointmentSummary } from "./appointment.js";
import { bookingEligibility } from "./booking-policy.js";
import type { EligibilityRefusal } from "./booking-policy.js";
import type { BookingDeps } from "./booking-deps.js";
import { checkSlotRequest } from "./slot-request.js";
import type { SlotRequestError } from "./slot-request.js";

/** Why a booking was refused (besides the eligibility refusals, which carry their own details). */
export type BookingError = SlotRequestError | "slot_full" | "application_not_found";

/** The result of a booking attempt; `slot_full` is the one to answer with findAlternatives. */
export type BookingOutcome =
  | { readonly ok: true; readonly appointment: AppointmentSummary }
  | { readonly ok: false; readonly error: BookingError }
  | { readonly ok: false; readonly error: "already_booked"; readonly appointmentId: string }
  | EligibilityRefusal;

/**
 * Books the slot starting at `startsAt` at the office for the application. The store takes the seat,
 * records the appointment and moves the application to booked in one transaction, so neither
 * overbooking nor a second active appointment is possible however many bot instances run. A no-show
 * ban is refused with the instant booking reopens. With a seat gate (deps.seats), a slot the store
 * recently found full is answered `slot_full` without asking the store again, within the gate's bound
 * (the gate looks after the timetable checks, so those refusals keep their own reasons).
 */
export async function bookAppointment(
  deps: BookingDeps,
  request: { readonly applicationId: string; readonly officeId: number; readonly startsAt: Date; readonly now: Date },
): Promise<BookingOutcome> {
  const policy = deps.policy;
  const checked = checkSlotRequest(await deps.offices.catalog(), request, request.now, policy);
  if (!checked.ok) return checked;
  const seat = { officeId: request.officeId, startsAt: request.startsAt, day: checked.value.date };
  // Under a stampede most attempts are for seats already gone: the gate answers those without the store.
  const gate = await deps.seats?.check(seat);
  if (gate?.full) return { ok: false, error: "slot_full" };
  const result = await deps.store.book({ ...seat, applicationId: request.applicationId, now: request.now });
  // The slot is known full when the store refused it or this booking took its last seat.
  if (result.kind === "slot_full" || (result.kind === "booked" && result.seatsLeft === 0)) await deps.seats?.full(seat, gate?.ticket);
  switch (result.kind) {
    case "booked":
      return { ok: true, appointment: { appointmentId: result.appointmentId, officeId: request.officeId, startsAt: request.startsAt } };
    case "slot_full":
    case "day_closed":
    case "application_not_found":
      return { ok: false, error: result.kind };
    case "office_unavailable":
      return { ok: false, error: "office_inactive" };
    case "already_booked":
      return { ok: false, error: "already_booked", appointmentId: result.appointmentId };
    case "not_eligible": {
      const eligibility = bookingEligibility(result.standing, request.now);
      // The store saw a state this process did not: report the state it saw.
      return eligibility.ok ? { ok: false, error: "application_not_bookable", status: result.standing.status } : eligibility;
    }
  }
}

/**
 * Whether the application may book now, before the citizen picks a slot: `ok`, a refusal (with the
 * reopening instant for a no-show ban), or `application_not_found`. bookAppointment checks again atomically.
 */
export async function checkBookingEligibility(
  deps: BookingDeps,
  request: { readonly applicationId: string; readonly now: Date },
): Promise<{ readonly ok: true } | EligibilityRefusal | { readonly ok: false; readonly error: "application_not_found" }> {
  const standing = await deps.store.standing(request.applicationId);
  if (standing === null) return { ok: false, error: "application_not_found" };
  return bookingEligibility(standing, request.now);
}
