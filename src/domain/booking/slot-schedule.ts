// Slot times of an office in Tehran time: which days it opens, when each slot starts, whether a time is one of its slots.
import { addDays, compareJalali, isSameJalaliDate, jalaliDateToString, weekdayOf } from "../time/jalali.js";
import type { JalaliDate } from "../time/jalali.js";
import { jalaliDateInTehran, tehranWallTimeOf, tehranWallTimeToInstant } from "../time/tehran-clock.js";
import type { Office } from "./office.js";
import { BoundedMemo } from "../shared/bounded-memo.js";

/** The instants a Tehran calendar day spans: [from, to). */
export interface DayBounds {
  readonly from: Date;
  readonly to: Date;
}

/** Where a requested start time falls in an office's timetable. */
export interface SlotPosition {
  /** The Tehran calendar day of the slot. */
  readonly date: JalaliDate;
  /** Minutes after midnight on the Tehran clock. */
  readonly minuteOfDay: number;
}

// Wall-clock conversion goes through Intl and is the cost of listing slots; offices share opening times,
// so the instants are cached per day and minute. The cap only stops unbounded growth in long runs.
const instantCache = new BoundedMemo<string, number>(200_000);

/** The instant Tehran clocks show `minuteOfDay` on `date` (tehranWallTimeToInstant, cached). */
export function tehranInstantAt(date: JalaliDate, minuteOfDay: number): Date {
  const key = `${date.year}/${date.month}/${date.day}/${minuteOfDay}`;
  const epochMs = instantCache.get(key, () => tehranWallTimeToInstant(date, Math.floor(minuteOfDay / 60), minuteOfDay % 60).getTime());
  return new Date(epochMs);
}

/** The instants of a Tehran calendar day, from its midnight to the next. */
export function tehranDayBounds(date: JalaliDate): DayBounds {
  return { from: tehranInstantAt(date, 0), to: tehranInstantAt(addDays(date, 1), 0) };
}

/** True when the office is closed all day on `date`: no hours on that weekday, or a closed date. */
export function isClosedOn(office: Office, date: JalaliDate): boolean {
  if (office.weeklyHours[weekdayOf(date)].length === 0) return true;
  return office.closedDates.some((closed) => isSameJalaliDate(closed, date));
}

/**
 * The start instants of the office's slots on `date`, earliest first; none on a closed day. A slot
 * starts at each opening time and every slotMinutes after it, and must end by the closing time.
 */
export function slotStartsOn(office: Office, date: JalaliDate): Date[] {
  if (isClosedOn(office, date)) return [];
  const starts: Date[] = [];
  for (const range of office.weeklyHours[weekdayOf(date)]) {
    for (let minute = range.opens; minute + office.slotMinutes <= range.closes; minute += office.slotMinutes) {
      starts.push(tehranInstantAt(date, minute));
    }
  }
  return starts;
}

/**
 * Where `startsAt` sits in the office's weekly timetable, or undefined when it is not the start of one of
 * its slots (off the grid, outside the hours, a weekly closed day, or a clock time that does not exist).
 * Closed dates are not checked here: see isClosedOn.
 */
export function locateSlot(office: Office, startsAt: Date): SlotPosition | undefined {
  if (startsAt.getTime() % 60_000 !== 0) return undefined;
  const wall = tehranWallTimeOf(startsAt);
  const minuteOfDay = wall.hour * 60 + wall.minute;
  const onGrid = office.weeklyHours[weekdayOf(wall.date)].some(
    (range) => minuteOfDay >= range.opens && minuteOfDay + office.slotMinutes <= range.closes && (minuteOfDay - range.opens) % office.slotMinutes === 0,
  );
  // The round trip rejects the second occurrence of a repeated autumn hour (old daylight-saving years).
  if (!onGrid || tehranInstantAt(wall.date, minuteOfDay).getTime() !== startsAt.getTime()) return undefined;
  return { date: wall.date, minuteOfDay };
}

/** The Tehran calendar days on which slots are offered at `now`: today and the following days of the horizon. */
export function bookingWindow(now: Date, horizonDays: number): JalaliDate[] {
  const today = jalaliDateInTehran(now);
  return Array.from({ length: horizonDays }, (_, offset) => addDays(today, offset));
}

/** True when `date` lies within the booking window at `now`. */
export function isWithinWindow(date: JalaliDate, now: Date, horizonDays: number): boolean {
  const today = jalaliDateInTehran(now);
  return compareJalali(date, today) >= 0 && compareJalali(date, addDays(today, horizonDays - 1)) <= 0;
}

/** A stable key for a calendar day (yyyy/mm/dd), for sets and maps. */
export function dayKey(date: JalaliDate): string {
  return jalaliDateToString(date);
}
