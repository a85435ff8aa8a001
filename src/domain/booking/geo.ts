// Great-circle geometry on the Earth's surface: points, haversine distance, bounds used by the nearest-office index.

/** A place on Earth in decimal degrees (WGS 84, as phones share locations). */
export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

/** Mean Earth radius (IUGG), the usual choice for haversine distances. */
export const EARTH_RADIUS_KM = 6371.0088;

const RADIANS_PER_DEGREE = Math.PI / 180;

/** Degrees to radians. */
export function toRadians(degrees: number): number {
  return degrees * RADIANS_PER_DEGREE;
}

/** True when the point has finite coordinates inside the valid latitude and longitude ranges. */
export function isValidGeoPoint(point: GeoPoint): boolean {
  const { latitude, longitude } = point;
  return Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
}

/** Great-circle distance in km between two points (haversine formula, spherical Earth). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  return haversineRadians(toRadians(a.latitude), toRadians(a.longitude), toRadians(b.latitude), toRadians(b.longitude));
}

/** Haversine on coordinates already in radians, for loops that precompute them. */
export function haversineRadians(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const sinHalfLat = Math.sin((lat2 - lat1) / 2);
  const sinHalfLon = Math.sin((lon2 - lon1) / 2);
  const h = sinHalfLat * sinHalfLat + Math.cos(lat1) * Math.cos(lat2) * sinHalfLon * sinHalfLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The shortest distance in km from a point at `latitude` (radians) to any point at least `deltaLongitude`
 * radians east or west of it. The meridian at that offset is a great circle, and any path to the far side
 * crosses it, so sin(d) = cos(latitude)·sin(Δλ) bounds every such distance from below. Offsets beyond a
 * quarter turn are capped there: the nearest-office index never spans that much.
 */
export function minimumKmToLongitudeOffset(latitude: number, deltaLongitude: number): number {
  const delta = Math.min(Math.max(deltaLongitude, 0), Math.PI / 2);
  return EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.cos(latitude) * Math.sin(delta)));
}

/** Distance in km along a meridian for a latitude difference in radians (exact on the sphere). */
export function kmForLatitudeDelta(deltaLatitude: number): number {
  return EARTH_RADIUS_KM * Math.max(deltaLatitude, 0);
}

/**
 * A generous box around Iran (mainland and islands), used to catch swapped or mistyped coordinates
 * in office imports; it is not a border.
 */
export const IRAN_BOUNDS = { minLatitude: 24.5, maxLatitude: 40, minLongitude: 43.5, maxLongitude: 63.5 } as const;

/** True when the point lies in IRAN_BOUNDS. */
export function isInsideIranBounds(point: GeoPoint): boolean {
  return (
    point.latitude >= IRAN_BOUNDS.minLatitude &&
    point.latitude <= IRAN_BOUNDS.maxLatitude &&
    point.longitude >= IRAN_BOUNDS.minLongitude &&
    point.longitude <= IRAN_BOUNDS.maxLongitude
  );
}
