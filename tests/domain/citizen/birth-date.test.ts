import { describe, expect, it } from "vitest";
import { EARLIEST_BIRTH_YEAR, firstEligibleDay, isOldEnough, MINIMUM_AGE_YEARS, validateBirthDate } from "../../../src/domain/citizen/birth-date.js";
import { addDays, isLeapJalaliYear } from "../../../src/domain/time/jalali.js";
import type { JalaliDate } from "../../../src/domain/time/jalali.js";

const date = (year: number, month: number, day: number): JalaliDate => ({ year, month, day });
const today = date(1405, 5, 12);

describe("validateBirthDate", () => {
  it("uses the published rules: 15 full years, born in 1280 or later", () => {
    expect(MINIMUM_AGE_YEARS).toBe(15);
    expect(EARLIEST_BIRTH_YEAR).toBe(1280);
  });

  it("accepts an adult and returns the parsed date", () => {
    expect(validateBirthDate("۱۳۷۰/۰۵/۱۲", today)).toEqual({ ok: true, value: date(1370, 5, 12) });
  });

  it("accepts someone whose 15th birthday is today", () => {
    expect(validateBirthDate("1390/5/12", today)).toEqual({ ok: true, value: date(1390, 5, 12) });
  });

  it("refuses someone who turns 15 tomorrow as too_young", () => {
    expect(validateBirthDate("1390/5/13", today)).toEqual({ ok: false, error: "too_young" });
  });

  it("accepts someone who turned 15 yesterday", () => {
    expect(validateBirthDate("1390/5/11", today).ok).toBe(true);
  });

  it("refuses a baby born today as too_young, not in_future", () => {
    expect(validateBirthDate("1405/5/12", today)).toEqual({ ok: false, error: "too_young" });
  });

  it("refuses tomorrow and later as in_future", () => {
    expect(validateBirthDate("1405/5/13", today)).toEqual({ ok: false, error: "in_future" });
    expect(validateBirthDate("1406/1/1", today)).toEqual({ ok: false, error: "in_future" });
  });

  it("reports a Gregorian year typed by mistake as in_future", () => {
    expect(validateBirthDate("1991/08/03", today)).toEqual({ ok: false, error: "in_future" });
  });

  it(`accepts ${EARLIEST_BIRTH_YEAR} and refuses earlier years as too_old`, () => {
    expect(validateBirthDate("1280/1/1", today).ok).toBe(true);
    expect(validateBirthDate("1279/12/29", today)).toEqual({ ok: false, error: "too_old" });
    expect(validateBirthDate("1237/5/12", today)).toEqual({ ok: false, error: "too_old" });
  });

  describe("an Esfand 30 birthday (1391 is a leap year; 1406 is not)", () => {
    it("checks the premise", () => {
      expect(isLeapJalaliYear(1391)).toBe(true);
      expect(isLeapJalaliYear(1406)).toBe(false);
    });

    it("is still too_young on 29 Esfand 1406", () => {
      expect(validateBirthDate("1391/12/30", date(1406, 12, 29))).toEqual({ ok: false, error: "too_young" });
    });

    it("is old enough on 1 Farvardin 1407", () => {
      expect(validateBirthDate("1391/12/30", date(1407, 1, 1))).toEqual({ ok: true, value: date(1391, 12, 30) });
    });
  });

  it("refuses Esfand 30 in a common year as invalid_date before any age rule", () => {
    expect(validateBirthDate("1390/12/30", today)).toEqual({ ok: false, error: "invalid_date" });
  });

  it("passes parsing errors through", () => {
    expect(validateBirthDate("", today)).toEqual({ ok: false, error: "empty" });
    expect(validateBirthDate("12/5/1370", today)).toEqual({ ok: false, error: "bad_format" });
    expect(validateBirthDate("1370/13/1", today)).toEqual({ ok: false, error: "invalid_date" });
  });
});

describe("firstEligibleDay", () => {
  it("is the 15th birthday", () => {
    expect(firstEligibleDay({ year: 1395, month: 1, day: 1 })).toEqual({ year: 1410, month: 1, day: 1 });
    expect(firstEligibleDay({ year: 1399, month: 6, day: 10 })).toEqual({ year: 1414, month: 6, day: 10 });
  });

  it("moves an Esfand 30 birthday to 1 Farvardin when the 15th year has no Esfand 30", () => {
    // 1408 is a leap year, 1409 is not.
    expect(firstEligibleDay({ year: 1393, month: 12, day: 30 })).toEqual({ year: 1408, month: 12, day: 30 });
    expect(firstEligibleDay({ year: 1403, month: 12, day: 30 })).toEqual({ year: 1419, month: 1, day: 1 });
  });

  it("agrees with the age rule: old enough on that day, not the day before", () => {
    for (const birth of [
      { year: 1390, month: 5, day: 13 },
      { year: 1391, month: 12, day: 30 },
      { year: 1403, month: 12, day: 30 },
    ]) {
      const first = firstEligibleDay(birth);
      expect(isOldEnough(birth, first)).toBe(true);
      expect(isOldEnough(birth, addDays(first, -1))).toBe(false);
    }
  });
});
