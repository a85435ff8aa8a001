import { describe, expect, it } from "vitest";
import { DEFAULT_WEEKLY_HOURS, formatWeeklyHours, parseWeeklyHours } from "../../../src/domain/booking/weekly-hours.js";

const hm = (h: number, m = 0) => h * 60 + m;

describe("weekly hours", () => {
  it("defaults to Saturday–Wednesday 07:30–14:30, Thursday until noon, Friday closed", () => {
    for (const weekday of [0, 1, 2, 3, 4] as const) expect(DEFAULT_WEEKLY_HOURS[weekday]).toEqual([{ opens: hm(7, 30), closes: hm(14, 30) }]);
    expect(DEFAULT_WEEKLY_HOURS[5]).toEqual([{ opens: hm(7, 30), closes: hm(12) }]);
    expect(DEFAULT_WEEKLY_HOURS[6]).toEqual([]);
    expect(formatWeeklyHours(DEFAULT_WEEKLY_HOURS)).toBe("sat-wed 07:30-14:30; thu 07:30-12:00");
  });

  it("parses day ranges, lists and split shifts; days not mentioned are closed", () => {
    const parsed = parseWeeklyHours("sat-mon 08:00-12:00,16:00-19:00; wed,thu 8:00-13:00");
    expect(parsed.ok && parsed.value).toEqual([
      [
        { opens: hm(8), closes: hm(12) },
        { opens: hm(16), closes: hm(19) },
      ],
      [
        { opens: hm(8), closes: hm(12) },
        { opens: hm(16), closes: hm(19) },
      ],
      [
        { opens: hm(8), closes: hm(12) },
        { opens: hm(16), closes: hm(19) },
      ],
      [],
      [{ opens: hm(8), closes: hm(13) }],
      [{ opens: hm(8), closes: hm(13) }],
      [],
    ]);
  });

  it("formats what it parses back to the same canonical text", () => {
    for (const text of ["sat-wed 07:30-14:30; thu 07:30-12:00", "sat 08:00-12:00,16:00-19:00; mon-fri 00:00-24:00", "sun 09:00-10:00; tue 09:00-10:00"]) {
      const parsed = parseWeeklyHours(text);
      expect(parsed.ok && formatWeeklyHours(parsed.value)).toBe(text);
    }
  });

  it('accepts "closed" and upper case', () => {
    const parsed = parseWeeklyHours("SAT-THU 08:00-12:00; Fri closed");
    expect(parsed.ok && parsed.value[6]).toEqual([]);
  });

  it.each([
    ["", "empty"],
    ["sat-wed", "bad_format"],
    ["xyz 08:00-12:00", "unknown_day"],
    ["wed-sat 08:00-12:00", "bad_format"],
    ["sat 25:00-26:00", "bad_time"],
    ["sat 08:60-09:00", "bad_time"],
    ["sat 12:00-08:00", "empty_range"],
    ["sat 08:00-12:00,11:00-13:00", "overlapping_ranges"],
    ["sat-mon 08:00-12:00; mon 13:00-14:00", "day_repeated"],
  ])("refuses %j as %s", (text, error) => {
    expect(parseWeeklyHours(text)).toEqual({ ok: false, error });
  });
});
