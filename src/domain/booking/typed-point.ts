// A location typed as "latitude, longitude" in any digits (Persian, Arabic-Indic or Latin; Persian decimal separator too).
import { stripInvisibleMarks, toLatinDigits } from "../text/digits.js";
import { isValidGeoPoint, type GeoPoint } from "./geo.js";

const COORDINATES = /^(-?\d+(?:\.\d+)?)\s*[,\u060c\s]\s*(-?\d+(?:\.\d+)?)$/;

/**
 * The text as the citizen typed it, read: a point when it is two valid coordinates, "out_of_range" when
 * it has that form but no place on Earth has them, "not_coordinates" otherwise (a city name, say).
 */
export function readTypedPoint(raw: string): { kind: "point"; point: GeoPoint } | { kind: "out_of_range" } | { kind: "not_coordinates"; text: string } {
  const text = toLatinDigits(stripInvisibleMarks(raw))
    .replace(/\u066b/g, ".")
    .trim();
  const match = COORDINATES.exec(text);
  if (!match) return { kind: "not_coordinates", text };
  const point = { latitude: Number(match[1]), longitude: Number(match[2]) };
  return isValidGeoPoint(point) ? { kind: "point", point } : { kind: "out_of_range" };
}
