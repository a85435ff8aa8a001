import { toGregorian } from "jalaali-js";
import { describe, expect, it } from "vitest";
import {
  addDays,
  ageInFullYears,
  compareJalali,
  isLeapJalaliYear,
  isSameJalaliDate,
  isValidJalaliDate,
  jalaliDateToString,
  jalaliToGregorian,
  parseJalaliDate,
  weekdayOf,
} from "../../../src/domain/time/jalali.js";
import type { JalaliDate } from "../../../src/domain/time/jalali.js";

const date = (year: number, month: number, day: number): JalaliDate => ({ year, month, day });

describe("parseJalaliDate: accepted forms", () => {
  it.each([
    ["1370/5/12"],
    ["1370/05/12"],
    ["۱۳۷۰/۰۵/۱۲"],
    ["١٣٧٠/٠٥/١٢"],
    ["۱۳۷۰/5/١٢"],
    ["1370-05-12"],
    ["1370.5.12"],
    ["13700512"],
    ["۱۳۷۰۰۵۱۲"],
    ["1370 5 12"],
    ["1370 / 5 / 12"],
    ["1370٫5٫12"],
    ["1370\u20135\u201312"],
    ["  1370/5/12\n"],
    ["\u200F۱۳۷۰/۰۵/۱۲\u200E"],
    ["\u2067۱۳۷۰/۰۵/۱۲\u2069"],
  ])("reads %j as 12 Mordad 1370", (typed) => {
    expect(parseJalaliDate(typed)).toEqual({ ok: true, value: date(1370, 5, 12) });
  });
});

describe("parseJalaliDate: refusals", () => {
  it("refuses empty input", () => {
    expect(parseJalaliDate("")).toEqual({ ok: false, error: "empty" });
    expect(parseJalaliDate("  \u200F ")).toEqual({ ok: false, error: "empty" });
  });

  it.each([
    ["a two-digit year", "70/5/12"],
    ["day first", "12/5/1370"],
    ["no day", "1370/5"],
    ["an extra part", "1370/5/12/1"],
    ["a three-digit month", "1370/005/12"],
    ["seven compact digits", "1370512"],
    ["nine compact digits", "137005120"],
    ["words", "دیروز"],
    ["a Latin letter", "1370/5/1a"],
    ["a double separator", "1370//5/12"],
    ["an Arabic comma", "1370،5،12"],
  ])("refuses %s as bad_format", (_what, typed) => {
    expect(parseJalaliDate(typed)).toEqual({ ok: false, error: "bad_format" });
  });

  it.each([
    ["month 0", "1370/0/10"],
    ["month 13", "1370/13/10"],
    ["day 0", "1370/5/0"],
    ["day 32 in Farvardin", "1370/1/32"],
    ["day 31 in Mehr (months 7-11 have 30 days)", "1370/7/31"],
    ["day 31 in Esfand", "1403/12/31"],
    ["Esfand 30 in common year 1402", "1402/12/30"],
    ["Esfand 30 in common year 1404", "1404/12/30"],
    ["Esfand 30 in common year 1407", "1407/12/30"],
    ["year 0", "0000/1/1"],
    ["a year beyond the supported calendar", "9999/1/1"],
  ])("refuses %s as invalid_date", (_what, typed) => {
    expect(parseJalaliDate(typed)).toEqual({ ok: false, error: "invalid_date" });
  });

  it.each([
    ["Farvardin 31", "1370/1/31", date(1370, 1, 31)],
    ["Shahrivar 31", "1370/6/31", date(1370, 6, 31)],
    ["Esfand 30 in leap year 1403", "1403/12/30", date(1403, 12, 30)],
    ["Esfand 30 in leap year 1408", "1408/12/30", date(1408, 12, 30)],
    ["Esfand 29 in common year 1404", "1404/12/29", date(1404, 12, 29)],
  ])("accepts %s", (_what, typed, expected) => {
    expect(parseJalaliDate(typed)).toEqual({ ok: true, value: expected });
  });
});

describe("isValidJalaliDate", () => {
  it("refuses fractional fields that jalaali-js alone would let through", () => {
    expect(isValidJalaliDate(date(1370, 5.5, 1))).toBe(false);
    expect(isValidJalaliDate(date(1370, 5, 1))).toBe(true);
  });
});

describe("isLeapJalaliYear", () => {
  it.each([1399, 1403, 1408, 1412, 1416, 1420])("%i is a leap year", (year) => {
    expect(isLeapJalaliYear(year)).toBe(true);
  });

  it.each([1400, 1401, 1402, 1404, 1405, 1406, 1407])("%i is a common year", (year) => {
    expect(isLeapJalaliYear(year)).toBe(false);
  });
});

