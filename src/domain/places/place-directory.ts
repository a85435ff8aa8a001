// The place-directory port: provinces and cities the citizen picks from, and matching typed names.
import { normalizePersianName } from "../text/normalize-persian-name.js";
import { BoundedMemo } from "../shared/bounded-memo.js";

export interface Province {
  id: number;
  name: string;
}

export interface City {
  id: number;
  provinceId: number;
  name: string;
  isMetropolis: boolean;
  completionFeeRial?: number;
}

export interface PlaceDirectory {
  provinces(): Promise<Province[]>;
  citiesOf(provinceId: number): Promise<City[]>;
  city(cityId: number): Promise<(City & { provinceName: string }) | null>;
}

/**
 * The places whose name equals the typed text, or else contains it, compared after Persian
 * normalisation (ي/ك, spacing). One result is a choice; several need the citizen to pick.
 */
export function matchPlaces<T extends { name: string }>(places: readonly T[], typed: string): T[] {
  const wanted = comparable(typed);
  if (wanted.length === 0) return [];
  const exact = places.filter((place) => comparableName(place.name) === wanted);
  if (exact.length > 0) return exact;
  return places.filter((place) => comparableName(place.name).includes(wanted));
}

/** comparable() of the directory's names (reference data, a few thousand at most), each worked out once. */
const comparableNames = new BoundedMemo<string, string>(10_000);

function comparableName(name: string): string {
  return comparableNames.get(name, () => comparable(name));
}

/** Spelling that does not change a place: ي/ك, half-space or space or none, with or without the madda of آ. */
function comparable(text: string): string {
  return normalizePersianName(text)
    .replace(/\u0622/g, "\u0627")
    .replace(/[\u200c\s]+/g, "")
    .trim();
}
