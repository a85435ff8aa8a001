import { toGregorian } from "jalaali-js";
import { describe, expect, it } from "vitest";
import * as jalali from "../../../src/domain/time/jalali.js";
import * as clock from "../../../src/domain/time/tehran-clock.js";
import { jalaliDateInTehran, tehranWallTimeOf, tehranWallTimeToInstant } from "../../../src/domain/time/tehran-clock.js";
import type { JalaliDate } from "../../../src/domain/time/jalali.js";

const date = (year: number, month: number, day: number): JalaliDate => ({ year, month, day });
const utc = (iso: string) => new Date(iso);

describe("jalaliDateInTehran", () => {
  it("is still 29 Esfand 1404 at 20:29:59 UTC on 20 March 2026", () => {
    expect(jalaliDateInTehran(utc("2026-03-20T20:29:59.999Z"))).toEqual(date(1404, 12, 29));
  });

  it("turns to 1 Farvardin 1405 at 20:30 UTC, Tehran midnight (UTC+03:30)", () => {
    expect(jalaliDateInTehran(utc("2026-03-20T20:30:00Z"))).toEqual(date(1405, 1, 1));
  });

  it("differs from the UTC date between 20:30 and 24:00 UTC", () => {
    const lateEvening = utc("2026-03-20T22:00:00Z");
    expect(lateEvening.getUTCDate()).toBe(20);
    expect(jalaliDateInTehran(lateEvening)).toEqual(date(1405, 1, 1));
  });

  it("used UTC+04:30 in summer 1400, so midnight was 19:30 UTC", () => {
    expect(jalaliDateInTehran(utc("2021-06-01T19:29:00Z"))).toEqual(date(1400, 3, 11));
    expect(jalaliDateInTehran(utc("2021-06-01T19:30:00Z"))).toEqual(date(1400, 3, 12));
  });

  it("reaches Esfand 30 of leap year 1403", () => {
    expect(jalaliDateInTehran(utc("2025-03-20T12:00:00Z"))).toEqual(date(1403, 12, 30));
  });
});

describe("tehranWallTimeOf", () => {
  it("reads date, hour and minute on a Tehran clock", () => {
    expect(tehranWallTimeOf(utc("2026-08-03T11:00:00Z"))).toEqual({ date: date(1405, 5, 12), hour: 14, minute: 30 });
  });

  it("shows midnight as hour 0, not 24", () => {
    expect(tehranWallTimeOf(utc("2026-03-20T20:30:00Z"))).toEqual({ date: date(1405, 1, 1), hour: 0, minute: 0 });
  });
});

describe("tehranWallTimeOf against Intl read at every instant (the kept hourly offsets change nothing)", () => {
  const intl = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
    timeZone: "Asia/Tehran",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  });
  const byIntl = (epochMs: number) => {
    const parts = Object.fromEntries(intl.formatToParts(epochMs).map((p) => [p.type, Number(p.value)]));
    const [jy, jm, jd] = [parts.year!, parts.month!, parts.day!];
    return { gregorian: { year: jy, month: jm, day: jd }, hour: parts.hour!, minute: parts.minute! };
  };
  const check = (epochMs: number) => {
    const expected = byIntl(epochMs);
    const actual = tehranWallTimeOf(new Date(epochMs));
    const gregorian = toGregorian(actual.date.year, actual.date.month, actual.date.day);
    expect(
      { gregorian: { year: gregorian.gy, month: gregorian.gm, day: gregorian.gd }, hour: actual.hour, minute: actual.minute },
      new Date(epochMs).toISOString(),
    ).toEqual(expected);
  };

  it("agrees every 7 minutes 13 seconds across the spring and autumn clock changes of 1400 and 1401", () => {
    for (const [from, to] of [
      ["2021-03-20T12:00:00Z", "2021-03-22T12:00:00Z"],
      ["2021-09-20T12:00:00Z", "2021-09-22T12:00:00Z"],
      ["2022-03-20T12:00:00Z", "2022-03-22T12:00:00Z"],
      ["2022-09-20T12:00:00Z", "2022-09-22T12:00:00Z"],
    ] as const) {
      for (let t = Date.parse(from); t < Date.parse(to); t += 433_000) check(t);
    }
  });

  it("agrees on each side of a clock change to the second, and on instants spread over 1925–2100", () => {
    const change = Date.parse("2022-09-21T19:30:00Z"); // 24:00 +04:30 → 23:00 +03:30
    for (const t of [change - 1000, change - 1, change, change + 1, change + 999, change + 1000]) check(t);
    for (let t = Date.parse("1925-01-01T00:00:00Z"); t < Date.parse("2100-01-01T00:00:00Z"); t += 86_400_000 * 37 + 3_599_000) check(t);
  });
});

