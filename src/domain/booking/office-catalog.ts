// The office catalogue: every office by id, by city, and by distance; plus the port that supplies it.
import type { GeoPoint } from "./geo.js";
import { createNearestOfficeIndex } from "./nearest-office-index.js";
import type { NearbyOffice, NearestQuery } from "./nearest-office-index.js";
import type { Office } from "./office.js";
import { comparePersianNames } from "../text/persian-order.js";

/** Offices in memory: they change rarely and are read on every booking step. */
export interface OfficeCatalog {
  get(officeId: number): Office | undefined;
  /** Every office, active or not. */
  all(): readonly Office[];
  /** Active offices of a city in Persian alphabetical order, numbers by value (for the province → city → office choice). */
  activeInCity(cityId: number): readonly Office[];
  /** The nearest active offices to a point, nearest first. */
  nearest(point: GeoPoint, query?: NearestQuery): NearbyOffice[];
}

/** The port that supplies the current catalogue (an adapter reloads it from the store now and then). */
export interface OfficeDirectory {
  catalog(): Promise<OfficeCatalog>;
}

/** Builds a catalogue over a list of offices. */
export function createOfficeCatalog(offices: readonly Office[]): OfficeCatalog {
  const byId = new Map(offices.map((office) => [office.id, office]));
  const active = offices.filter((office) => office.active);
  const byCity = new Map<number, Office[]>();
  for (const office of active) {
    const list = byCity.get(office.cityId);
    if (list === undefined) byCity.set(office.cityId, [office]);
    else list.push(office);
  }
  for (const list of byCity.values()) list.sort((a, b) => comparePersianNames(a.name, b.name));
  const index = createNearestOfficeIndex(active);
  return {
    get: (officeId) => byId.get(officeId),
    all: () => offices,
    activeInCity: (cityId) => byCity.get(cityId) ?? [],
    nearest: (point, query) => index.nearest(point, query),
  };
}
