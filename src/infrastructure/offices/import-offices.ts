// Imports an office CSV file: validate every row, check cities, then write all rows in one transaction or none.
import type { SqlExecutor } from "../database/sql-executor.js";
import { ClosedDateConflictError, upsertOffices } from "../database/office-upsert.js";
import type { OfficeUpsertReport } from "../database/office-upsert.js";
import { parseOfficeCsv } from "./office-csv.js";
import type { OfficeCsvError } from "./office-csv.js";

/** The result of an import: what was written, or every problem found (and nothing written). */
export type OfficeImportResult = ({ readonly ok: true } & OfficeUpsertReport) | { readonly ok: false; readonly errors: readonly OfficeCsvError[] };

/**
 * Imports offices from CSV text (format: office-csv.ts). A file with any bad row imports nothing and
 * reports every bad row with its line number and reason; re-importing updates offices by their code.
 */
export async function importOfficesCsv(sql: SqlExecutor, text: string, options: { now?: Date } = {}): Promise<OfficeImportResult> {
  const parsed = parseOfficeCsv(text);
  const cityIds = [...new Set(parsed.rows.map((row) => row.draft.cityId))];
  const cities =
    cityIds.length === 0 ? [] : await sql.query<{ id: number; province_id: number }>(`SELECT id, province_id FROM cities WHERE id = ANY($1::int[])`, [cityIds]);
  const provinceOf = new Map(cities.map((city) => [city.id, city.province_id]));
  const unknownCities: OfficeCsvError[] = parsed.rows
    .filter((row) => !provinceOf.has(row.draft.cityId))
    .map((row) => ({ line: row.line, reason: "unknown_city", column: "city_id", value: String(row.draft.cityId) }));
  const errors = [...parsed.errors, ...unknownCities].sort((a, b) => a.line - b.line);
  if (errors.length > 0) return { ok: false, errors };
  const rows = parsed.rows;

  try {
    const report = await upsertOffices(
      sql,
      rows.map((row) => ({ line: row.line, draft: row.draft, provinceId: provinceOf.get(row.draft.cityId)! })),
      options.now ?? new Date(),
    );
    return { ok: true, ...report };
  } catch (error) {
    if (!(error instanceof ClosedDateConflictError)) throw error;
    return {
      ok: false,
      errors: error.conflicts.map((conflict) => ({
        line: conflict.line,
        reason: "closed_date_has_appointments",
        column: "closed_dates",
        value: `${conflict.date}: ${conflict.appointments}`,
      })),
    };
  }
}
