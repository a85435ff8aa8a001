// Weekly opening hours of an office: the type, the defaults, and the one-line text form used in CSV files and the database.
import { fail, ok } from "../shared/result.js";
import type { Result } from "../shared/result.js";
import type { Weekday } from "../time/jalali.js";

/** Opening time range within one day, in minutes after midnight (Tehran clock); `closes` is exclusive. */
export interface TimeRange {
  readonly opens: number;
  readonly closes: number;
}

/**
 * Opening ranges for each weekday, indexed by Weekday (0 = Saturday … 6 = Friday), each sorted and not
 * overlapping. An empty list means closed all day.
 */
export type WeeklyHours = readonly [
  readonly TimeRange[],
  readonly TimeRange[],
  readonly TimeRange[],
  readonly TimeRange[],
  readonly TimeRange[],
  readonly TimeRange[],
  readonly TimeRange[],
];

/** Why an hours text was refused. */
export type WeeklyHoursError = "empty" | "bad_format" | "unknown_day" | "bad_time" | "empty_range" | "overlapping_ranges" | "day_repeated";

/** Day names of the text form, in Iranian week order (Saturday first). */
export const WEEKDAY_CODES = ["sat", "sun", "mon", "tue", "wed", "thu", "fri"] as const;

const MINUTES_PER_DAY = 24 * 60;

/**
 * The default when an office gives no hours: Saturday to Wednesday 07:30–14:30, Thursday 07:30–12:00,
 * Friday closed. These are the usual hours of Iranian government offices (civil registration, post);
 * pishkhan offices often stay open longer and can say so in the import file.
 */
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = Object.freeze([
  [{ opens: 7 * 60 + 30, closes: 14 * 60 + 30 }],
  [{ opens: 7 * 60 + 30, closes: 14 * 60 + 30 }],
  [{ opens: 7 * 60 + 30, closes: 14 * 60 + 30 }],
  [{ opens: 7 * 60 + 30, closes: 14 * 60 + 30 }],
  [{ opens: 7 * 60 + 30, closes: 14 * 60 + 30 }],
  [{ opens: 7 * 60 + 30, closes: 12 * 60 }],
  [],
]) as WeeklyHours;

const CLAUSE = /^([a-z]{3}(?:\s*-\s*[a-z]{3})?(?:\s*,\s*[a-z]{3}(?:\s*-\s*[a-z]{3})?)*)\s+(.+)$/;
const RANGE = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

/**
 * Parses the text form: clauses separated by `;`, each a day or day range and one or more time ranges,
 * e.g. `sat-wed 07:30-14:30; thu 07:30-12:00` or `sat,mon 08:00-12:00,13:00-16:00; fri closed`.
 * Days are sat sun mon tue wed thu fri; a range runs forward in the Iranian week (sat-wed, not wed-sat).
 * Days not mentioned are closed. Times are on the 24-hour clock; 24:00 may end a range.
 */
export function parseWeeklyHours(text: string): Result<WeeklyHours, WeeklyHoursError> {
  const clauses = text
    .toLowerCase()
    .split(";")
    .map((clause) => clause.trim())
    .filter((clause) => clause !== "");
  if (clauses.length === 0) return fail("empty");
  const days: TimeRange[][] = [[], [], [], [], [], [], []];
  const seen = new Set<number>();
  for (const clause of clauses) {
    const match = CLAUSE.exec(clause);
    if (match === null) return fail("bad_format");
    const weekdays = parseDays(match[1]!);
    if (!weekdays.ok) return weekdays;
    const ranges = parseRanges(match[2]!.trim());
    if (!ranges.ok) return ranges;
    for (const weekday of weekdays.value) {
      if (seen.has(weekday)) return fail("day_repeated");
      seen.add(weekday);
      days[weekday] = [...ranges.value];
    }
  }
  return ok(Object.freeze(days) as unknown as WeeklyHours);
}

/** The canonical text form: consecutive days with equal hours grouped, closed days left out. */
export function formatWeeklyHours(hours: WeeklyHours): string {
  const clauses: string[] = [];
  let start = 0;
  while (start < 7) {
    let end = start;
    while (end + 1 < 7 && sameRanges(hours[(end + 1) as Weekday], hours[start as Weekday])) end++;
    const ranges = hours[start as Weekday];
    if (ranges.length > 0) {
      const dayPart = start === end ? WEEKDAY_CODES[start]! : `${WEEKDAY_CODES[start]}-${WEEKDAY_CODES[end]}`;
      clauses.push(`${dayPart} ${ranges.map(formatRange).join(",")}`);
    }
    start = end + 1;
  }
  return clauses.join("; ");
}

/** A minute of the day as HH:MM. */
export function formatMinuteOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

function formatRange(range: TimeRange): string {
  return `${formatMinuteOfDay(range.opens)}-${formatMinuteOfDay(range.closes)}`;
}

function sameRanges(a: readonly TimeRange[], b: readonly TimeRange[]): boolean {
  return a.length === b.length && a.every((range, i) => range.opens === b[i]?.opens && range.closes === b[i]?.closes);
}

function parseDays(text: string): Result<number[], WeeklyHoursError> {
  const weekdays: number[] = [];
  for (const part of text.split(",").map((piece) => piece.trim())) {
    const [from, to] = part.split("-").map((piece) => piece.trim());
    const first = WEEKDAY_CODES.indexOf(from as (typeof WEEKDAY_CODES)[number]);
    const last = to === undefined ? first : WEEKDAY_CODES.indexOf(to as (typeof WEEKDAY_CODES)[number]);
    if (first < 0 || last < 0) return fail("unknown_day");
    if (last < first) return fail("bad_format");
    for (let day = first; day <= last; day++) weekdays.push(day);
  }
  return ok(weekdays);
}

function parseRanges(text: string): Result<TimeRange[], WeeklyHoursError> {
  if (text === "closed") return ok([]);
  const ranges: TimeRange[] = [];
  for (const part of text.split(",").map((piece) => piece.trim())) {
    const match = RANGE.exec(part);
    if (match === null) return fail("bad_format");
    const opens = minuteOfDay(Number(match[1]), Number(match[2]));
    const closes = minuteOfDay(Number(match[3]), Number(match[4]));
    if (opens === undefined || closes === undefined || opens === MINUTES_PER_DAY) return fail("bad_time");
    if (closes <= opens) return fail("empty_range");
    ranges.push({ opens, closes });
  }
  ranges.sort((a, b) => a.opens - b.opens);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.opens < ranges[i - 1]!.closes) return fail("overlapping_ranges");
  }
  return ok(ranges);
}

function minuteOfDay(hour: number, minute: number): number | undefined {
  if (minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) return undefined;
  return hour * 60 + minute;
}
