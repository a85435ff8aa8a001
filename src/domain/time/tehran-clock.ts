// Tehran wall clock: converts between instants and the date and time shown on clocks in Iran.
import { toJalaali } from "jalaali-js";
import { isValidJalaliDate, jalaliToGregorian } from "./jalali.js";
import type { JalaliDate } from "./jalali.js";
import { BoundedMemo } from "../shared/bounded-memo.js";

// Calendar arithmetic lives in jalali.ts; it is re-exported for callers that think in Tehran days.
export { addDays, ageInFullYears, compareJalali, weekdayOf } from "./jalali.js";

/** IANA zone of Iran. Its offset is read from the runtime's time-zone data, never hard-coded. */
export const TEHRAN_TIME_ZONE = "Asia/Tehran";

/** Date and time of day as a clock in Tehran shows them. */
export interface TehranWallTime {
  readonly date: JalaliDate;
  readonly hour: number;
  readonly minute: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Gregorian with Latin digits so the parts parse as numbers; Jalali conversion is jalaali-js's job.
const tehranGregorianParts = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
  timeZone: TEHRAN_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

/** The Jalali calendar day in Tehran at the given instant (Tehran midnight is 20:30 UTC the day before). */
export function jalaliDateInTehran(instant: Date): JalaliDate {
  return tehranWallTimeOf(instant).date;
}

/** The Jalali date, hour and minute a Tehran clock shows at the given instant. */
export function tehranWallTimeOf(instant: Date): TehranWallTime {
  const wall = gregorianWallTimeInTehran(instant.getTime());
  const { jy, jm, jd } = toJalaali(wall.year, wall.month, wall.day);
  return { date: { year: jy, month: jm, day: jd }, hour: wall.hour, minute: wall.minute };
}

/**
 * The instant at which Tehran clocks show the given date and time.
 *
 * Iran has used UTC+03:30 all year since 1402 (2023); before that it kept daylight saving time
 * (UTC+04:30 from 1 Farvardin 24:00 to 30 Shahrivar 24:00 in most years), so the offset comes from
 * the time-zone data. Around the old clock changes it follows the usual calendar-software rule:
 * a time skipped in spring is moved forward by the gap (00:30 → 01:30), and a time that occurred
 * twice in autumn resolves to its first occurrence.
 */
export function tehranWallTimeToInstant(date: JalaliDate, hour: number, minute: number): Date {
  if (!isValidJalaliDate(date)) throw new RangeError(`Not a Jalali date: ${JSON.stringify(date)}`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`Hour out of range: ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new RangeError(`Minute out of range: ${minute}`);

  const gregorian = jalaliToGregorian(date);
  const wallAsUtc = Date.UTC(gregorian.year, gregorian.month - 1, gregorian.day, hour, minute);
  // A day either side of the wanted time lies clear of any clock change, so these two offsets are
  // the only candidates for it.
  const offsetBefore = tehranOffsetMs(wallAsUtc - DAY_MS);
  const offsetAfter = tehranOffsetMs(wallAsUtc + DAY_MS);
  const matching = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].filter((candidate) => candidate + tehranOffsetMs(candidate) === wallAsUtc);
  if (matching.length > 0) return new Date(Math.min(...matching));
  return new Date(wallAsUtc - offsetBefore); // skipped by a spring-forward change
}

/** Tehran's offset from UTC at an instant, in milliseconds (e.g. 3.5 h = 12,600,000). */
function tehranOffsetMs(epochMs: number): number {
  const wall = gregorianWallTimeInTehran(epochMs);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const instantToTheSecond = Math.floor(epochMs / 1000) * 1000;
  return Math.round((wallAsUtc - instantToTheSecond) / MINUTE_MS) * MINUTE_MS;
}

/**
 * The date and time on Tehran clocks at an instant, to the second. Intl's formatToParts is slow for a
 * per-update path, so it only reads the zone's offset, which is then kept for the hour around the instant
 * (see {@link offsetSecondsAt}); the wall time is the instant shifted by that offset.
 */
function gregorianWallTimeInTehran(epochMs: number) {
  const wall = new Date(Math.floor(epochMs / 1000) * 1000 + offsetSecondsAt(epochMs) * 1000);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/**
 * The Tehran calendar day of an instant as a count of days since 1970-01-01 (Gregorian, on Tehran clocks):
 * two instants have the same number exactly when Tehran clocks show the same date at both.
 */
export function tehranDayNumber(instant: Date): number {
  const epochMs = instant.getTime();
  return Math.floor((Math.floor(epochMs / 1000) * 1000 + offsetSecondsAt(epochMs) * 1000) / DAY_MS);
}

const OFFSET_SPAN_MS = 3_600_000;
/** Offsets by hour span (epoch hour → seconds east of UTC), for spans without a clock change; bounded. */
const offsetBySpan = new BoundedMemo<number, number>(4096);

/**
 * Tehran's offset from UTC at an instant, in whole seconds, as the time-zone data says. The zone's offset
 * is the same at both ends of most hours; such an hour's offset is kept. An hour with a clock change in it
 * (the two ends differ) is read from Intl for the exact instant, every time.
 */
function offsetSecondsAt(epochMs: number): number {
  const span = Math.floor(epochMs / OFFSET_SPAN_MS);
  const kept = offsetBySpan.peek(span);
  if (kept !== undefined) return kept;
  const start = span * OFFSET_SPAN_MS;
  const atStart = intlOffsetSeconds(start);
  if (intlOffsetSeconds(start + OFFSET_SPAN_MS - 1000) !== atStart) return intlOffsetSeconds(epochMs);
  offsetBySpan.remember(span, atStart);
  return atStart;
}

/** The offset Intl's time-zone data gives at an instant (wall time read as UTC, minus the instant to the second). */
function intlOffsetSeconds(epochMs: number): number {
  const wall = intlWallTimeInTehran(epochMs);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const utcWall = new Date(wallAsUtc);
  // Date.UTC maps years 0–99 to 1900–1999: set the full year explicitly.
  utcWall.setUTCFullYear(wall.year);
  return Math.round((utcWall.getTime() - Math.floor(epochMs / 1000) * 1000) / 1000);
}

function intlWallTimeInTehran(epochMs: number) {
  const fields: Record<string, number> = {};
  for (const part of tehranGregorianParts.formatToParts(epochMs)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const read = (field: string): number => {
    const value = fields[field];
    if (value === undefined || Number.isNaN(value)) throw new Error(`Intl gave no ${field} for ${epochMs}`);
    return value;
  };
  return {
    year: read("year"),
    month: read("month"),
    day: read("day"),
    hour: read("hour"),
    minute: read("minute"),
    second: read("second"),
  };
}
