// Appointments: a seat in one office slot held for one application, and the states it passes through.

/**
 * active: the seat is held; cancelled: given up by the citizen or by the office closing the day;
 * moved: replaced by another appointment (reschedule); no_show: its time passed without check-in;
 * checked_in: the citizen arrived; completed: the in-person step was done.
 */
export const APPOINTMENT_STATUSES = ["active", "cancelled", "moved", "no_show", "checked_in", "completed"] as const;

/** A state of an appointment. */
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Why an appointment was cancelled. */
export type CancelReason = "citizen" | "office_closed";

/** An appointment as the store keeps it. */
export interface Appointment {
  readonly id: string;
  readonly applicationId: string;
  readonly officeId: number;
  readonly startsAt: Date;
  readonly status: AppointmentStatus;
  readonly createdAt: Date;
  /** When it stopped holding its seat by cancellation or a move. */
  readonly cancelledAt: Date | null;
  readonly cancelReason: CancelReason | null;
  /** The appointment this one replaced, when it was made by a reschedule. */
  readonly rescheduledFrom: string | null;
  readonly checkedInAt: Date | null;
  readonly completedAt: Date | null;
  /** For a no-show: when it was recorded, and when booking opens again. */
  readonly missedAt: Date | null;
  readonly bookingReopensAt: Date | null;
}

/** The part of an appointment a confirmation or notice needs. */
export interface AppointmentSummary {
  readonly appointmentId: string;
  readonly officeId: number;
  readonly startsAt: Date;
}

/** An appointment cancelled by its office closing the day: whom to tell, and about what. */
export interface CancelledByClosure extends AppointmentSummary {
  readonly applicationId: string;
  readonly chatId: number;
  readonly trackingCode: string | null;
}

/** An appointment just recorded as missed: whom to tell, and when booking reopens. */
export interface MissedAppointment extends AppointmentSummary {
  readonly applicationId: string;
  readonly chatId: number;
  readonly bookingReopensAt: Date;
}
