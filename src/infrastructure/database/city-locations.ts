// Cities' coordinates from the cities table, read once and kept (reference data that changes with a new import only).
import type { CityLocations } from "../../domain/booking/city-locations.js";
import type { GeoPoint } from "../../domain/booking/geo.js";
import type { PrismaClient } from "./database.js";

export function createPrismaCityLocations(prisma: PrismaClient): CityLocations {
  let loading: Promise<Map<number, GeoPoint>> | undefined;
  const load = () =>
    (loading ??= prisma.city
      .findMany({ where: { latitude: { not: null }, longitude: { not: null } }, select: { id: true, latitude: true, longitude: true } })
      .then((rows) => new Map(rows.map((row) => [row.id, { latitude: row.latitude!, longitude: row.longitude! }])))
      .catch((error: unknown) => {
        loading = undefined; // a failed read is tried again next time
        throw error;
      }));
  return {
    async locationOf(cityId) {
      return (await load()).get(cityId) ?? null;
    },
  };
}
