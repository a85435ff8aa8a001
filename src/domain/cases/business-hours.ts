// Hotline business hours (Saturday-Wednesday, Thursday morning, Tehran time, holidays as data) and the
// deadlines counted in them.
import { addDays, compareJalali, weekdayOf, type JalaliDate, type Weekday } from "../time/jalali.js";
import { jalaliDateInTehran, tehranWallTimeToInstant } from "../time/tehran-clock.js";

/** Opening minutes of the day per weekday (0 = Saturday … 6 = Friday); an empty list is a closed day. */
export type WorkingDay = ReadonlyArray<{ readonly from: number; readonly to: number }>;

export interface BusinessCalendar {
  readonly week: readonly [WorkingDay, WorkingDay, WorkingDay, WorkingDay, WorkingDay, WorkingDay, WorkingDay];
  /** Official holidays (data from the business_holidays table). */
  readonly holidays: readonly JalaliDate[];
}

const H = 60;
/** Saturday-Wednesday 08:00-16:00, Thursday 08:00-12:00, Friday closed. */
export const DEFAULT_WEEK: BusinessCalendar["week"] = [
  [{ from: 8 * H, to: 16 * H }],
  [{ from: 8 * H, to: 16 * H }],
  [{ from: 8 * H, to: 16 * H }],
  [{ from: 8 * H, to: 16 * H }],
  [{ from: 8 * H, to: 16 * H }],
  [{ from: 8 * H, to: 12 * H }],
  [],
];

export function businessCalendar(holidays: readonly JalaliDate[] = []): BusinessCalendar {
  return { week: DEFAULT_WEEK, holidays };
}

const MINUTE_MS = 60_000;
/** Enough days to cross any run of holidays (Nowruz is the longest). */
const MAX_DAYS_SCANNED = 400;

function openIntervals(calendar: BusinessCalendar, day: JalaliDate): Array<{ start: Date; end: Date }> {
  if (calendar.holidays.some((holiday) => compareJalali(holiday, day) === 0)) return [];
  const ranges = calendar.week[weekdayOf(day) as Weekday];
  return ranges.map((range) => ({
    start: tehranWallTimeToInstant(day, Math.floor(range.from / H), range.from % H),
    end: tehranWallTimeToInstant(day, Math.floor(range.to / H), range.to % H),
  }));
}

/** The instant `minutes` business minutes after `from` (a case opened on Friday starts counting on Saturday). */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`business minutes must be >= 0: ${minutes}`);
  let left = minutes * MINUTE_MS;
  let day = jalaliDateInTehran(from);
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day = addDays(day, 1)) {
    for (const interval of openIntervals(calendar, day)) {
      const start = Math.max(interval.start.getTime(), from.getTime());
      if (start >= interval.end.getTime()) continue;
      const available = interval.end.getTime() - start;
      if (left <= available) return new Date(start + left);
      left -= available;
    }
  }
  throw new RangeError("no business hours in the next year");
}

/** True when the instant falls inside business hours. */
export function isBusinessTime(calendar: BusinessCalendar, at: Date): boolean {
  return openIntervals(calendar, jalaliDateInTehran(at)).some((i) => at >= i.start && at < i.end);
}
