// Writes imported offices in one transaction: upsert by code, future slot capacities, closed dates (never over bookings).
import type { OfficeDraft } from "../../domain/booking/office-record.js";
import { tehranDayBounds } from "../../domain/booking/slot-schedule.js";
import { formatWeeklyHours } from "../../domain/booking/weekly-hours.js";
import { compareJalali, jalaliDateToString } from "../../domain/time/jalali.js";
import { jalaliDateInTehran } from "../../domain/time/tehran-clock.js";
import { toSqlDate } from "./booking-sql-dates.js";
import type { SqlExecutor } from "./sql-executor.js";

/** An office to write, with the province its city belongs to and the file line it came from. */
export interface OfficeUpsert {
  readonly line: number;
  readonly draft: OfficeDraft;
  readonly provinceId: number;
}

/** What an import wrote. */
export interface OfficeUpsertReport {
  readonly created: number;
  readonly updated: number;
  readonly closedDatesAdded: number;
}

/** A closed date refused because the office has active appointments that day. */
export interface ClosedDateConflict {
  readonly line: number;
  readonly date: string;
  readonly appointments: number;
}

/** Thrown inside the transaction to roll the whole import back; carries the conflicts found. */
export class ClosedDateConflictError extends Error {
  override name = "ClosedDateConflictError";
  constructor(readonly conflicts: readonly ClosedDateConflict[]) {
    super(`${conflicts.length} closed date(s) fall on days with active appointments`);
  }
}

/**
 * Upserts the offices by code in one transaction: all or nothing. Future slots of an office whose
 * counters changed get the new capacity (never below the seats already taken). Closed dates are added,
 * never removed; a new closed date from today on with active appointments rolls everything back with
 * ClosedDateConflictError, because an import cannot tell the citizens: close such a day with the
 * close-day operation instead. New closed dates take the same exclusive office-day lock as closing a day,
 * so no booking slips in meanwhile; PostgreSQL's lock table (max_locks_per_transaction) bounds how many
 * new future closed office-days one file can add.
 */
export function upsertOffices(sql: SqlExecutor, offices: readonly OfficeUpsert[], now: Date): Promise<OfficeUpsertReport> {
  return sql.transaction(async (tx) => {
    const codes = offices.map((office) => office.draft.code);
    const existing = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM offices WHERE code = ANY($1::text[])`, [codes]);
    const updated = existing[0]?.n ?? 0;
    const column = <T>(pick: (office: OfficeUpsert) => T) => offices.map(pick);
    const written = await tx.query<{ id: number; code: string }>(
      `INSERT INTO offices (code, type, name, province_id, city_id, address, phone, latitude, longitude, weekly_hours,
                            slot_minutes, counters, active, created_at, updated_at)
       SELECT c, t, n, p, ci, a, ph, la, lo, h, s, co, ac, $14, $14
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::float8[],
                     $9::float8[], $10::text[], $11::int[], $12::int[], $13::bool[]) AS r(c, t, n, p, ci, a, ph, la, lo, h, s, co, ac)
       ON CONFLICT (code) DO UPDATE SET
         type = EXCLUDED.type, name = EXCLUDED.name, province_id = EXCLUDED.province_id, city_id = EXCLUDED.city_id,
         address = EXCLUDED.address, phone = EXCLUDED.phone, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
         weekly_hours = EXCLUDED.weekly_hours, slot_minutes = EXCLUDED.slot_minutes, counters = EXCLUDED.counters,
         active = EXCLUDED.active, updated_at = EXCLUDED.updated_at
       RETURNING id, code`,
      [
        codes,
        column((o) => o.draft.type),
        column((o) => o.draft.name),
        column((o) => o.provinceId),
        column((o) => o.draft.cityId),
        column((o) => o.draft.address),
        column((o) => o.draft.phone),
        column((o) => o.draft.location.latitude),
        column((o) => o.draft.location.longitude),
        column((o) => formatWeeklyHours(o.draft.weeklyHours)),
        column((o) => o.draft.slotMinutes),
        column((o) => o.draft.counters),
        column((o) => o.draft.active),
        now,
      ],
    );
    const idOf = new Map(written.map((row) => [row.code, row.id]));

    await tx.query(
      `UPDATE slots s SET capacity = GREATEST(s.booked, o.counters)
         FROM offices o
        WHERE o.id = s.office_id AND o.code = ANY($1::text[]) AND s.starts_at >= $2 AND s.capacity <> GREATEST(s.booked, o.counters)`,
      [codes, now],
    );

    const closedDatesAdded = await addClosedDates(tx, offices, idOf, now);
    return { created: offices.length - updated, updated, closedDatesAdded };
  });
}

async function addClosedDates(tx: SqlExecutor, offices: readonly OfficeUpsert[], idOf: Map<string, number>, now: Date): Promise<number> {
  const pairs = offices.flatMap((office) =>
    office.draft.closedDates.map((date) => ({ line: office.line, officeId: idOf.get(office.draft.code)!, date, day: toSqlDate(date) })),
  );
  if (pairs.length === 0) return 0;
  const known = await tx.query<{ office_id: number; day: string }>(
    `SELECT c.office_id, to_char(c.day, 'YYYY-MM-DD') AS day
       FROM office_closed_dates c JOIN unnest($1::int[], $2::date[]) AS p(o, d) ON c.office_id = p.o AND c.day = p.d`,
    [pairs.map((p) => p.officeId), pairs.map((p) => p.day)],
  );
  const already = new Set(known.map((row) => `${row.office_id}:${row.day}`));
  const today = jalaliDateInTehran(now);
  const fresh = pairs.filter((p) => !already.has(`${p.officeId}:${p.day}`));
  const upcoming = fresh.filter((p) => compareJalali(p.date, today) >= 0).sort((a, b) => a.officeId - b.officeId || a.day.localeCompare(b.day));

  if (upcoming.length > 0) {
    // The same lock a day closing takes, in a fixed order so two imports cannot deadlock.
    await tx.query(
      `SELECT pg_advisory_xact_lock(p.o, p.d - DATE '2000-01-01')
         FROM (SELECT o, d FROM unnest($1::int[], $2::date[]) AS u(o, d) ORDER BY o, d) AS p`,
      [upcoming.map((p) => p.officeId), upcoming.map((p) => p.day)],
    );
    const bounds = upcoming.map((p) => tehranDayBounds(p.date));
    const busy = await tx.query<{ i: string; n: number }>(
      `SELECT u.i, count(*)::int AS n
         FROM unnest($1::int[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS u(o, f, e, i)
         JOIN appointments a ON a.office_id = u.o AND a.starts_at >= u.f AND a.starts_at < u.e AND a.status = 'active'
        GROUP BY u.i ORDER BY u.i`,
      [upcoming.map((p) => p.officeId), bounds.map((b) => b.from), bounds.map((b) => b.to)],
    );
    if (busy.length > 0) {
      throw new ClosedDateConflictError(
        busy.map((row) => {
          const pair = upcoming[Number(row.i) - 1]!;
          return { line: pair.line, date: jalaliDateToString(pair.date), appointments: row.n };
        }),
      );
    }
  }
  if (fresh.length === 0) return 0;
  const inserted = await tx.query(
    `INSERT INTO office_closed_dates (office_id, day, created_at) SELECT o, d, $3 FROM unnest($1::int[], $2::date[]) AS u(o, d)
     ON CONFLICT DO NOTHING RETURNING office_id`,
    [fresh.map((p) => p.officeId), fresh.map((p) => p.day), now],
  );
  return inserted.length;
}
