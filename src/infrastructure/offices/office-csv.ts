// The office import file: reads CSV rows into validated office drafts with line-numbered errors, and writes the same format.
//
// Format (UTF-8, comma-separated, a header row naming the columns in any order; quote fields that contain
// commas, quotes or line breaks, as usual in CSV):
//   code          required  stable office code, [A-Za-z0-9._-], up to 64 characters; re-imports update by it
//   type          required  pishkhan | post | civil_registration (or پیشخوان دولت | پست | ثبت احوال)
//   name          required  the office's name as shown to citizens
//   city_id       required  id of the city in prisma/seed-data/iran-cities/cities.csv (the province follows)
//   address       required
//   phone         required  landline with area code (021-61912222) or mobile; any digits, spaces and dashes
//   latitude      required  decimal degrees (WGS 84), inside Iran
//   longitude     required  decimal degrees (WGS 84), inside Iran
//   hours         optional  e.g. "sat-wed 07:30-14:30; thu 07:30-12:00" (days sat sun mon tue wed thu fri;
//                           several ranges: "sat 08:00-12:00,16:00-19:00"; unmentioned days closed);
//                           empty: Saturday–Wednesday 07:30–14:30, Thursday 07:30–12:00, Friday closed
//   slot_minutes  optional  5..240, default 15
//   counters      optional  people served per slot, 1..1000, default 1
//   closed_dates  optional  Jalali dates separated by | or spaces, e.g. "1405/01/01|1405/01/02"; added to the
//                           office's closed dates (an import never removes one)
//   active        optional  true | false (also yes/no, 1/0), default true
import { parse } from "csv-parse/sync";
import { parseOfficeText } from "../../domain/booking/office-record.js";
import type { OfficeDraft, OfficeText } from "../../domain/booking/office-record.js";

/** The columns of the format, in the order the generator writes them. */
export const OFFICE_CSV_COLUMNS = [
  "code",
  "type",
  "name",
  "city_id",
  "address",
  "phone",
  "latitude",
  "longitude",
  "hours",
  "slot_minutes",
  "counters",
  "closed_dates",
  "active",
] as const;

/** A column name of the format. */
export type OfficeCsvColumn = (typeof OFFICE_CSV_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly OfficeCsvColumn[] = ["code", "type", "name", "city_id", "address", "phone", "latitude", "longitude"];

/** Where each OfficeText field comes from. */
const FIELD_COLUMNS: Readonly<Record<keyof OfficeText, OfficeCsvColumn>> = {
  code: "code",
  type: "type",
  name: "name",
  cityId: "city_id",
  address: "address",
  phone: "phone",
  latitude: "latitude",
  longitude: "longitude",
  hours: "hours",
  slotMinutes: "slot_minutes",
  counters: "counters",
  closedDates: "closed_dates",
  active: "active",
};

/** A problem with the file: its line (1 is the header), an error code, and the column and value concerned. */
export interface OfficeCsvError {
  readonly line: number;
  readonly reason: string;
  readonly column?: string;
  readonly value?: string;
}

/** A valid row and the line it ends on. */
export interface OfficeCsvRow {
  readonly line: number;
  readonly draft: OfficeDraft;
}

/**
 * Reads an import file. Every row is checked and every problem reported (not only the first), so one
 * run shows everything to fix; a caller imports nothing unless `errors` is empty.
 */
export function parseOfficeCsv(text: string): { rows: OfficeCsvRow[]; errors: OfficeCsvError[] } {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const { lines, code } = error as { lines?: number; code?: string };
    return { rows: [], errors: [{ line: lines ?? 0, reason: `malformed_csv:${code ?? "unknown"}` }] };
  }
  const [header, ...body] = records;
  if (header === undefined) return { rows: [], errors: [{ line: 1, reason: "empty_file" }] };

  const errors: OfficeCsvError[] = [];
  const columns = header.record.map((name) => name.toLowerCase());
  for (const name of columns) {
    if (!(OFFICE_CSV_COLUMNS as readonly string[]).includes(name)) errors.push({ line: header.info.lines, reason: "unknown_column", column: name });
  }
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.includes(name)) errors.push({ line: header.info.lines, reason: "missing_column", column: name });
  }
  if (new Set(columns).size !== columns.length) errors.push({ line: header.info.lines, reason: "repeated_column" });
  if (errors.length > 0) return { rows: [], errors };
  if (body.length === 0) return { rows: [], errors: [{ line: header.info.lines, reason: "no_rows" }] };

  const rows: OfficeCsvRow[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== columns.length) {
      errors.push({ line, reason: "wrong_field_count", value: `${record.length} of ${columns.length}` });
      continue;
    }
    const cell = (column: OfficeCsvColumn) => record[columns.indexOf(column)] ?? "";
    const fields = Object.fromEntries(Object.entries(FIELD_COLUMNS).map(([field, column]) => [field, cell(column)])) as unknown as OfficeText;
    const parsed = parseOfficeText(fields);
    if (!parsed.ok) {
      errors.push({ line, reason: parsed.error.problem, column: FIELD_COLUMNS[parsed.error.field], value: parsed.error.value });
      continue;
    }
    const earlier = firstLineOfCode.get(parsed.value.code);
    if (earlier !== undefined) {
      errors.push({ line, reason: "duplicate_code", column: "code", value: `${parsed.value.code} (line ${earlier})` });
      continue;
    }
    firstLineOfCode.set(parsed.value.code, line);
    rows.push({ line, draft: parsed.value });
  }
  return { rows, errors };
}

/** Writes rows in the import format with the header; fields are quoted when CSV needs it. */
export function formatOfficeCsv(rows: ReadonlyArray<Readonly<Record<OfficeCsvColumn, string | number>>>): string {
  const lines = [OFFICE_CSV_COLUMNS.join(",")];
  for (const row of rows) lines.push(OFFICE_CSV_COLUMNS.map((column) => quote(String(row[column]))).join(","));
  return `${lines.join("\n")}\n`;
}

/** One error as a line for people: `line 12: outside_iran (latitude "3.57")`. */
export function describeCsvError(error: OfficeCsvError): string {
  const where = error.column === undefined ? "" : ` (${error.column}${error.value === undefined ? "" : ` "${error.value}"`})`;
  const value = error.column === undefined && error.value !== undefined ? ` (${error.value})` : "";
  return `line ${error.line}: ${error.reason}${where}${value}`;
}

function quote(field: string): string {
  return /[",\n\r]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}
