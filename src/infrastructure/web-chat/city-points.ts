// Cities with coordinates, by province, from the seed CSVs: what the page offers for a location request.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { byPersianName } from "../../domain/text/persian-order.js";
import { correctedCityName, parseCityNameCorrections } from "../database/city-name-corrections.js";

export interface CityPoint {
  name: string;
  lat: number;
  lon: number;
}

export interface ProvincePoints {
  name: string;
  cities: CityPoint[];
}

export interface CityPoints {
  provinces: ProvincePoints[];
  /** Indexes of the city preselected in the page: in the province of `DEFAULT_POINT`, its namesake city. */
  preselected: { province: number; city: number };
}

const SEED_DIR = fileURLToPath(new URL("../../../prisma/seed-data/iran-cities/", import.meta.url));

/** Central Tehran, also the local Bot API server's default for a location button pressed without one. */
export const DEFAULT_POINT = { lat: 35.6997, lon: 51.338 } as const;

function readCsv(dir: string, name: string): Record<string, string>[] {
  return parse(readFileSync(dir + name, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}

/** Every city that has coordinates, provinces and cities in Persian alphabetical order. */
export function loadCityPoints(seedDir = SEED_DIR): CityPoints {
  const provinceNames = new Map(readCsv(seedDir, "provinces.csv").map((row) => [row.id, row.name ?? ""]));
  const coordinates = new Map(readCsv(seedDir, "city_coordinates.csv").map((row) => [row.city_id, { lat: Number(row.lat), lon: Number(row.lon) }]));
  const corrections = parseCityNameCorrections(readFileSync(`${seedDir}city-name-corrections.csv`, "utf8"));
  const byProvince = new Map<string, CityPoint[]>();
  for (const city of readCsv(seedDir, "cities.csv")) {
    const point = coordinates.get(city.id);
    const province = provinceNames.get(city.province_id);
    if (!point || !province || !city.name || !Number.isFinite(point.lat) || !Number.isFinite(point.lon)) continue;
    const list = byProvince.get(province) ?? [];
    list.push({ name: correctedCityName(corrections, Number(city.id), city.name), lat: point.lat, lon: point.lon });
    byProvince.set(province, list);
  }
  const provinces = byPersianName([...byProvince].map(([name, cities]) => ({ name, cities: byPersianName(cities) })));
  return { provinces, preselected: preselect(provinces, DEFAULT_POINT) };
}

/**
 * The province around the point, and in it the city named like the province (Tehran in Tehran, usually
 * the capital) or else the nearest one: the seed's coordinates put a few small towns closer to a
 * capital's centre than the capital itself.
 */
function preselect(provinces: ProvincePoints[], to: { lat: number; lon: number }): CityPoints["preselected"] {
  const closest = nearest(provinces, to);
  const province = provinces[closest.province];
  const namesake = province?.cities.findIndex((city) => city.name === province.name) ?? -1;
  return namesake >= 0 ? { province: closest.province, city: namesake } : closest;
}

function nearest(provinces: ProvincePoints[], to: { lat: number; lon: number }): CityPoints["preselected"] {
  let best = { province: 0, city: 0, distance: Infinity };
  provinces.forEach((province, p) =>
    province.cities.forEach((city, c) => {
      // Squared degrees are enough to pick the closest of nearby points.
      const distance = (city.lat - to.lat) ** 2 + (city.lon - to.lon) ** 2;
      if (distance < best.distance) best = { province: p, city: c, distance };
    }),
  );
  return { province: best.province, city: best.city };
}
