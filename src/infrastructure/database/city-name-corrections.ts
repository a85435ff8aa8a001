// Our corrections of city names the published city list misspells (prisma/seed-data/iran-cities/city-name-corrections.csv).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

const CORRECTIONS_FILE = fileURLToPath(new URL("../../../prisma/seed-data/iran-cities/city-name-corrections.csv", import.meta.url));

export interface CityNameCorrection {
  cityId: number;
  nameInSource: string;
  correctedName: string;
}

/** Every correction, keyed by city id. */
export async function readCityNameCorrections(): Promise<Map<number, CityNameCorrection>> {
  return parseCityNameCorrections(await readFile(CORRECTIONS_FILE, "utf8"));
}

/** The corrections file's text (city_id,name_in_source,corrected_name) as corrections keyed by city id. */
export function parseCityNameCorrections(csv: string): Map<number, CityNameCorrection> {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return new Map(
    rows.map((row) => {
      const correction = { cityId: Number(row.city_id), nameInSource: row.name_in_source ?? "", correctedName: row.corrected_name ?? "" };
      return [correction.cityId, correction];
    }),
  );
}

/** The name to show for a city of the source list: the corrected one where the source misspells it. */
export function correctedCityName(corrections: Map<number, CityNameCorrection>, cityId: number, nameInSource: string): string {
  const correction = corrections.get(cityId);
  return correction && correction.nameInSource === nameInSource ? correction.correctedName : nameInSource;
}
