// The port that tells where a city is (its centre's coordinates), so a typed city name can stand for a location.
import type { GeoPoint } from "./geo.js";

/** Coordinates of cities from the place directory; a city without them is unknown here. */
export interface CityLocations {
  locationOf(cityId: number): Promise<GeoPoint | null>;
}
