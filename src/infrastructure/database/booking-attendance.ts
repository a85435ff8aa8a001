// What happens at the visit: check-in, completion, and the sweep that marks missed appointments as no-shows.
import type { MissedAppointment } from "../../domain/booking/appointment.js";
import type { BookingStore } from "../../domain/booking/booking-store.js";
import { CHECK_IN_MOVE, COMPLETE_MOVE, MISS_MOVE } from "../../domain/booking/booking-transitions.js";
import { moveApplications } from "./application-moves.js";
import { UUID } from "./booking-sql-rows.js";
import type { SqlExecutor } from "./sql-executor.js";

/** markNoShows, checkIn and complete of a BookingStore. */
export function sqlAttendance(sql: SqlExecutor): Pick<BookingStore, "markNoShows" | "checkIn" | "complete"> {
  return {
    markNoShows(request) {
      return sql.transaction(async (tx): Promise<MissedAppointment[]> => {
        // SKIP LOCKED: instances sweeping together split the queue instead of waiting on each other.
        const missed = await tx.query<{ id: string; application_id: string; office_id: number; starts_at: Date; booking_reopens_at: Date }>(
          `WITH due AS (
             SELECT id FROM appointments WHERE status = 'active' AND starts_at < $1
              ORDER BY starts_at LIMIT $2 FOR UPDATE SKIP LOCKED
           )
           UPDATE appointments a
              SET status = 'no_show', missed_at = $3, booking_reopens_at = a.starts_at + $4::float8 * interval '1 millisecond'
             FROM due WHERE a.id = due.id
           RETURNING a.id::text AS id, a.application_id::text AS application_id, a.office_id, a.starts_at, a.booking_reopens_at`,
          [request.startedBefore, request.limit, request.now, request.banMs],
        );
        if (missed.length === 0) return [];
        const contacts = await moveApplications(
          tx,
          missed.map((row) => row.application_id),
          MISS_MOVE.from[0]!,
          MISS_MOVE.to,
          request.now,
        );
        return missed.map((row) => ({
          appointmentId: row.id,
          applicationId: row.application_id,
          officeId: row.office_id,
          startsAt: row.starts_at,
          bookingReopensAt: row.booking_reopens_at,
          chatId: contacts.get(row.application_id)?.chatId ?? 0,
        }));
      });
    },

    async checkIn(appointmentId, now) {
      if (!UUID.test(appointmentId)) return false;
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<{ application_id: string }>(
          `UPDATE appointments SET status = 'checked_in', checked_in_at = $2 WHERE id = $1::uuid AND status = 'active'
           RETURNING application_id::text AS application_id`,
          [appointmentId, now],
        );
        if (row === undefined) return false;
        await moveApplications(tx, [row.application_id], CHECK_IN_MOVE.from[0]!, CHECK_IN_MOVE.to, now);
        return true;
      });
    },

    async complete(appointmentId, now) {
      if (!UUID.test(appointmentId)) return false;
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<{ application_id: string }>(
          `UPDATE appointments SET status = 'completed', completed_at = $2 WHERE id = $1::uuid AND status = 'checked_in'
           RETURNING application_id::text AS application_id`,
          [appointmentId, now],
        );
        if (row === undefined) return false;
        await moveApplications(tx, [row.application_id], COMPLETE_MOVE.from[0]!, COMPLETE_MOVE.to, now);
        return true;
      });
    },
  };
}
