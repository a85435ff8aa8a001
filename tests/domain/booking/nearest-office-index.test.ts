import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_KM, haversineKm } from "../../../src/domain/booking/geo.js";
import type { GeoPoint } from "../../../src/domain/booking/geo.js";
import { createNearestOfficeIndex } from "../../../src/domain/booking/nearest-office-index.js";
import type { Office, OfficeType } from "../../../src/domain/booking/office.js";
import { makeOffice } from "./office-fixtures.js";

/** A small deterministic generator (LCG), so failures reproduce. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const TYPES: OfficeType[] = ["pishkhan", "post", "civil_registration"];

function randomOffices(count: number, seed: number): Office[] {
  const random = lcg(seed);
  // Clustered like real offices: most around a few "cities", some scattered.
  const centres = Array.from({ length: 12 }, () => ({ latitude: 26 + random() * 13, longitude: 45 + random() * 16 }));
  return Array.from({ length: count }, (_, i) => {
    const centre = centres[i % centres.length]!;
    const scattered = random() < 0.2;
    return makeOffice({
      id: 10_000 + i,
      type: TYPES[Math.floor(random() * 3)]!,
      location: scattered
        ? { latitude: 25.5 + random() * 14, longitude: 44.5 + random() * 18 }
        : { latitude: centre.latitude + (random() - 0.5) * 0.4, longitude: centre.longitude + (random() - 0.5) * 0.4 },
    });
  });
}

function bruteForce(offices: Office[], point: GeoPoint, limit: number, type?: OfficeType, maxKm = Infinity) {
  return offices
    .filter((office) => type === undefined || office.type === type)
    .map((office) => ({ id: office.id, distanceKm: haversineKm(point, office.location) }))
    .filter((near) => near.distanceKm <= maxKm)
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, limit);
}

describe("haversine distance", () => {
  it("is about 111.2 km per degree of latitude and 0 for the same point", () => {
    expect(haversineKm({ latitude: 35, longitude: 51 }, { latitude: 36, longitude: 51 })).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 9);
    expect(haversineKm({ latitude: 35, longitude: 51 }, { latitude: 35, longitude: 51 })).toBe(0);
  });

  it("puts Tehran and Mashhad about 740 km apart", () => {
    const km = haversineKm({ latitude: 35.6892, longitude: 51.389 }, { latitude: 36.2605, longitude: 59.6168 });
    expect(km).toBeGreaterThan(735);
    expect(km).toBeLessThan(745);
  });
});

describe("nearest-office index", () => {
  const offices = randomOffices(3_000, 7);
  const index = createNearestOfficeIndex(offices);
  const random = lcg(99);
  const points = Array.from({ length: 300 }, () => ({ latitude: 25 + random() * 15, longitude: 44 + random() * 19 }));

  it("returns exactly what a brute-force scan returns, nearest first, for points anywhere", () => {
    for (const point of points) {
      const got = index.nearest(point, { limit: 7 }).map((near) => ({ id: near.office.id, distanceKm: near.distanceKm }));
      const expected = bruteForce(offices, point, 7);
      expect(got.map((near) => near.distanceKm)).toEqual(expected.map((near) => near.distanceKm));
      expect(got.map((near) => near.id)).toEqual(expected.map((near) => near.id));
    }
  });

  it("stays exact with sparse offices and small cells, where the search stops on the edge bound many rings out", () => {
    const sparse = randomOffices(400, 3).map((office, i) =>
      i % 2 === 0 ? office : { ...office, location: { latitude: 25.5 + lcg(i)() * 14, longitude: 44.5 + lcg(i + 1)() * 18 } },
    );
    // Near the equator a cell is as wide as it is tall, so every edge of the visited block can be the nearest.
    const shift = (latitude: number) => latitude - 32;
    const equatorial = sparse.map((office) => ({ ...office, location: { ...office.location, latitude: shift(office.location.latitude) } }));
    for (const [offices, queries] of [
      [sparse, points],
      [equatorial, points.map((point) => ({ ...point, latitude: shift(point.latitude) }))],
    ] as const) {
      for (const cellDegrees of [0.05, 0.3, 1]) {
        const small = createNearestOfficeIndex(offices, { cellDegrees });
        for (const point of queries) {
          for (const limit of [1, 4]) {
            const got = small.nearest(point, { limit }).map((near) => near.office.id);
            expect(got).toEqual(bruteForce([...offices], point, limit).map((near) => near.id));
          }
        }
      }
    }
  });

  it.each([
    ["north", { latitude: 0.9, longitude: 0.5 }, { latitude: 1.05, longitude: 0.5 }, { latitude: 0.45, longitude: 0.5 }],
    ["south", { latitude: 0.1, longitude: 0.5 }, { latitude: -0.05, longitude: 0.5 }, { latitude: 0.55, longitude: 0.5 }],
    ["east", { latitude: 0.5, longitude: 0.9 }, { latitude: 0.5, longitude: 1.05 }, { latitude: 0.5, longitude: 0.45 }],
    ["west", { latitude: 0.5, longitude: 0.1 }, { latitude: 0.5, longitude: -0.05 }, { latitude: 0.5, longitude: 0.55 }],
  ])("looks past the %s edge of the cell when the nearest office lies just across it", (_edge, point, across, inside) => {
    const acrossOffice = makeOffice({ id: 1, location: across });
    const insideOffice = makeOffice({ id: 2, location: inside });
    const index = createNearestOfficeIndex([insideOffice, acrossOffice], { cellDegrees: 1 });
    expect(index.nearest(point, { limit: 1 }).map((near) => near.office.id)).toEqual([1]);
  });

  it("filters by office type", () => {
    for (const point of points.slice(0, 100)) {
      for (const type of TYPES) {
        const got = index.nearest(point, { limit: 3, type });
        expect(got.every((near) => near.office.type === type)).toBe(true);
        expect(got.map((near) => near.office.id)).toEqual(bruteForce(offices, point, 3, type).map((near) => near.id));
      }
    }
  });

  it("respects a maximum distance and an exclusion list", () => {
    const point = offices[0]!.location;
    const within = index.nearest(point, { limit: 50, maxDistanceKm: 5 });
    expect(within.map((near) => near.office.id)).toEqual(bruteForce(offices, point, 50, undefined, 5).map((near) => near.id));
    const excluded = index.nearest(point, { limit: 1, exclude: new Set([offices[0]!.id]) });
    expect(excluded[0]!.office.id).not.toBe(offices[0]!.id);
  });

  it("finds offices from far outside the grid and handles empty indexes and filters", () => {
    expect(index.nearest({ latitude: 0, longitude: 0 }, { limit: 2 }).map((near) => near.office.id)).toEqual(
      bruteForce(offices, { latitude: 0, longitude: 0 }, 2).map((near) => near.id),
    );
    expect(createNearestOfficeIndex([]).nearest({ latitude: 35, longitude: 51 })).toEqual([]);
    const onlyPost = createNearestOfficeIndex(offices.filter((office) => office.type === "post"));
    expect(onlyPost.nearest({ latitude: 35, longitude: 51 }, { type: "pishkhan" })).toEqual([]);
  });

  it("returns fewer offices than asked when there are fewer", () => {
    const few = createNearestOfficeIndex(offices.slice(0, 3));
    expect(few.nearest({ latitude: 35, longitude: 51 }, { limit: 10 })).toHaveLength(3);
  });
});
