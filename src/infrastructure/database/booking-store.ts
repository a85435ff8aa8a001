// The booking store on PostgreSQL (or PGlite): seats and appointments change only through single transactions
// that the database serialises (conditional updates, a partial unique index, advisory locks per office-day).
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import type { BookingStore } from "../../domain/booking/booking-store.js";
import { jalaliDateInTehran } from "../../domain/time/tehran-clock.js";
import { sqlAttendance } from "./booking-attendance.js";
import { sqlDayClosure } from "./booking-day-closure.js";
import { sqlSeatChanges } from "./booking-seat-changes.js";
import { fromSqlDate, toSqlDate } from "./booking-sql-dates.js";
import { findAppointment, LIVE_OF_APPLICATION, UUID } from "./booking-sql-rows.js";
import type { SqlExecutor } from "./sql-executor.js";

/**
 * A BookingStore over raw SQL, assembled by job: reads here; booking, rescheduling and cancelling in
 * booking-seat-changes.ts; closing days in booking-day-closure.ts; check-in, completion and no-shows in
 * booking-attendance.ts. `sql` is Database.sql: node-postgres or PGlite.
 */
export function createSqlBookingStore(sql: SqlExecutor): BookingStore {
  return {
    async occupancy(officeIds, from, to) {
      if (officeIds.length === 0) return { slots: [], closedDays: [] };
      const ids = [...new Set(officeIds)];
      const slots = await sql.query<{ office_id: number; starts_at: Date; capacity: number; booked: number }>(
        `SELECT office_id, starts_at, capacity, booked FROM slots
          WHERE office_id = ANY($1::int[]) AND starts_at >= $2 AND starts_at < $3`,
        [ids, from, to],
      );
      const closed = await sql.query<{ office_id: number; day: string }>(
        `SELECT office_id, to_char(day, 'YYYY-MM-DD') AS day FROM office_closed_dates
          WHERE office_id = ANY($1::int[]) AND day BETWEEN $2::date AND $3::date`,
        [ids, toSqlDate(jalaliDateInTehran(from)), toSqlDate(jalaliDateInTehran(to))],
      );
      return {
        slots: slots.map((row) => ({ officeId: row.office_id, startsAt: row.starts_at, capacity: row.capacity, booked: row.booked })),
        closedDays: closed.map((row) => ({ officeId: row.office_id, date: fromSqlDate(row.day) })),
      };
    },

    async standing(applicationId) {
      if (!UUID.test(applicationId)) return null;
      const [row] = await sql.query<{ status: string; reopens_at: Date | null }>(
        `SELECT a.status,
                (SELECT max(x.booking_reopens_at) FROM appointments x WHERE x.application_id = a.id AND x.status = 'no_show') AS reopens_at
           FROM applications a WHERE a.id = $1::uuid`,
        [applicationId],
      );
      return row ? { status: row.status as ApplicationState, bookingReopensAt: row.reopens_at } : null;
    },

    appointment: (appointmentId) => findAppointment(sql, "id = $1::uuid", appointmentId),

    liveAppointmentOf: (applicationId) => findAppointment(sql, LIVE_OF_APPLICATION, applicationId),

    ...sqlSeatChanges(sql),
    ...sqlDayClosure(sql),
    ...sqlAttendance(sql),
  };
}
