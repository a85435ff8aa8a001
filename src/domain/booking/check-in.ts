// Check-in and completion at the office, as domain operations for the staff interface to call.
import { isSameJalaliDate } from '../time/jalali.js';
import { jalaliDateInTehran } from '../time/tehran-clock.js';
import type { AppointmentStatus } from './appointment.js';
import type { BookingDeps } from './booking-deps.js';

/** The result of a check-in. */
export type CheckInOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: 'appointment_not_found' | 'not_appointment_day' }
  | { readonly ok: false; readonly error: 'appointment_not_active'; readonly status: AppointmentStatus };

/** The result of completing the in-person step. */
export type CompleteOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: 'appointment_not_found' }
  | { readonly ok: false; readonly error: 'not_checked_in'; readonly status: AppointmentStatus };

/**
 * Records the citizen's arrival. Allowed on the appointment's Tehran calendar day only, early or late,
 * until the no-show sweep has marked it missed.
 */
export async function checkInAppointment(
  deps: BookingDeps,
  request: { readonly appointmentId: string; readonly now: Date },
): Promise<CheckInOutcome> {
  const appointment = await deps.store.appointment(request.appointmentId);
  if (appointment === null) return { ok: false, error: 'appointment_not_found' };
  if (appointment.status !== 'active') return { ok: false, error: 'appointment_not_active', status: appointment.status };
  if (!isSameJalaliDate(jalaliDateInTehran(appointment.startsAt), jalaliDateInTehran(request.now))) {
    return { ok: false, error: 'not_appointment_day' };
  }
  if (await deps.store.checkIn(appointment.id, request.now)) return { ok: true };
  const now = await deps.store.appointment(appointment.id);
  return { ok: false, error: 'appointment_not_active', status: now?.status ?? appointment.status };
}

/** Records the in-person step done for a checked-in appointment; the application moves to completed_in_person. */
export async function completeAppointment(
  deps: BookingDeps,
  request: { readonly appointmentId: string; readonly now: Date },
): Promise<CompleteOutcome> {
  const appointment = await deps.store.appointment(request.appointmentId);
  if (appointment === null) return { ok: false, error: 'appointment_not_found' };
  if (appointment.status === 'checked_in' && (await deps.store.complete(appointment.id, request.now))) return { ok: true };
  const now = appointment.status === 'checked_in' ? await deps.store.appointment(appointment.id) : appointment;
  return { ok: false, error: 'not_checked_in', status: now?.status ?? appointment.status };
}
