import { describe, expect, it } from "vitest";
import { toPersianDigits } from "../../../src/domain/text/digits.js";
import { jalaliDateInTehran, tehranWallTimeToInstant } from "../../../src/domain/time/tehran-clock.js";
import { formatDateTime, formatJalaliDate, formatJalaliDateOnly, formatTehranTime, formatToman } from "../../../src/domain/time/persian-format.js";
import { addDays } from "../../../src/domain/time/jalali.js";

const utc = (iso: string) => new Date(iso);
const MONTH_NAMES = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

describe("formatJalaliDate", () => {
  it("writes weekday, day, month name and year: 21 March 2026 is Saturday 1 Farvardin 1405", () => {
    expect(formatJalaliDate(utc("2026-03-21T12:00:00Z"))).toBe("شنبه ۱ فروردین ۱۴۰۵");
  });

  it("changes day at Tehran midnight, 20:30 UTC", () => {
    expect(formatJalaliDate(utc("2026-03-20T20:29:00Z"))).toBe("جمعه ۲۹ اسفند ۱۴۰۴");
    expect(formatJalaliDate(utc("2026-03-20T20:30:00Z"))).toBe("شنبه ۱ فروردین ۱۴۰۵");
  });

  it("names all twelve months", () => {
    MONTH_NAMES.forEach((name, index) => {
      const instant = tehranWallTimeToInstant({ year: 1405, month: index + 1, day: 10 }, 12, 0);
      expect(formatJalaliDate(instant)).toContain(` ۱۰ ${name} ۱۴۰۵`);
    });
  });

  it("agrees with jalaali-js on day, month and year for 800 consecutive days", () => {
    let instant = utc("2024-12-31T09:00:00Z");
    for (let i = 0; i < 800; i++) {
      const { year, month, day } = jalaliDateInTehran(instant);
      const [, dayText, monthText, yearText] = formatJalaliDate(instant).split(" ");
      expect(dayText).toBe(toPersianDigits(day));
      expect(monthText).toBe(MONTH_NAMES[month - 1]);
      expect(yearText).toBe(toPersianDigits(year));
      instant = new Date(instant.getTime() + 86_400_000);
    }
  });
});

describe("formatTehranTime", () => {
  it("writes 24-hour Tehran time with Persian digits", () => {
    expect(formatTehranTime(utc("2026-08-03T11:00:00Z"))).toBe("۱۴:۳۰");
  });

  it("pads hours after midnight instead of writing 24", () => {
    expect(formatTehranTime(utc("2026-03-20T20:35:00Z"))).toBe("۰۰:۰۵");
  });

  it("applied daylight saving time in 1400", () => {
    expect(formatTehranTime(utc("2021-06-01T07:30:00Z"))).toBe("۱۲:۰۰");
  });
});

describe("formatDateTime", () => {
  it("joins date and time with a Persian comma", () => {
    expect(formatDateTime(utc("2026-03-21T11:00:00Z"))).toBe("شنبه ۱ فروردین ۱۴۰۵، ۱۴:۳۰");
  });
});

describe("formatJalaliDateOnly", () => {
  it("formats a calendar day without a time", () => {
    expect(formatJalaliDateOnly({ year: 1405, month: 1, day: 1 })).toBe("شنبه ۱ فروردین ۱۴۰۵");
  });

  it("formats Esfand 30 of leap year 1403 (Thursday 20 March 2025)", () => {
    expect(formatJalaliDateOnly({ year: 1403, month: 12, day: 30 })).toBe("پنج\u200cشنبه ۳۰ اسفند ۱۴۰۳");
  });

  it("names the same day the date stands for, across a run of days", () => {
    let day = { year: 1400, month: 6, day: 25 };
    for (let i = 0; i < 20; i++) {
      expect(formatJalaliDateOnly(day)).toContain(` ${toPersianDigits(day.day)} `);
      day = addDays(day, 1);
    }
  });
});

describe("formatToman", () => {
  it("converts rial to toman with Persian digits and the Persian thousands separator", () => {
    expect(formatToman(310_000)).toBe("۳۱٬۰۰۰");
    expect(formatToman(310_000)).toContain("\u066C");
  });

  it("accepts bigint amounts", () => {
    expect(formatToman(14_500_000n)).toBe("۱٬۴۵۰٬۰۰۰");
    expect(formatToman(10n ** 20n)).toBe("۱۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰");
  });

  it("writes small amounts without separators", () => {
    expect(formatToman(0)).toBe("۰");
    expect(formatToman(9_990)).toBe("۹۹۹");
  });

  it("keeps tenths of a toman with the Persian decimal separator", () => {
    expect(formatToman(15)).toBe("۱٫۵");
    expect(formatToman(9n)).toBe("۰٫۹");
    expect(formatToman(310_005)).toBe("۳۱٬۰۰۰٫۵");
  });

  it("refuses fractional and negative rial amounts", () => {
    expect(() => formatToman(1.5)).toThrow(RangeError);
    expect(() => formatToman(-10)).toThrow(RangeError);
    expect(() => formatToman(-10n)).toThrow(RangeError);
    expect(() => formatToman(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});
