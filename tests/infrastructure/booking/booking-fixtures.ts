// Fixtures for booking integration tests: places from the seed CSVs, offices and paid applications inserted with SQL.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { addDays, weekdayOf } from '../../../src/domain/time/jalali.js';
import type { JalaliDate } from '../../../src/domain/time/jalali.js';
import type { Database } from '../../../src/infrastructure/database/database.js';
import { readSampleCities, SEED_DATA_DIR } from '../../../src/infrastructure/offices/sample-cities.js';

/** Tehran's city id in prisma/seed-data/iran-cities. */
export const TEHRAN = 399;

/** The first Saturday on or after 1 Ordibehesht 1407: a week far enough ahead for any test clock. */
export function aSaturday(): JalaliDate {
  let date: JalaliDate = { year: 1407, month: 2, day: 1 };
  while (weekdayOf(date) !== 0) date = addDays(date, 1);
  return date;
}

/** Loads all provinces and cities (without Prisma, which these tests do not need). */
export async function loadPlaces(db: Database): Promise<void> {
  const provinces = parse(await readFile(`${SEED_DATA_DIR}iran-cities/provinces.csv`, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  await db.sql.query(`INSERT INTO provinces (id, name) SELECT * FROM unnest($1::int[], $2::text[]) ON CONFLICT DO NOTHING`, [
    provinces.map((p) => Number(p.id)),
    provinces.map((p) => p.name),
  ]);
  const cities = await readSampleCities();
  await db.sql.query(
    `INSERT INTO cities (id, province_id, name, latitude, longitude)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::float8[], $5::float8[]) ON CONFLICT DO NOTHING`,
    [cities.map((c) => c.id), cities.map((c) => c.provinceId), cities.map((c) => c.name), cities.map((c) => c.latitude), cities.map((c) => c.longitude)],
  );
}

let officeCounter = 0;

/** Inserts an office in Tehran; returns its id. */
export async function insertOffice(
  db: Database,
  options: { counters?: number; latitude?: number; longitude?: number; hours?: string; type?: string; active?: boolean } = {},
): Promise<number> {
  const [row] = await db.sql.query<{ id: number }>(
    `INSERT INTO offices (code, type, name, province_id, city_id, address, phone, latitude, longitude, weekly_hours, slot_minutes, counters, active)
     VALUES ($1, $2, $1, 8, $3, 'تهران', '02161912222', $4, $5, $6, 15, $7, $8) RETURNING id`,
    [
      `it-${process.pid}-${++officeCounter}`,
      options.type ?? 'pishkhan',
      TEHRAN,
      options.latitude ?? 35.7,
      options.longitude ?? 51.4,
      options.hours ?? 'sat-wed 07:30-14:30; thu 07:30-12:00',
      options.counters ?? 1,
      options.active ?? true,
    ],
  );
  return row!.id;
}

let applicationCounter = 0;

/** Inserts paid applications (each with its own national ID, tracking code and chat); returns their ids in order. */
export async function insertPaidApplications(db: Database, count: number, status = 'paid'): Promise<string[]> {
  const first = applicationCounter + 1;
  applicationCounter += count;
  const rows = await db.sql.query<{ id: string }>(
    `INSERT INTO applications (national_id, birth_date, first_name, last_name, father_name, mobile, landline, postal_code,
                               address, city_id, chat_id, status, tracking_code, fee_rial)
     SELECT lpad(g::text, 10, '0'), '1370/01/01', 'علی', 'رضایی', 'حسن', '09121234567', '02112345678', '1345678912',
            'تهران', $3, 5000 + g, $4, CASE WHEN $4 = 'awaiting_payment' THEN NULL ELSE '7' || lpad(g::text, 11, '0') END, 200000
       FROM generate_series($1::int, $2::int) AS g ORDER BY g
     RETURNING id::text AS id`,
    [first, first + count - 1, TEHRAN, status],
  );
  return rows.map((row) => row.id);
}

/** One number from a count(*) query. */
export async function count(db: Database, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.sql.query<{ n: number }>(sql, params);
  return row?.n ?? -1;
}
