// The office catalogue read from the database and kept in memory for a short while (offices change rarely).
import type { Office, OfficeType } from "../../domain/booking/office.js";
import { createOfficeCatalog } from "../../domain/booking/office-catalog.js";
import type { OfficeCatalog, OfficeDirectory } from "../../domain/booking/office-catalog.js";
import { parseWeeklyHours } from "../../domain/booking/weekly-hours.js";
import type { WeeklyHours } from "../../domain/booking/weekly-hours.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import { fromSqlDate } from "./booking-sql-dates.js";
import type { SqlExecutor } from "./sql-executor.js";

/** An OfficeDirectory that can also be told to reload now (after an import or a closed day). */
export interface CachedOfficeDirectory extends OfficeDirectory {
  invalidate(): void;
}

interface OfficeRow {
  id: number;
  code: string;
  type: string;
  name: string;
  province_id: number;
  city_id: number;
  address: string;
  phone: string;
  latitude: number;
  longitude: number;
  weekly_hours: string;
  slot_minutes: number;
  counters: number;
  active: boolean;
}

/**
 * Loads every office and its closed dates from yesterday on, and serves that catalogue for `cacheMs`
 * (default one minute). Staleness is safe for the invariants: the store re-checks closed days and the
 * office's state inside each booking transaction. Concurrent callers share one reload.
 */
export function createSqlOfficeDirectory(sql: SqlExecutor, options: { cacheMs?: number; clock?: () => number } = {}): CachedOfficeDirectory {
  const cacheMs = options.cacheMs ?? 60_000;
  const clock = options.clock ?? Date.now;
  let cached: { at: number; catalog: Promise<OfficeCatalog> } | undefined;

  return {
    catalog() {
      if (cached === undefined || clock() - cached.at >= cacheMs) {
        const loading = loadCatalog(sql);
        cached = { at: clock(), catalog: loading };
        // A failed load is not cached: the next caller tries again.
        loading.catch(() => {
          if (cached?.catalog === loading) cached = undefined;
        });
      }
      return cached.catalog;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** Reads all offices with their closed dates from yesterday on (older ones no longer matter). */
export async function loadOffices(sql: SqlExecutor): Promise<Office[]> {
  const rows = await sql.query<OfficeRow>(
    `SELECT id, code, type, name, province_id, city_id, address, phone, latitude, longitude, weekly_hours, slot_minutes, counters, active
       FROM offices ORDER BY id`,
  );
  const closed = await sql.query<{ office_id: number; day: string }>(
    `SELECT office_id, to_char(day, 'YYYY-MM-DD') AS day FROM office_closed_dates WHERE day >= CURRENT_DATE - 1 ORDER BY office_id, day`,
  );
  const closedByOffice = new Map<number, JalaliDate[]>();
  for (const row of closed) {
    const list = closedByOffice.get(row.office_id);
    if (list === undefined) closedByOffice.set(row.office_id, [fromSqlDate(row.day)]);
    else list.push(fromSqlDate(row.day));
  }
  // Most offices share a handful of timetables: parse each distinct text once.
  const hoursByText = new Map<string, WeeklyHours>();
  return rows.map((row) => {
    let weeklyHours = hoursByText.get(row.weekly_hours);
    if (weeklyHours === undefined) {
      const parsed = parseWeeklyHours(row.weekly_hours);
      if (!parsed.ok) throw new Error(`office ${row.code} has unreadable weekly hours (${parsed.error}): ${row.weekly_hours}`);
      hoursByText.set(row.weekly_hours, (weeklyHours = parsed.value));
    }
    return {
      id: row.id,
      code: row.code,
      type: row.type as OfficeType,
      name: row.name,
      provinceId: row.province_id,
      cityId: row.city_id,
      address: row.address,
      phone: row.phone,
      location: { latitude: row.latitude, longitude: row.longitude },
      weeklyHours,
      slotMinutes: row.slot_minutes,
      counters: row.counters,
      closedDates: closedByOffice.get(row.id) ?? [],
      active: row.active,
    };
  });
}

async function loadCatalog(sql: SqlExecutor): Promise<OfficeCatalog> {
  return createOfficeCatalog(await loadOffices(sql));
}
