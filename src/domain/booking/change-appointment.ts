// Cancelling and rescheduling an appointment until the cut-off; a reschedule takes the new seat before freeing the old.
import type { Appointment, AppointmentStatus, AppointmentSummary } from "./appointment.js";
import { changeDeadline, earliestChangeableStart, isChangeAllowed } from "./booking-policy.js";
import type { BookingPolicy } from "./booking-policy.js";
import type { BookingDeps } from "./booking-deps.js";
import type { StoreCancelResult, StoreRescheduleResult } from "./booking-store.js";
import { jalaliDateInTehran } from "../time/tehran-clock.js";
import { checkSlotRequest } from "./slot-request.js";
import type { SlotRequestError } from "./slot-request.js";

/** Why an existing appointment cannot be changed. */
export type ChangeRefusal =
  | { readonly ok: false; readonly error: "appointment_not_found" }
  | { readonly ok: false; readonly error: "appointment_not_active"; readonly status: AppointmentStatus }
  | { readonly ok: false; readonly error: "change_cutoff_passed"; readonly deadline: Date };

/** The result of a cancellation. */
export type CancelOutcome = { readonly ok: true; readonly cancelled: AppointmentSummary } | ChangeRefusal;

/** The result of a reschedule; on any refusal the old appointment is kept. */
export type RescheduleOutcome =
  | { readonly ok: true; readonly appointment: AppointmentSummary; readonly previous: AppointmentSummary }
  | ChangeRefusal
  | { readonly ok: false; readonly error: SlotRequestError | "slot_full" | "same_slot" };

/**
 * Cancels an active appointment if its change deadline (start minus the cut-off, 2 hours by default)
 * has not passed; its seat is freed and the application may book again.
 */
export async function cancelAppointment(deps: BookingDeps, request: { readonly appointmentId: string; readonly now: Date }): Promise<CancelOutcome> {
  const policy = deps.policy;
  const appointment = await deps.store.appointment(request.appointmentId);
  const changeable = checkChangeable(appointment, request.now, policy);
  if (!changeable.ok) return changeable;
  const current = changeable.appointment;
  const result = await deps.store.cancel({
    appointmentId: request.appointmentId,
    changeableFrom: earliestChangeableStart(request.now, policy),
    now: request.now,
  });
  if (result.kind === "cancelled") {
    await freedSeatOf(deps, current);
    return { ok: true, cancelled: summaryOf(current) };
  }
  return refusalAfterRace(deps, current, result, policy);
}

/**
 * Moves an active appointment to another slot (same or another office) before the cut-off. The store
 * takes the new seat first; only then is the old appointment marked moved and its seat freed, all in one
 * transaction, so a full slot or any failure leaves the old appointment as it was.
 */
export async function rescheduleAppointment(
  deps: BookingDeps,
  request: { readonly appointmentId: string; readonly officeId: number; readonly startsAt: Date; readonly now: Date },
): Promise<RescheduleOutcome> {
  const policy = deps.policy;
  const appointment = await deps.store.appointment(request.appointmentId);
  const changeable = checkChangeable(appointment, request.now, policy);
  if (!changeable.ok) return changeable;
  const current = changeable.appointment;
  if (current.officeId === request.officeId && current.startsAt.getTime() === request.startsAt.getTime()) {
    return { ok: false, error: "same_slot" };
  }
  const checked = checkSlotRequest(await deps.offices.catalog(), request, request.now, policy);
  if (!checked.ok) return checked;
  const seat = { officeId: request.officeId, startsAt: request.startsAt, day: checked.value.date };
  const gate = await deps.seats?.check(seat);
  if (gate?.full) return { ok: false, error: "slot_full" };
  const result = await deps.store.reschedule({
    ...seat,
    appointmentId: request.appointmentId,
    changeableFrom: earliestChangeableStart(request.now, policy),
    now: request.now,
  });
  if (result.kind === "slot_full") await deps.seats?.full(seat, gate?.ticket);
  switch (result.kind) {
    case "moved":
      await freedSeatOf(deps, current);
      return {
        ok: true,
        appointment: { appointmentId: result.appointmentId, officeId: request.officeId, startsAt: request.startsAt },
        previous: summaryOf(current),
      };
    case "slot_full":
    case "day_closed":
      return { ok: false, error: result.kind };
    case "office_unavailable":
      return { ok: false, error: "office_inactive" };
    case "not_active":
    case "cutoff_passed":
      return refusalAfterRace(deps, current, result, policy);
  }
}

function checkChangeable(
  appointment: Appointment | null,
  now: Date,
  policy: BookingPolicy,
): ChangeRefusal | { readonly ok: true; readonly appointment: Appointment } {
  if (appointment === null) return { ok: false, error: "appointment_not_found" };
  if (appointment.status !== "active") return { ok: false, error: "appointment_not_active", status: appointment.status };
  if (!isChangeAllowed(appointment.startsAt, now, policy)) {
    return { ok: false, error: "change_cutoff_passed", deadline: changeDeadline(appointment.startsAt, policy) };
  }
  return { ok: true, appointment };
}

/** The store refused after our read said yes: something else changed the appointment meanwhile. */
async function refusalAfterRace(
  deps: BookingDeps,
  before: Appointment,
  result: StoreCancelResult | StoreRescheduleResult,
  policy: BookingPolicy,
): Promise<ChangeRefusal> {
  if (result.kind === "cutoff_passed") return { ok: false, error: "change_cutoff_passed", deadline: changeDeadline(before.startsAt, policy) };
  const now = await deps.store.appointment(before.id);
  return now === null ? { ok: false, error: "appointment_not_found" } : { ok: false, error: "appointment_not_active", status: now.status };
}

/** Tells the seat gate the appointment's seat is free again, so its slot is bookable at once. */
async function freedSeatOf(deps: BookingDeps, appointment: Appointment): Promise<void> {
  await deps.seats?.freed({ officeId: appointment.officeId, day: jalaliDateInTehran(appointment.startsAt) });
}

function summaryOf(appointment: Appointment): AppointmentSummary {
  return { appointmentId: appointment.id, officeId: appointment.officeId, startsAt: appointment.startsAt };
}
