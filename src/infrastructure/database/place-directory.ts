// Provinces and cities from the database, kept in memory after the first read (they change rarely).
import type { City, PlaceDirectory, Province } from "../../domain/places/place-directory.js";
import { byPersianName } from "../../domain/text/persian-order.js";
import type { PrismaClient } from "./database.js";

export function createPrismaPlaceDirectory(prisma: PrismaClient, options: { cacheMs?: number } = {}): PlaceDirectory {
  const cacheMs = options.cacheMs ?? 5 * 60_000;
  let cache: { at: number; provinces: Province[]; cities: Map<number, City & { provinceName: string }> } | undefined;

  // Reference data only: a few minutes' staleness after an edit of the metropolis flag is acceptable.
  async function load() {
    if (cache && Date.now() - cache.at < cacheMs) return cache;
    // Sorted here, not by the database: its collation is not Persian alphabetical order (che after jim, not after ye).
    const provinces = byPersianName(await prisma.province.findMany());
    const names = new Map(provinces.map((p) => [p.id, p.name]));
    const cities = byPersianName(await prisma.city.findMany());
    cache = {
      at: Date.now(),
      provinces: provinces.map((p) => ({ id: p.id, name: p.name })),
      cities: new Map(
        cities.map((c) => [
          c.id,
          {
            id: c.id,
            provinceId: c.provinceId,
            name: c.name,
            isMetropolis: c.isMetropolis,
            completionFeeRial: c.completionFeeRial ?? undefined,
            provinceName: names.get(c.provinceId) ?? "",
          },
        ]),
      ),
    };
    return cache;
  }

  return {
    async provinces() {
      return (await load()).provinces;
    },
    async citiesOf(provinceId) {
      return [...(await load()).cities.values()].filter((city) => city.provinceId === provinceId);
    },
    async city(cityId) {
      return (await load()).cities.get(cityId) ?? null;
    },
  };
}
