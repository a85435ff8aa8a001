// The booking store on PostgreSQL (or PGlite): seats and appointments change only through single transactions
// that the database serialises (conditional updates, a partial unique index, advisory locks per office-day).
import type { Appointment, AppointmentStatus, CancelledByClosure, CancelReason, MissedAppointment } from "../../domain/booking/appointment.js";
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import type { BookingStore, StoreBookResult, StoreCancelResult, StoreRescheduleResult } from "../../domain/booking/booking-store.js";
import { BOOK_MOVE, CANCEL_MOVE, CHECK_IN_MOVE, COMPLETE_MOVE, MISS_MOVE } from "../../domain/booking/booking-transitions.js";
import { jalaliDateInTehran } from "../../domain/time/tehran-clock.js";
import { fromSqlDate, toSqlDate } from "./booking-sql-dates.js";
import type { SqlExecutor } from "./sql-executor.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Deadlocks (40P01) and serialisation failures (40001) are retried; the lock order makes them rare. */
const RETRYABLE_SQLSTATES = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 3;
/** The partial unique index that allows one live appointment per application. */
const ONE_LIVE_INDEX = "appointments_one_live_per_application";

const APPOINTMENT_COLUMNS = `id::text AS id, application_id::text AS application_id, office_id, starts_at, status, created_at,
  cancelled_at, cancel_reason, rescheduled_from::text AS rescheduled_from, checked_in_at, completed_at, missed_at, booking_reopens_at`;

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

/**
 * A BookingStore over raw SQL. Booking, rescheduling and cancelling are one call each to the booking_*
 * functions of migration 20261129110000_booking (one round trip, one transaction); closing a day and the
 * no-show sweep are short multi-statement transactions. `sql` is Database.sql: node-postgres or PGlite.
 */
