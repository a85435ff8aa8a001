// Jalali (Solar Hijri) calendar dates: the JalaliDate type, parsing typed dates and day arithmetic.
import { d2j, isLeapJalaaliYear, isValidJalaaliDate, j2d, toGregorian } from "jalaali-js";
import { fail, ok } from "../shared/result.js";
import type { Result } from "../shared/result.js";
import { stripInvisibleMarks, toLatinDigits } from "../text/digits.js";

/** A calendar day in the Jalali calendar; month 1 is Farvardin, month 12 is Esfand. */
export interface JalaliDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Why a typed Jalali date was refused. */
export type JalaliDateError = "empty" | "bad_format" | "invalid_date";

/** Day of the week with the Iranian week: 0 = Saturday (the first day) … 6 = Friday (the weekend). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Years jalaali-js converts exactly; outside them it throws, so parsing refuses them first. */
const SUPPORTED_YEARS = { min: 1, max: 3177 } as const;

/** year/month/day separated by slash, dash, dot, Arabic decimal separator (٫) or spaces. */
const SEPARATED_DATE = /^(\d{4})\s*[/\-.\u066B\u2010-\u2015\u2212\s]\s*(\d{1,2})\s*[/\-.\u066B\u2010-\u2015\u2212\s]\s*(\d{1,2})$/;
/** yyyymmdd typed without separators. */
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Parses a typed Jalali date, year first: 1370/5/12, ۱۳۷۰/۰۵/۱۲, 1370-05-12, 1370.5.12 or 13700512,
 * with Persian, Arabic-Indic or Latin digits. The year must have four digits: a two-digit year
 * (70/5/12) is refused as `bad_format` because it cannot tell 1370 from 1470. Day-first input
 * (12/5/1370) is refused too rather than guessed.
 * `invalid_date` covers month outside 1..12 and a day the month does not have (Esfand 30 exists
 * only in leap years).
 */
export function parseJalaliDate(raw: string): Result<JalaliDate, JalaliDateError> {
  const text = toLatinDigits(stripInvisibleMarks(raw)).trim();
  if (text === "") return fail("empty");
  const match = SEPARATED_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (match === null) return fail("bad_format");
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!isValidJalaliDate(date)) return fail("invalid_date");
  return ok(date);
}

/** True when the fields are integers forming a real Jalali day (Esfand 30 only in leap years). */
export function isValidJalaliDate(date: JalaliDate): boolean {
  const { year, month, day } = date;
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < SUPPORTED_YEARS.min || year > SUPPORTED_YEARS.max) return false;
  return isValidJalaaliDate(year, month, day);
}

/** True for Jalali leap years (366 days, Esfand has 30 days), e.g. 1403 and 1408. */
export function isLeapJalaliYear(year: number): boolean {
  return isLeapJalaaliYear(year);
}

/** Orders two dates: negative when a is earlier, 0 when the same day, positive when a is later. */
export function compareJalali(a: JalaliDate, b: JalaliDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** True when both values denote the same calendar day. */
export function isSameJalaliDate(a: JalaliDate, b: JalaliDate): boolean {
  return compareJalali(a, b) === 0;
}

/** The date n days later (n may be negative), crossing months, years and leap days. */
export function addDays(date: JalaliDate, days: number): JalaliDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number of days, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Day of the week, 0 = Saturday … 6 = Friday. */
export function weekdayOf(date: JalaliDate): Weekday {
  // Julian Day Number 0 was a Monday; shifting by 2 makes Saturday 0.
  return ((toDayNumber(date) + 2) % 7) as Weekday;
}

/**
 * Completed years of age on `today`. The birthday itself counts as completed.
 * Someone born on Esfand 30 (leap years only) completes a year on 1 Farvardin in common years,
 * never on Esfand 29: a minimum-age rule is then never met a day early.
 */
export function ageInFullYears(birth: JalaliDate, today: JalaliDate): number {
  const years = today.year - birth.year;
  const birthdayNotYetReached = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return birthdayNotYetReached ? years - 1 : years;
}

/** The Gregorian calendar day of a Jalali date (month 1 = January). */
export function jalaliToGregorian(date: JalaliDate): { year: number; month: number; day: number } {
  const { gy, gm, gd } = toGregorian(date.year, date.month, date.day);
  return { year: gy, month: gm, day: gd };
}

/** Stable Latin-digit form yyyy/mm/dd for logs, storage keys and tests; never shown to users. */
export function jalaliDateToString(date: JalaliDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(date.year, 4)}/${pad(date.month, 2)}/${pad(date.day, 2)}`;
}

function toDayNumber(date: JalaliDate): number {
  if (!isValidJalaliDate(date)) throw new RangeError(`Not a Jalali date: ${JSON.stringify(date)}`);
  return j2d(date.year, date.month, date.day);
}

function fromDayNumber(dayNumber: number): JalaliDate {
  const { jy, jm, jd } = d2j(dayNumber);
  return { year: jy, month: jm, day: jd };
}