describe("compareJalali and isSameJalaliDate", () => {
  it("orders by year, then month, then day", () => {
    expect(compareJalali(date(1402, 12, 29), date(1403, 1, 1))).toBeLessThan(0);
    expect(compareJalali(date(1403, 2, 1), date(1403, 1, 31))).toBeGreaterThan(0);
    expect(compareJalali(date(1403, 1, 2), date(1403, 1, 1))).toBeGreaterThan(0);
    expect(compareJalali(date(1403, 1, 1), date(1403, 1, 1))).toBe(0);
  });

  it("sorts a list chronologically", () => {
    const sorted = [date(1404, 1, 1), date(1370, 5, 12), date(1403, 12, 30), date(1370, 12, 1)].sort(compareJalali);
    expect(sorted).toEqual([date(1370, 5, 12), date(1370, 12, 1), date(1403, 12, 30), date(1404, 1, 1)]);
  });

  it("tells same days apart from different ones", () => {
    expect(isSameJalaliDate(date(1370, 5, 12), { year: 1370, month: 5, day: 12 })).toBe(true);
    expect(isSameJalaliDate(date(1370, 5, 12), date(1370, 5, 13))).toBe(false);
  });
});

describe("addDays", () => {
  it("crosses from a 31-day month to a 30-day month", () => {
    expect(addDays(date(1403, 6, 31), 1)).toEqual(date(1403, 7, 1));
  });

  it("reaches Esfand 30 in leap year 1403 and then Nowruz", () => {
    expect(addDays(date(1403, 12, 29), 1)).toEqual(date(1403, 12, 30));
    expect(addDays(date(1403, 12, 29), 2)).toEqual(date(1404, 1, 1));
  });

  it("skips from Esfand 29 to Nowruz in common year 1404", () => {
    expect(addDays(date(1404, 12, 29), 1)).toEqual(date(1405, 1, 1));
  });

  it("handles Esfand 30 of leap year 1408", () => {
    expect(addDays(date(1408, 12, 30), 1)).toEqual(date(1409, 1, 1));
    expect(addDays(date(1409, 1, 1), -1)).toEqual(date(1408, 12, 30));
  });

  it("goes backwards and by whole years", () => {
    expect(addDays(date(1405, 1, 1), -1)).toEqual(date(1404, 12, 29));
    expect(addDays(date(1403, 1, 1), 366)).toEqual(date(1404, 1, 1));
    expect(addDays(date(1404, 1, 1), 365)).toEqual(date(1405, 1, 1));
    expect(addDays(date(1403, 5, 5), 0)).toEqual(date(1403, 5, 5));
  });

  it("refuses fractional day counts and impossible dates", () => {
    expect(() => addDays(date(1403, 1, 1), 1.5)).toThrow(RangeError);
    expect(() => addDays(date(1402, 12, 30), 1)).toThrow(RangeError);
  });
});

describe("weekdayOf", () => {
  it("gives Saturday (0) for 1 Farvardin 1405, which is Saturday 21 March 2026", () => {
    expect(new Date(Date.UTC(2026, 2, 21)).getUTCDay()).toBe(6); // JS: 6 = Saturday
    expect(weekdayOf(date(1405, 1, 1))).toBe(0);
  });

  it("gives Friday (6) for 7 Farvardin 1405", () => {
    expect(weekdayOf(date(1405, 1, 7))).toBe(6); // Friday, the weekend
  });

  it("agrees with the Gregorian weekday for 1000 consecutive days", () => {
    let day = date(1402, 10, 1);
    for (let i = 0; i < 1000; i++) {
      const { gy, gm, gd } = toGregorian(day.year, day.month, day.day);
      const jsWeekday = new Date(Date.UTC(gy, gm - 1, gd)).getUTCDay(); // 0 = Sunday
      expect(weekdayOf(day)).toBe((jsWeekday + 1) % 7);
      day = addDays(day, 1);
    }
  });
});

describe("ageInFullYears", () => {
  const birth = date(1390, 5, 12);

  it("counts the birthday itself as a completed year", () => {
    expect(ageInFullYears(birth, date(1405, 5, 12))).toBe(15);
  });

  it("is one less the day before the birthday", () => {
    expect(ageInFullYears(birth, date(1405, 5, 11))).toBe(14);
    expect(ageInFullYears(birth, date(1405, 4, 31))).toBe(14);
  });

  it("is zero on the day of birth", () => {
    expect(ageInFullYears(birth, birth)).toBe(0);
  });

  it("completes a year for an Esfand 30 birthday on 1 Farvardin in common years", () => {
    const leapDayBirth = date(1403, 12, 30);
    expect(ageInFullYears(leapDayBirth, date(1404, 12, 29))).toBe(0);
    expect(ageInFullYears(leapDayBirth, date(1405, 1, 1))).toBe(1);
  });

  it("completes a year for an Esfand 30 birthday on Esfand 30 itself in leap years", () => {
    const leapDayBirth = date(1403, 12, 30);
    expect(ageInFullYears(leapDayBirth, date(1408, 12, 29))).toBe(4);
    expect(ageInFullYears(leapDayBirth, date(1408, 12, 30))).toBe(5);
  });
});

describe("jalaliToGregorian", () => {
  it("converts 1 Farvardin 1405 to 21 March 2026", () => {
    expect(jalaliToGregorian(date(1405, 1, 1))).toEqual({ year: 2026, month: 3, day: 21 });
  });

  it("converts Esfand 30 1403 to 20 March 2025", () => {
    expect(jalaliToGregorian(date(1403, 12, 30))).toEqual({ year: 2025, month: 3, day: 20 });
  });
});

describe("jalaliDateToString", () => {
  it("zero-pads to yyyy/mm/dd with Latin digits", () => {
    expect(jalaliDateToString(date(1370, 5, 2))).toBe("1370/05/02");
  });
});
