// Closing an office's day (cancelling its appointments, freeing their seats) and reopening it.
import type { CancelledByClosure } from "../../domain/booking/appointment.js";
import type { BookingStore } from "../../domain/booking/booking-store.js";
import { CANCEL_MOVE } from "../../domain/booking/booking-transitions.js";
import { moveApplications } from "./application-moves.js";
import { toSqlDate } from "./booking-sql-dates.js";
import type { SqlExecutor } from "./sql-executor.js";
import { withSqlRetry } from "./sql-retry.js";

/** closeDay and reopenDay of a BookingStore: a short transaction under the office-day's advisory lock. */
export function sqlDayClosure(sql: SqlExecutor): Pick<BookingStore, "closeDay" | "reopenDay"> {
  return {
    closeDay(request) {
      return withSqlRetry(() =>
        sql.transaction(async (tx): Promise<CancelledByClosure[]> => {
          const day = toSqlDate(request.day);
          // Exclusive against the shared lock every booking of this office-day holds: in-flight bookings
          // finish first (and are cancelled below); later ones wait, then see the closed day.
          await tx.query(`SELECT pg_advisory_xact_lock($1::int, $2::date - DATE '2000-01-01')`, [request.officeId, day]);
          await tx.query(`INSERT INTO office_closed_dates (office_id, day, created_at) VALUES ($1, $2::date, $3) ON CONFLICT DO NOTHING`, [
            request.officeId,
            day,
            request.now,
          ]);
          await tx.query(`SELECT id FROM slots WHERE office_id = $1 AND starts_at >= $2 AND starts_at < $3 ORDER BY id FOR UPDATE`, [
            request.officeId,
            request.from,
            request.to,
          ]);
          const cancelled = await tx.query<{ id: string; application_id: string; slot_id: string; starts_at: Date }>(
            `UPDATE appointments SET status = 'cancelled', cancelled_at = $4, cancel_reason = 'office_closed'
              WHERE office_id = $1 AND starts_at >= $2 AND starts_at < $3 AND status = 'active'
            RETURNING id::text AS id, application_id::text AS application_id, slot_id::text AS slot_id, starts_at`,
            [request.officeId, request.from, request.to, request.now],
          );
          if (cancelled.length === 0) return [];
          await releaseSeats(
            tx,
            cancelled.map((row) => row.slot_id),
          );
          const applicationIds = cancelled.map((row) => row.application_id);
          const contacts = await moveApplications(tx, applicationIds, CANCEL_MOVE.from[0]!, CANCEL_MOVE.to, request.now);
          return cancelled.map((row) => ({
            appointmentId: row.id,
            applicationId: row.application_id,
            officeId: request.officeId,
            startsAt: row.starts_at,
            chatId: contacts.get(row.application_id)?.chatId ?? 0,
            trackingCode: contacts.get(row.application_id)?.trackingCode ?? null,
          }));
        }),
      );
    },

    async reopenDay(officeId, day) {
      const rows = await sql.query(`DELETE FROM office_closed_dates WHERE office_id = $1 AND day = $2::date RETURNING office_id`, [officeId, toSqlDate(day)]);
      return rows.length > 0;
    },
  };
}

/** Frees one seat per cancelled appointment (several may share a slot). */
async function releaseSeats(tx: SqlExecutor, slotIds: string[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const id of slotIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  await tx.query(
    `UPDATE slots s SET booked = s.booked - c.n
       FROM unnest($1::bigint[], $2::int[]) AS c(id, n) WHERE s.id = c.id`,
    [[...counts.keys()], [...counts.values()]],
  );
}
