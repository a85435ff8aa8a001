// Validates civil-registry records from a CSV before any is written: one bad row rejects the whole file.
import { parseNationalId } from "../../domain/citizen/national-id.js";
import { parseJalaliDate, jalaliDateToString } from "../../domain/time/jalali.js";
import { validatePersonName } from "../../domain/text/normalize-persian-name.js";
import type { RegistryRecord } from "./reference-data.js";

/** A row that cannot be imported, with its line in the file (the header is line 1). */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** Normalised records, or every problem found; callers import only when `rejected` is empty. */
export function validateRegistryRecords(records: RegistryRecord[]): { records: RegistryRecord[]; rejected: RejectedRow[] } {
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  const valid: RegistryRecord[] = [];
  records.forEach((record, index) => {
    const line = index + 2;
    const id = parseNationalId(record.nationalId);
    if (!id.ok) return rejected.push({ line, reason: `national_id ${id.error}` });
    const date = parseJalaliDate(record.birthDate);
    if (!date.ok) return rejected.push({ line, reason: `birth_date ${date.error}` });
    const names = [record.firstName, record.lastName, record.fatherName].map((name) => validatePersonName(name));
    const badName = names.findIndex((name) => !name.ok);
    if (badName >= 0) {
      const result = names[badName]!;
      return rejected.push({ line, reason: `${["first_name", "last_name", "father_name"][badName]} ${result.ok ? "" : result.error}` });
    }
    const earlier = seen.get(id.value);
    if (earlier) return rejected.push({ line, reason: `national_id repeats line ${earlier}` });
    seen.set(id.value, line);
    const [firstName, lastName, fatherName] = names.map((name) => (name.ok ? name.value : ""));
    valid.push({ nationalId: id.value, birthDate: jalaliDateToString(date.value), firstName: firstName!, lastName: lastName!, fatherName: fatherName! });
    return undefined;
  });
  return { records: valid, rejected };
}
