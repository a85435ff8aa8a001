// The cards import file: reads CSV rows into validated card drafts with line-numbered errors.
//
// Format (UTF-8, comma-separated, a header row naming the columns in any order):
//   tracking_code       required  the application's 12-digit tracking code (dashes and Persian digits allowed)
//   card_serial         required  the card's serial, 6-32 of A-Z 0-9 -
//   pickup_office_code  required  the `code` of the office the card was sent to (see the offices import)
//   issued_date         required  Jalali date the card was issued, e.g. 1405/02/15
import { parse } from "csv-parse/sync";
import { parseCardText, type CardDraft, type CardText } from "../../domain/cards/card-row.js";
import type { OfficeCsvError } from "../offices/office-csv.js";

export const CARD_CSV_COLUMNS = ["tracking_code", "card_serial", "pickup_office_code", "issued_date"] as const;
type CardCsvColumn = (typeof CARD_CSV_COLUMNS)[number];

const FIELD_COLUMNS: Readonly<Record<keyof CardText, CardCsvColumn>> = {
  trackingCode: "tracking_code",
  serial: "card_serial",
  officeCode: "pickup_office_code",
  issuedOn: "issued_date",
};

export interface CardCsvRow {
  readonly line: number;
  readonly draft: CardDraft;
}

/** Reads an import file; every problem is reported (not only the first), and nothing is imported unless `errors` is empty. */
export function parseCardCsv(text: string): { rows: CardCsvRow[]; errors: OfficeCsvError[] } {
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
  for (const name of columns)
    if (!(CARD_CSV_COLUMNS as readonly string[]).includes(name)) errors.push({ line: header.info.lines, reason: "unknown_column", column: name });
  for (const name of CARD_CSV_COLUMNS) if (!columns.includes(name)) errors.push({ line: header.info.lines, reason: "missing_column", column: name });
  if (new Set(columns).size !== columns.length) errors.push({ line: header.info.lines, reason: "repeated_column" });
  if (errors.length > 0) return { rows: [], errors };
  if (body.length === 0) return { rows: [], errors: [{ line: header.info.lines, reason: "no_rows" }] };

  const rows: CardCsvRow[] = [];
  const firstLineOfCode = new Map<string, number>();
  const firstLineOfSerial = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== columns.length) {
      errors.push({ line, reason: "wrong_field_count", value: `${record.length} of ${columns.length}` });
      continue;
    }
    const cell = (column: CardCsvColumn) => record[columns.indexOf(column)] ?? "";
    const fields = Object.fromEntries(Object.entries(FIELD_COLUMNS).map(([field, column]) => [field, cell(column)])) as unknown as CardText;
    const parsed = parseCardText(fields);
    if (!parsed.ok) {
      errors.push({ line, reason: parsed.error.problem, column: FIELD_COLUMNS[parsed.error.field], value: parsed.error.value });
      continue;
    }
    const codeEarlier = firstLineOfCode.get(parsed.value.trackingCode);
    const serialEarlier = firstLineOfSerial.get(parsed.value.serial);
    if (codeEarlier !== undefined) {
      errors.push({ line, reason: "duplicate_tracking_code", column: "tracking_code", value: `${cell("tracking_code")} (line ${codeEarlier})` });
      continue;
    }
    if (serialEarlier !== undefined) {
      errors.push({ line, reason: "duplicate_serial", column: "card_serial", value: `${parsed.value.serial} (line ${serialEarlier})` });
      continue;
    }
    firstLineOfCode.set(parsed.value.trackingCode, line);
    firstLineOfSerial.set(parsed.value.serial, line);
    rows.push({ line, draft: parsed.value });
  }
  return { rows, errors };
}
