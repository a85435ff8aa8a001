// Loads the sample offices (prisma/seed-data/offices-sample.csv) into the database, once: for local mode and `npm run db:seed`.
import { readFile } from "node:fs/promises";
import type { Database } from "../database/database.js";
import { describeCsvError } from "./office-csv.js";
import { importOfficesCsv } from "./import-offices.js";
import { SEED_DATA_DIR } from "./sample-cities.js";

/** The committed sample file, written by scripts/generate-sample-offices.ts. */
export const SAMPLE_OFFICES_FILE = `${SEED_DATA_DIR}offices-sample.csv`;

/** Codes of sample offices start with this, so they are easy to find and remove. */
export const SAMPLE_CODE_PREFIX = "sample-";

/**
 * Imports the sample offices unless every one of them is already there; idempotent and cheap on later
 * starts (one count). Call it after ensureReferenceData: the offices refer to its cities. Returns how many
 * were imported or updated (0 when already loaded).
 */
export async function ensureSampleOffices(db: Database): Promise<{ imported: number; total: number }> {
  const text = await readFile(SAMPLE_OFFICES_FILE, "utf8");
  // Data rows: every record of the generated file is one line.
  const total = text.split("\n").filter((line) => line.trim() !== "").length - 1;
  const [present] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM offices WHERE code LIKE $1`, [`${SAMPLE_CODE_PREFIX}%`]);
  if ((present?.n ?? 0) >= total) return { imported: 0, total };
  const [cities] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM cities`);
  if ((cities?.n ?? 0) === 0) throw new Error("no cities in the database: load the reference data (ensureReferenceData) before the sample offices");
  const result = await importOfficesCsv(db.sql, text);
  if (!result.ok) throw new Error(`the sample office file does not import: ${result.errors.slice(0, 5).map(describeCsvError).join("; ")}`);
  return { imported: result.created + result.updated, total };
}
