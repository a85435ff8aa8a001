import { describe, expect, it } from "vitest";
import { completionFeeFor, DEFAULT_TARIFF, isOvercharge, legalTotalRial, tariffInForce } from "../../../src/domain/fees/tariff.js";
import type { Tariff } from "../../../src/domain/fees/tariff.js";
import { tehranWallTimeToInstant } from "../../../src/domain/time/tehran-clock.js";

const metropolis = { isMetropolis: true };
const smallTown = { isMetropolis: false };

/** A later tariff, in the style of a budget-law change (figures invented for the test). */
const TARIFF_1403: Tariff = {
  effectiveFrom: new Date("2024-03-19T20:30:00Z"),
  preRegistrationRial: 1_450_000,
  completionMetropolisMaxRial: 300_000,
  deliveryRial: 100_000,
};

describe("DEFAULT_TARIFF", () => {
  it("holds the source document figures in rial: 20,000 + 9,000 + 2,000 toman", () => {
    expect(DEFAULT_TARIFF.preRegistrationRial).toBe(200_000);
    expect(DEFAULT_TARIFF.completionMetropolisMaxRial).toBe(90_000);
    expect(DEFAULT_TARIFF.deliveryRial).toBe(20_000);
  });

  it("starts at midnight of 1 Farvardin 1397 in Tehran", () => {
    expect(DEFAULT_TARIFF.effectiveFrom).toEqual(tehranWallTimeToInstant({ year: 1397, month: 1, day: 1 }, 0, 0));
  });

  it("sums to 310,000 rial (31,000 toman), the published violation threshold", () => {
    expect(legalTotalRial(DEFAULT_TARIFF, metropolis)).toBe(310_000);
  });
});

describe("tariffInForce", () => {
  const tariffs = [TARIFF_1403, DEFAULT_TARIFF]; // order of rows must not matter

  it("picks the latest tariff that has started", () => {
    expect(tariffInForce(tariffs, new Date("2020-01-01T00:00:00Z"))).toBe(DEFAULT_TARIFF);
    expect(tariffInForce(tariffs, new Date("2025-01-01T00:00:00Z"))).toBe(TARIFF_1403);
  });

  it("switches exactly at effectiveFrom", () => {
    const start = TARIFF_1403.effectiveFrom.getTime();
    expect(tariffInForce(tariffs, new Date(start - 1))).toBe(DEFAULT_TARIFF);
    expect(tariffInForce(tariffs, new Date(start))).toBe(TARIFF_1403);
  });

  it("ignores tariffs announced for the future", () => {
    const future: Tariff = { ...TARIFF_1403, effectiveFrom: new Date("2030-01-01T00:00:00Z") };
    expect(tariffInForce([DEFAULT_TARIFF, future], new Date("2026-01-01T00:00:00Z"))).toBe(DEFAULT_TARIFF);
  });

  it("returns undefined before the first tariff or with none", () => {
    expect(tariffInForce(tariffs, new Date("2010-01-01T00:00:00Z"))).toBeUndefined();
    expect(tariffInForce([], new Date())).toBeUndefined();
  });
});

describe("completionFeeFor", () => {
  it("charges the cap in a metropolis without its own figure", () => {
    expect(completionFeeFor(metropolis, DEFAULT_TARIFF)).toBe(90_000);
  });

  it("lets a metropolis charge less than the cap but never more", () => {
    expect(completionFeeFor({ isMetropolis: true, completionFeeRial: 70_000 }, DEFAULT_TARIFF)).toBe(70_000);
    expect(completionFeeFor({ isMetropolis: true, completionFeeRial: 120_000 }, DEFAULT_TARIFF)).toBe(90_000);
  });

  it("uses the provincial figure elsewhere, even above the metropolis cap", () => {
    expect(completionFeeFor({ isMetropolis: false, completionFeeRial: 60_000 }, DEFAULT_TARIFF)).toBe(60_000);
    expect(completionFeeFor({ isMetropolis: false, completionFeeRial: 100_000 }, DEFAULT_TARIFF)).toBe(100_000);
  });

  it("falls back to the metropolis cap where no provincial figure is recorded", () => {
    expect(completionFeeFor(smallTown, DEFAULT_TARIFF)).toBe(90_000);
  });

  it("follows the tariff passed in", () => {
    expect(completionFeeFor(metropolis, TARIFF_1403)).toBe(300_000);
  });

  it("refuses a city fee that is not whole rial", () => {
    expect(() => completionFeeFor({ isMetropolis: false, completionFeeRial: 1.5 }, DEFAULT_TARIFF)).toThrow(RangeError);
    expect(() => completionFeeFor({ isMetropolis: true, completionFeeRial: -1 }, DEFAULT_TARIFF)).toThrow(RangeError);
  });
});

describe("legalTotalRial", () => {
  it("adds pre-registration, the city completion fee and delivery", () => {
    expect(legalTotalRial(DEFAULT_TARIFF, { isMetropolis: false, completionFeeRial: 50_000 })).toBe(270_000);
    expect(legalTotalRial(TARIFF_1403, metropolis)).toBe(1_850_000);
  });
});

describe("isOvercharge", () => {
  const legal = legalTotalRial(DEFAULT_TARIFF, metropolis);

  it("is false up to and including the legal total", () => {
    expect(isOvercharge(0, legal)).toBe(false);
    expect(isOvercharge(309_990, legal)).toBe(false);
    expect(isOvercharge(310_000, legal)).toBe(false);
  });

  it("is true for any amount above it", () => {
    expect(isOvercharge(310_001, legal)).toBe(true);
    expect(isOvercharge(350_000, legal)).toBe(true);
  });

  it("refuses amounts that are not whole non-negative rial", () => {
    expect(() => isOvercharge(310_000.5, legal)).toThrow(RangeError);
    expect(() => isOvercharge(-1, legal)).toThrow(RangeError);
  });
});