describe("tehranWallTimeToInstant", () => {
  it("puts Tehran midnight of 1 Farvardin 1405 at 20:30 UTC the day before", () => {
    expect(tehranWallTimeToInstant(date(1405, 1, 1), 0, 0)).toEqual(utc("2026-03-20T20:30:00Z"));
  });

  it("uses UTC+03:30 in summer since daylight saving time ended", () => {
    expect(tehranWallTimeToInstant(date(1405, 5, 12), 14, 30)).toEqual(utc("2026-08-03T11:00:00Z"));
    expect(tehranWallTimeToInstant(date(1402, 4, 1), 12, 0)).toEqual(utc("2023-06-22T08:30:00Z"));
  });

  it("uses UTC+04:30 in summer 1400, when Iran still kept daylight saving time", () => {
    expect(tehranWallTimeToInstant(date(1400, 3, 12), 12, 0)).toEqual(utc("2021-06-02T07:30:00Z"));
  });

  it("uses UTC+03:30 in winter 1400", () => {
    expect(tehranWallTimeToInstant(date(1400, 10, 1), 12, 0)).toEqual(utc("2021-12-22T08:30:00Z"));
  });

  it("moves a time skipped by the spring clock change forward by the gap", () => {
    // 2 Farvardin 1400 (22 March 2021): clocks jumped from 00:00 to 01:00.
    const skipped = tehranWallTimeToInstant(date(1400, 1, 2), 0, 30);
    expect(skipped).toEqual(utc("2021-03-21T21:00:00Z"));
    expect(tehranWallTimeOf(skipped)).toEqual({ date: date(1400, 1, 2), hour: 1, minute: 30 });
  });

  it("picks the first of the two 23:30s on 30 Shahrivar 1400, when clocks went back", () => {
    const first = tehranWallTimeToInstant(date(1400, 6, 30), 23, 30);
    expect(first).toEqual(utc("2021-09-21T19:00:00Z"));
    expect(tehranWallTimeOf(utc("2021-09-21T20:00:00Z"))).toEqual({ date: date(1400, 6, 30), hour: 23, minute: 30 });
  });

  it("round-trips every half hour of days in both offset regimes", () => {
    for (const day of [date(1399, 5, 1), date(1403, 12, 30), date(1405, 1, 1), date(1408, 12, 30)]) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
        const hour = Math.floor(minutes / 60);
        const minute = minutes % 60;
        const instant = tehranWallTimeToInstant(day, hour, minute);
        expect(tehranWallTimeOf(instant)).toEqual({ date: day, hour, minute });
      }
    }
  });

  it("matches a Gregorian-based computation at UTC+03:30 for a year of noons", () => {
    let day = date(1405, 1, 1);
    for (let i = 0; i < 365; i++) {
      const { gy, gm, gd } = toGregorian(day.year, day.month, day.day);
      expect(tehranWallTimeToInstant(day, 12, 0).getTime()).toBe(Date.UTC(gy, gm - 1, gd, 8, 30));
      day = jalali.addDays(day, 1);
    }
  });

  it("refuses impossible dates, hours and minutes", () => {
    expect(() => tehranWallTimeToInstant(date(1404, 12, 30), 10, 0)).toThrow(RangeError);
    expect(() => tehranWallTimeToInstant(date(1405, 1, 1), 24, 0)).toThrow(RangeError);
    expect(() => tehranWallTimeToInstant(date(1405, 1, 1), -1, 0)).toThrow(RangeError);
    expect(() => tehranWallTimeToInstant(date(1405, 1, 1), 10, 60)).toThrow(RangeError);
    expect(() => tehranWallTimeToInstant(date(1405, 1, 1), 10.5, 0)).toThrow(RangeError);
  });
});

describe("calendar helpers re-exported for Tehran-day callers", () => {
  it("are the same functions as in jalali.ts", () => {
    expect(clock.addDays).toBe(jalali.addDays);
    expect(clock.compareJalali).toBe(jalali.compareJalali);
    expect(clock.weekdayOf).toBe(jalali.weekdayOf);
    expect(clock.ageInFullYears).toBe(jalali.ageInFullYears);
  });
});
