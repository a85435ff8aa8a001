// Writes prisma/seed-data/offices-sample.csv: sample offices of all three types in all 31 provinces (deterministic).
// Usage: npx tsx scripts/generate-sample-offices.ts [--seed N] [--scale X] [--out path]
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { readSampleCities } from "../src/infrastructure/offices/sample-cities.js";
import { generateSampleOffices, SAMPLE_SEED, sampleOfficesCsv } from "../src/infrastructure/offices/sample-office-generator.js";
import { SAMPLE_OFFICES_FILE } from "../src/infrastructure/offices/sample-offices.js";

const { values } = parseArgs({
  options: { seed: { type: "string" }, scale: { type: "string" }, out: { type: "string" } },
});
const seed = values.seed === undefined ? SAMPLE_SEED : Number(values.seed);
const scale = values.scale === undefined ? 1 : Number(values.scale);
if (!Number.isInteger(seed) || !(scale > 0)) {
  console.error("--seed takes an integer and --scale a positive number");
  process.exit(2);
}

const cities = await readSampleCities();
const rows = generateSampleOffices(cities, { seed, scale });
const out = values.out ?? SAMPLE_OFFICES_FILE;
await writeFile(out, sampleOfficesCsv(rows));

const byType = new Map<string, number>();
for (const row of rows) byType.set(row.type, (byType.get(row.type) ?? 0) + 1);
const provinces = new Set(rows.map((row) => cities.find((city) => city.id === row.cityId)?.provinceId));
console.log(`wrote ${rows.length} offices in ${provinces.size} provinces to ${out}: ${[...byType].map(([type, n]) => `${type} ${n}`).join(", ")}`);
