// Check-in and completion at the office, as domain operations for the staff interface to call.
import type { AppointmentStatus } from "./appointment.js";
import type { BookingDeps } from "./booking-deps.js";
import { checkInWindow, DEFAULT_BOOKING_POLICY } from "./booking-policy.js";

/** The result of a check-in. */
export type CheckInOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: "appointment_not_found" }
  | { readonly ok: false; readonly error: "outside_check_in_window"; readonly opensAt: Date; readonly closesAt: Date }
  | { readonly ok: false; readonly error: "appointment_not_active"; readonly status: AppointmentStatus };

/** The result of completing the in-person step. */
export type CompleteOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: "appointment_not_found" }
  | { readonly ok: false; readonly error: "not_checked_in"; readonly status: AppointmentStatus };

/**
 * Records the citizen's arrival, within the policy's window around the appointment (from a few hours
 * before its start until the no-show grace ends); outside it the refusal names the window. Repeating a
 * check-in that succeeded answers `appointment_not_active` with status checked_in, and changes nothing.
 */
export async function checkInAppointment(deps: BookingDeps, request: { readonly appointmentId: string; readonly now: Date }): Promise<CheckInOutcome> {
  const appointment = await deps.store.appointment(request.appointmentId);
  if (appointment === null) return { ok: false, error: "appointment_not_found" };
  if (appointment.status !== "active") return { ok: false, error: "appointment_not_active", status: appointment.status };
  const window = checkInWindow(appointment.startsAt, deps.policy ?? DEFAULT_BOOKING_POLICY);
  if (request.now < window.opensAt || request.now > window.closesAt) return { ok: false, error: "outside_check_in_window", ...window };
  if (await deps.store.checkIn(appointment.id, request.now)) return { ok: true };
  const now = await deps.store.appointment(appointment.id);
  return { ok: false, error: "appointment_not_active", status: now?.status ?? appointment.status };
}

/** Records the in-person step done for a checked-in appointment; the application moves to in_production. */
export async function completeAppointment(deps: BookingDeps, request: { readonly appointmentId: string; readonly now: Date }): Promise<CompleteOutcome> {
  const appointment = await deps.store.appointment(request.appointmentId);
  if (appointment === null) return { ok: false, error: "appointment_not_found" };
  if (appointment.status === "checked_in" && (await deps.store.complete(appointment.id, request.now))) return { ok: true };
  const now = appointment.status === "checked_in" ? await deps.store.appointment(appointment.id) : appointment;
  return { ok: false, error: "not_checked_in", status: now?.status ?? appointment.status };
}
