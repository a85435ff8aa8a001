// The sample-office generator: deterministic, every province and type, real city coordinates, a valid import file.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { haversineKm } from "../../../src/domain/booking/geo.js";
import { OFFICE_TYPES } from "../../../src/domain/booking/office.js";
import { parseOfficeCsv } from "../../../src/infrastructure/offices/office-csv.js";
import { readSampleCities } from "../../../src/infrastructure/offices/sample-cities.js";
import { generateSampleOffices, sampleOfficesCsv } from "../../../src/infrastructure/offices/sample-office-generator.js";
import { SAMPLE_OFFICES_FILE } from "../../../src/infrastructure/offices/sample-offices.js";

const toCsv = sampleOfficesCsv;

describe("sample offices", async () => {
  const cities = await readSampleCities();
  const rows = generateSampleOffices(cities);

  it("is the same on every run, and the committed file is its output", async () => {
    expect(generateSampleOffices(cities)).toEqual(rows);
    expect(await readFile(SAMPLE_OFFICES_FILE, "utf8")).toBe(toCsv(rows));
  });

  it("has at least 5,000 offices, every type in every one of the 31 provinces", () => {
    expect(rows.length).toBeGreaterThanOrEqual(5_000);
    const provinceOf = new Map(cities.map((city) => [city.id, city.provinceId]));
    const types = new Map<number, Set<string>>();
    for (const row of rows) {
      const province = provinceOf.get(row.cityId)!;
      if (!types.has(province)) types.set(province, new Set());
      types.get(province)!.add(row.type);
    }
    expect(types.size).toBe(31);
    for (const set of types.values()) expect([...set].sort()).toEqual([...OFFICE_TYPES].sort());
  });

  it("places each office within a few kilometres of its real city", () => {
    const cityById = new Map(cities.map((city) => [city.id, city]));
    for (const row of rows) {
      const city = cityById.get(row.cityId)!;
      const km = haversineKm({ latitude: Number(row.latitude), longitude: Number(row.longitude) }, city);
      expect(km).toBeLessThan(13);
    }
  });

  it("writes a file the importer accepts without a single error, with Persian names", () => {
    const parsed = parseOfficeCsv(toCsv(rows));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(rows.length);
    expect(rows.find((row) => row.type === "pishkhan")?.name).toMatch(/^دفتر پیشخوان دولت شماره [۰-۹]+ /);
    expect(rows.some((row) => row.name === "اداره پست تهران")).toBe(true);
    expect(rows.some((row) => row.name === "اداره ثبت احوال تهران")).toBe(true);
  });
});
