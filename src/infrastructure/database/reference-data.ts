// Loads the reference data every installation needs (provinces, cities, the default tariff) and, on
// request, the sample citizens of the default registry. Idempotent: safe on every start.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { DEFAULT_TARIFF } from "../../domain/fees/tariff.js";
import { correctedCityName, readCityNameCorrections, type CityNameCorrection } from "./city-name-corrections.js";
import type { Database } from "./database.js";

const SEED_DIR = fileURLToPath(new URL("../../../prisma/seed-data/", import.meta.url));

/** The seed document's fees (1397) as the first row of the tariff table. */
const SEED_TARIFF = { ...DEFAULT_TARIFF, source: "seed document, 1397" };

async function readCsv(relativePath: string): Promise<Record<string, string>[]> {
  const text = await readFile(SEED_DIR + relativePath, "utf8");
  return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}

/**
 * Inserts provinces, cities and the seed tariff when missing, and corrects city names the source misspells
 * (also in a database loaded before a correction was added); leaves edited flags, fees and names alone.
 */
export async function ensureReferenceData(db: Database): Promise<{ cities: number }> {
  const corrections = await readCityNameCorrections();
  const [existing] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM cities`);
  if ((existing?.n ?? 0) === 0) await loadPlaces(db, corrections);
  else await applyCityNameCorrections(db, corrections);
  await db.prisma.tariff.upsert({
    where: { effectiveFrom: SEED_TARIFF.effectiveFrom },
    create: SEED_TARIFF,
    update: {},
  });
  const [count] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM cities`);
  return { cities: count?.n ?? 0 };
}

/** Only rows still carrying the source's spelling change: a name an administrator edited stays as it is. */
async function applyCityNameCorrections(db: Database, corrections: Map<number, CityNameCorrection>): Promise<void> {
  const rows = [...corrections.values()];
  await db.sql.query(
    `UPDATE cities SET name = c.corrected FROM unnest($1::int[], $2::text[], $3::text[]) AS c(id, source, corrected)
     WHERE cities.id = c.id AND cities.name = c.source`,
    [rows.map((row) => row.cityId), rows.map((row) => row.nameInSource), rows.map((row) => row.correctedName)],
  );
}

async function loadPlaces(db: Database, corrections: Map<number, CityNameCorrection>): Promise<void> {
  const provinces = await readCsv("iran-cities/provinces.csv");
  const cities = await readCsv("iran-cities/cities.csv");
  // Cities of over a million people in the 1395 census: the metropolis completion-fee cap applies there.
  const metropolises = new Set((await readCsv("metropolises.csv")).map((row) => row.name));
  const coordinates = new Map((await readCsv("iran-cities/city_coordinates.csv")).map((row) => [row.city_id, row]));
  await db.sql.transaction(async (tx) => {
    await tx.query(`INSERT INTO provinces (id, name) SELECT * FROM unnest($1::int[], $2::text[]) ON CONFLICT (id) DO NOTHING`, [
      provinces.map((p) => Number(p.id)),
      provinces.map((p) => p.name),
    ]);
    await tx.query(
      `INSERT INTO cities (id, province_id, name, latitude, longitude, is_metropolis)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::float8[], $5::float8[], $6::bool[])
       ON CONFLICT (id) DO NOTHING`,
      [
        cities.map((c) => Number(c.id)),
        cities.map((c) => Number(c.province_id)),
        cities.map((c) => correctedCityName(corrections, Number(c.id), c.name ?? "")),
        cities.map((c) => numberOrNull(coordinates.get(c.id!)?.lat)),
        cities.map((c) => numberOrNull(coordinates.get(c.id!)?.lon)),
        cities.map((c) => metropolises.has(c.name)),
      ],
    );
  });
}

function numberOrNull(value: string | undefined): number | null {
  const n = Number(value);
  return value && Number.isFinite(n) ? n : null;
}

/** One civil-registry record as the import file has it. */
export interface RegistryRecord {
  nationalId: string;
  birthDate: string;
  firstName: string;
  lastName: string;
  fatherName: string;
}

/** Reads registry records from a CSV (national_id,birth_date,first_name,last_name,father_name). */
export async function readRegistryCsv(path: string): Promise<RegistryRecord[]> {
  const text = await readFile(path, "utf8");
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((row) => ({
    nationalId: row.national_id ?? "",
    birthDate: row.birth_date ?? "",
    firstName: row.first_name ?? "",
    lastName: row.last_name ?? "",
    fatherName: row.father_name ?? "",
  }));
}

/** The sample citizens shipped with the project (made up; see prisma/seed-data/README.md). */
export function sampleCitizens(): Promise<RegistryRecord[]> {
  return readRegistryCsv(SEED_DIR + "sample-citizens.csv");
}

/** Upserts registry records in one transaction. */
export async function upsertRegistryRecords(db: Database, records: RegistryRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  await db.sql.query(
    `INSERT INTO registry_citizens (national_id, birth_date, first_name, last_name, father_name)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (national_id) DO UPDATE SET birth_date = EXCLUDED.birth_date, first_name = EXCLUDED.first_name,
       last_name = EXCLUDED.last_name, father_name = EXCLUDED.father_name`,
    [
      records.map((r) => r.nationalId),
      records.map((r) => r.birthDate),
      records.map((r) => r.firstName),
      records.map((r) => r.lastName),
      records.map((r) => r.fatherName),
    ],
  );
  return records.length;
}
