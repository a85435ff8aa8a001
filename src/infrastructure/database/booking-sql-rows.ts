// How the booking store reads appointments: the selected columns, the row shape, and the row as domain data.
import type { Appointment, AppointmentStatus, CancelReason } from "../../domain/booking/appointment.js";
import type { SqlExecutor } from "./sql-executor.js";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const APPOINTMENT_COLUMNS = `id::text AS id, application_id::text AS application_id, office_id, starts_at, status, created_at,
  cancelled_at, cancel_reason, rescheduled_from::text AS rescheduled_from, checked_in_at, completed_at, missed_at, booking_reopens_at`;

/** The live appointment of an application: active or checked in. */
export const liveOfApplication = (applicationId: string) => `application_id = ${applicationId} AND status IN ('active', 'checked_in')`;
export const LIVE_OF_APPLICATION = liveOfApplication("$1::uuid");

interface AppointmentRow {
  id: string;
  application_id: string;
  office_id: number;
  starts_at: Date;
  status: string;
  created_at: Date;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  rescheduled_from: string | null;
  checked_in_at: Date | null;
  completed_at: Date | null;
  missed_at: Date | null;
  booking_reopens_at: Date | null;
}

/** The one appointment `where` (with $1 = `param`, a UUID) selects, or null. */
export async function findAppointment(sql: SqlExecutor, where: string, param: string): Promise<Appointment | null> {
  if (!UUID.test(param)) return null;
  const [row] = await sql.query<AppointmentRow>(`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE ${where}`, [param]);
  return row ? toAppointment(row) : null;
}

function toAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    applicationId: row.application_id,
    officeId: row.office_id,
    startsAt: row.starts_at,
    status: row.status as AppointmentStatus,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason as CancelReason | null,
    rescheduledFrom: row.rescheduled_from,
    checkedInAt: row.checked_in_at,
    completedAt: row.completed_at,
    missedAt: row.missed_at,
    bookingReopensAt: row.booking_reopens_at,
  };
}
