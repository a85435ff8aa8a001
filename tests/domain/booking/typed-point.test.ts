// A typed location: coordinates in any digits, a point outside Earth's ranges, and text that is no coordinates.
import { describe, expect, it } from "vitest";
import { readTypedPoint } from "../../../src/domain/booking/typed-point.js";

describe("typed point", () => {
  it("reads latitude and longitude in Latin, Persian and Arabic-Indic digits, with a Persian comma or decimal separator", () => {
    for (const typed of ["35.7, 51.4", "۳۵٫۷، ۵۱٫۴", "٣٥.٧ ٥١.٤", "  35.7 ,51.4 "]) {
      expect(readTypedPoint(typed), typed).toEqual({ kind: "point", point: { latitude: 35.7, longitude: 51.4 } });
    }
    expect(readTypedPoint("-33.9, 151.2")).toEqual({ kind: "point", point: { latitude: -33.9, longitude: 151.2 } });
  });

  it("refuses coordinates no place on Earth has, and leaves other text to be read as a place name", () => {
    expect(readTypedPoint("91, 51")).toEqual({ kind: "out_of_range" });
    expect(readTypedPoint("35, 181")).toEqual({ kind: "out_of_range" });
    expect(readTypedPoint("تهران")).toEqual({ kind: "not_coordinates", text: "تهران" });
    expect(readTypedPoint("35.7")).toEqual({ kind: "not_coordinates", text: "35.7" });
  });
});