export function createSqlBookingStore(sql: SqlExecutor): BookingStore {
  const findAppointment = async (where: string, param: string): Promise<Appointment | null> => {
    if (!UUID.test(param)) return null;
    const [row] = await sql.query<AppointmentRow>(`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE ${where}`, [param]);
    return row ? toAppointment(row) : null;
  };

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

    appointment: (appointmentId) => findAppointment("id = $1::uuid", appointmentId),

    liveAppointmentOf: (applicationId) =>
      findAppointment("application_id = $1::uuid AND status IN ('active', 'checked_in')", applicationId),

    async book(request): Promise<StoreBookResult> {
      if (!UUID.test(request.applicationId)) return { kind: "application_not_found" };
      let row: { o_outcome: string; o_appointment_id: string | null; o_status: string | null; o_reopens_at: Date | null } | undefined;
      try {
        [row] = await withRetry(() =>
          sql.query(
            `SELECT o_outcome, o_appointment_id::text AS o_appointment_id, o_status, o_reopens_at
               FROM booking_book($1::uuid, $2::int, $3::timestamptz, $4::date, $5::timestamptz, $6::text[], $7::text)`,
            [request.applicationId, request.officeId, request.startsAt, toSqlDate(request.day), request.now, BOOK_MOVE.from, BOOK_MOVE.to],
          ),
        );
      } catch (error) {
        // The partial unique index is the last line: the state check should have caught a second booking.
        if (!isViolationOf(error, ONE_LIVE_INDEX)) throw error;
        const live = await findAppointment("application_id = $1::uuid AND status IN ('active', 'checked_in')", request.applicationId);
        if (live === null) throw error;
        return { kind: "already_booked", appointmentId: live.id };
      }
      if (row === undefined) throw new Error("booking_book returned no row");
      switch (row.o_outcome) {
        case "booked":
        case "already_booked":
          return { kind: row.o_outcome, appointmentId: required(row.o_appointment_id, row.o_outcome) };
        case "not_eligible":
          return {
            kind: "not_eligible",
            standing: { status: required(row.o_status, "not_eligible") as ApplicationState, bookingReopensAt: row.o_reopens_at },
          };
        case "slot_full":
        case "office_unavailable":
        case "day_closed":
        case "application_not_found":
          return { kind: row.o_outcome };
        default:
          throw new Error(`booking_book: unexpected outcome ${row.o_outcome}`);
      }
    },

    async reschedule(request): Promise<StoreRescheduleResult> {
      if (!UUID.test(request.appointmentId)) return { kind: "not_active" };
      const [row] = await withRetry(() =>
        sql.query<{ o_outcome: string; o_appointment_id: string | null }>(
          `SELECT o_outcome, o_appointment_id::text AS o_appointment_id
             FROM booking_reschedule($1::uuid, $2::int, $3::timestamptz, $4::date, $5::timestamptz, $6::timestamptz)`,
          [request.appointmentId, request.officeId, request.startsAt, toSqlDate(request.day), request.changeableFrom, request.now],
        ),
      );
      switch (row?.o_outcome) {
        case "moved":
          return { kind: "moved", appointmentId: required(row.o_appointment_id, "moved") };
        case "slot_full":
        case "office_unavailable":
        case "day_closed":
        case "not_active":
        case "cutoff_passed":
          return { kind: row.o_outcome };
        default:
          throw new Error(`booking_reschedule: unexpected outcome ${row?.o_outcome}`);
      }
    },

    async cancel(request): Promise<StoreCancelResult> {
      if (!UUID.test(request.appointmentId)) return { kind: "not_active" };
      const [row] = await withRetry(() =>
        sql.query<{ o_outcome: string }>(`SELECT o_outcome FROM booking_cancel($1::uuid, $2::timestamptz, $3::timestamptz, $4::text, $5::text)`, [
          request.appointmentId,
          request.changeableFrom,
          request.now,
          CANCEL_MOVE.from[0],
          CANCEL_MOVE.to,
        ]),
      );
      switch (row?.o_outcome) {
        case "cancelled":
        case "not_active":
        case "cutoff_passed":
          return { kind: row.o_outcome };
        default:
          throw new Error(`booking_cancel: unexpected outcome ${row?.o_outcome}`);
      }
    },

    closeDay(request) {
      return withRetry(() =>
        sql.transaction(async (tx): Promise<CancelledByClosure[]> => {
          const day = toSqlDate(request.day);
          // Exclusive against the shared lock every booking of this office-day holds: in-flight bookings
          // finish first (and are cancelled below); later ones wait, then see the closed day.
          await tx.query(`SELECT pg_advisory_xact_lock($1::int, $2::date - DATE '2000-01-01')`, [request.officeId, day]);
          await tx.query(
            `INSERT INTO office_closed_dates (office_id, day, created_at) VALUES ($1, $2::date, $3) ON CONFLICT DO NOTHING`,
            [request.officeId, day, request.now],
          );
          await tx.query(
            `SELECT id FROM slots WHERE office_id = $1 AND starts_at >= $2 AND starts_at < $3 ORDER BY id FOR UPDATE`,
            [request.officeId, request.from, request.to],
          );
          const cancelled = await tx.query<{ id: string; application_id: string; slot_id: string; starts_at: Date }>(
            `UPDATE appointments SET status = 'cancelled', cancelled_at = $4, cancel_reason = 'office_closed'
              WHERE office_id = $1 AND starts_at >= $2 AND starts_at < $3 AND status = 'active'
            RETURNING id::text AS id, application_id::text AS application_id, slot_id::text AS slot_id, starts_at`,
            [request.officeId, request.from, request.to, request.now],
          );
          if (cancelled.length === 0) return [];
          await releaseSeats(tx, cancelled.map((row) => row.slot_id));
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
      const rows = await sql.query(`DELETE FROM office_closed_dates WHERE office_id = $1 AND day = $2::date RETURNING office_id`, [
        officeId,
        toSqlDate(day),
      ]);
      return rows.length > 0;
    },

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
        const contacts = await moveApplications(tx, missed.map((row) => row.application_id), MISS_MOVE.from[0]!, MISS_MOVE.to, request.now);
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

/** Moves applications still in `from` to `to` with a timeline event each; returns every application's chat and code. */
async function moveApplications(
  tx: SqlExecutor,
  applicationIds: string[],
  from: ApplicationState,
  to: ApplicationState,
  now: Date,
): Promise<Map<string, { chatId: number; trackingCode: string | null }>> {
  const moved = await tx.query<{ id: string }>(
    `UPDATE applications SET status = $3, updated_at = $4 WHERE id = ANY($1::uuid[]) AND status = $2 RETURNING id::text AS id`,
    [applicationIds, from, to, now],
  );
  if (moved.length > 0) {
    await tx.query(`INSERT INTO application_events (application_id, status, at) SELECT unnest($1::uuid[]), $2, $3`, [
      moved.map((row) => row.id),
      to,
      now,
    ]);
  }
  const contacts = await tx.query<{ id: string; chat_id: string; tracking_code: string | null }>(
    `SELECT id::text AS id, chat_id::text AS chat_id, tracking_code FROM applications WHERE id = ANY($1::uuid[])`,
    [applicationIds],
  );
  return new Map(contacts.map((row) => [row.id, { chatId: Number(row.chat_id), trackingCode: row.tracking_code }]));
}

async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (attempt >= MAX_ATTEMPTS || code === undefined || !RETRYABLE_SQLSTATES.has(code)) throw error;
    }
  }
}

/** True for a unique violation (23505) of `index`, as node-postgres and PGlite report it. */
function isViolationOf(error: unknown, index: string): boolean {
  const { code, constraint, message } = (error ?? {}) as { code?: string; constraint?: string; message?: string };
  return code === "23505" && (constraint === index || (message ?? "").includes(index));
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`booking store: ${what} without its id`);
  return value;
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
