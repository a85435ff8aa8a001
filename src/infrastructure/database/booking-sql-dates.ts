// Converts Jalali calendar days to and from SQL DATE values (the Gregorian date of the same Tehran day).
import { toJalaali } from "jalaali-js";
import { jalaliToGregorian } from "../../domain/time/jalali.js";
import type { JalaliDate } from "../../domain/time/jalali.js";

/** A Jalali day as an SQL date literal, YYYY-MM-DD (Gregorian). */
export function toSqlDate(date: JalaliDate): string {
  const { year, month, day } = jalaliToGregorian(date);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** An SQL date read as text (to_char(day, 'YYYY-MM-DD')), back as a Jalali day. */
export function fromSqlDate(text: string): JalaliDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) throw new Error(`not an SQL date: ${text}`);
  const { jy, jm, jd } = toJalaali(Number(match[1]), Number(match[2]), Number(match[3]));
  return { year: jy, month: jm, day: jd };
}
