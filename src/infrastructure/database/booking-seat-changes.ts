// Booking, rescheduling and cancelling: one call each to the booking_* SQL functions (one round trip, one transaction).
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import type { BookingStore, StoreBookResult, StoreCancelResult, StoreRescheduleResult } from "../../domain/booking/booking-store.js";
import { BOOK_MOVE, CANCEL_MOVE } from "../../domain/booking/booking-transitions.js";
import { toSqlDate } from "./booking-sql-dates.js";
import { findAppointment, LIVE_OF_APPLICATION, UUID } from "./booking-sql-rows.js";
import type { SqlExecutor } from "./sql-executor.js";
import { withSqlRetry } from "./sql-retry.js";

/** The partial unique index that allows one live appointment per application. */
const ONE_LIVE_INDEX = "appointments_one_live_per_application";

/**
 * book, reschedule and cancel of a BookingStore over the functions of migration 20261129110000_booking (booking_book
 * as redefined by 20261201610000_booking_seats_left, which also returns the seats left).
 */
export function sqlSeatChanges(sql: SqlExecutor): Pick<BookingStore, "book" | "reschedule" | "cancel"> {
  return {
    async book(request): Promise<StoreBookResult> {
      if (!UUID.test(request.applicationId)) return { kind: "application_not_found" };
      let row:
        | { o_outcome: string; o_appointment_id: string | null; o_status: string | null; o_reopens_at: Date | null; o_seats_left: number | null }
        | undefined;
      try {
        [row] = await withSqlRetry(() =>
          sql.query(
            `SELECT o_outcome, o_appointment_id::text AS o_appointment_id, o_status, o_reopens_at, o_seats_left
               FROM booking_book($1::uuid, $2::int, $3::timestamptz, $4::date, $5::timestamptz, $6::text[], $7::text)`,
            [request.applicationId, request.officeId, request.startsAt, toSqlDate(request.day), request.now, BOOK_MOVE.from, BOOK_MOVE.to],
          ),
        );
      } catch (error) {
        // The partial unique index is the last line: the state check should have caught a second booking.
        if (!isViolationOf(error, ONE_LIVE_INDEX)) throw error;
        const live = await findAppointment(sql, LIVE_OF_APPLICATION, request.applicationId);
        if (live === null) throw error;
        return { kind: "already_booked", appointmentId: live.id };
      }
      if (row === undefined) throw new Error("booking_book returned no row");
      switch (row.o_outcome) {
        case "booked":
          return {
            kind: "booked",
            appointmentId: required(row.o_appointment_id, "booked"),
            ...(row.o_seats_left === null ? {} : { seatsLeft: row.o_seats_left }),
          };
        case "already_booked":
          return { kind: "already_booked", appointmentId: required(row.o_appointment_id, "already_booked") };
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
      const [row] = await withSqlRetry(() =>
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
      const [row] = await withSqlRetry(() =>
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
  };
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
