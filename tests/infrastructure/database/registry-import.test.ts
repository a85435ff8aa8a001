import { describe, expect, it } from "vitest";
import { validateRegistryRecords } from "../../../src/infrastructure/database/registry-import.js";

const good = { nationalId: "6383233564", birthDate: "۱۳۷۰/۵/۱۲", firstName: "علي", lastName: "محمدی", fatherName: "حسن" };

describe("validateRegistryRecords", () => {
  it("normalises good rows (digits, dates, Arabic letters)", () => {
    const { records, rejected } = validateRegistryRecords([good]);
    expect(rejected).toEqual([]);
    expect(records).toEqual([{ ...good, birthDate: "1370/05/12", firstName: "علی" }]);
  });

  it("reports every bad row with its line number and reason", () => {
    const { rejected } = validateRegistryRecords([
      good,
      { ...good, nationalId: "1234567890" },
      { ...good, nationalId: "4806064548", birthDate: "1402/12/30" },
      { ...good, nationalId: "1021153087", lastName: "Smith" },
      good,
    ]);
    expect(rejected).toEqual([
      { line: 3, reason: "national_id invalid_checksum" },
      { line: 4, reason: "birth_date invalid_date" },
      { line: 5, reason: "last_name not_persian" },
      { line: 6, reason: "national_id repeats line 2" },
    ]);
  });
});
