// Reads the cities of prisma/seed-data (iran-cities and the metropolis list) for the sample-office generator.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { correctedCityName, readCityNameCorrections } from "../database/city-name-corrections.js";
import type { SampleCity } from "./sample-office-generator.js";

/** prisma/seed-data/, wherever the process was started from. */
export const SEED_DATA_DIR = fileURLToPath(new URL("../../../prisma/seed-data/", import.meta.url));

async function readCsv(relativePath: string): Promise<Record<string, string>[]> {
  const text = await readFile(SEED_DATA_DIR + relativePath, "utf8");
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
}

/** Every city with coordinates, with its province's name and the metropolis flag of metropolises.csv. */
export async function readSampleCities(): Promise<SampleCity[]> {
  const provinces = new Map((await readCsv("iran-cities/provinces.csv")).map((row) => [row.id, row.name ?? ""]));
  const coordinates = new Map((await readCsv("iran-cities/city_coordinates.csv")).map((row) => [row.city_id, row]));
  const metropolises = new Set((await readCsv("metropolises.csv")).map((row) => row.name));
  const corrections = await readCityNameCorrections();
  const cities: SampleCity[] = [];
  for (const row of await readCsv("iran-cities/cities.csv")) {
    const place = coordinates.get(row.id);
    const latitude = Number(place?.lat);
    const longitude = Number(place?.lon);
    if (!place || !Number.isFinite(latitude) || !Number.isFinite(longitude)) continue;
    const provinceName = provinces.get(row.province_id) ?? "";
    cities.push({
      id: Number(row.id),
      name: correctedCityName(corrections, Number(row.id), row.name ?? ""),
      provinceId: Number(row.province_id),
      provinceName,
      latitude,
      longitude,
      // The metropolis list names cities only; "تهران" etc. are also county names elsewhere, so match the capital's province.
      isMetropolis: metropolises.has(row.name) && isProvinceOfMetropolis(row.name ?? "", provinceName),
    });
  }
  return cities;
}

const METROPOLIS_PROVINCES: Readonly<Record<string, string>> = {
  تهران: "تهران",
  مشهد: "خراسان رضوی",
  اصفهان: "اصفهان",
  کرج: "البرز",
  شیراز: "فارس",
  تبریز: "آذربایجان شرقی",
  قم: "قم",
  اهواز: "خوزستان",
};

function isProvinceOfMetropolis(city: string, province: string): boolean {
  return METROPOLIS_PROVINCES[city] === undefined || METROPOLIS_PROVINCES[city] === province;
}
