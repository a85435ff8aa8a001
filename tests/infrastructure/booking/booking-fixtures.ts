// Fixtures for booking integration tests: places from the seed CSVs, offices and paid applications inserted with SQL.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { addDays, weekdayOf } from "../../../src/domain/time/jalali.js";
import type { JalaliDate } from "../../../src/domain/time/jalali.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { readSampleCities, SEED_DATA_DIR } from "../../../src/infrastructure/offices/sample-cities.js";
import { insertApplications, insertOffices, TEHRAN_CITY_ID, type OfficeRows } from "../../fixtures/booking-data.js";

/** Tehran's city id in prisma/seed-data/iran-cities. */
export const TEHRAN = TEHRAN_CITY_ID;

/** The first Saturday on or after 1 Ordibehesht 1407: a week far enough ahead for any test clock. */
export function aSaturday(): JalaliDate {
  let date: JalaliDate = { year: 1407, month: 2, day: 1 };
  while (weekdayOf(date) !== 0) date = addDays(date, 1);
  return date;
}

/** Loads all provinces and cities (without Prisma, which these tests do not need). */
export async function loadPlaces(db: Database): Promise<void> {
  const provinces = parse(await readFile(`${SEED_DATA_DIR}iran-cities/provinces.csv`, "utf8"), { columns: true }) as Array<Record<string, string>>;
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

/** Inserts an office in Tehran; returns its id. */
export async function insertOffice(db: Database, options: Omit<OfficeRows, "count" | "label"> = {}): Promise<number> {
  const [id] = await insertOffices(db, { ...options, label: "it" });
  return id!;
}

/** Inserts applications (paid by default: each with its own national ID, tracking code and chat); returns their ids in order. */
export function insertPaidApplications(db: Database, count: number, status = "paid"): Promise<string[]> {
  return insertApplications(db, count, { status });
}

/** One number from a count(*) query. */
export async function count(db: Database, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.sql.query<{ n: number }>(sql, params);
  return row?.n ?? -1;
}
