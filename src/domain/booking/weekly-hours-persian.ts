// Weekly hours written for Persian readers: weekday names from Intl (fa-IR), Persian digits, Saturday first.
import { toPersianDigits } from "../text/digits.js";
import { TEHRAN_TIME_ZONE } from "../time/tehran-clock.js";
import type { Weekday } from "../time/jalali.js";
import { formatMinuteOfDay, parseWeeklyHours, type WeeklyHours } from "./weekly-hours.js";

const weekdayName = new Intl.DateTimeFormat("fa-IR", { timeZone: TEHRAN_TIME_ZONE, weekday: "long" });
/** Noon in Tehran on Saturday 1 Farvardin 1403 (2024-03-23); the next six days follow. */
const A_SATURDAY = Date.UTC(2024, 2, 23, 8, 30);
const NAMES = Array.from({ length: 7 }, (_, day) => weekdayName.format(new Date(A_SATURDAY + day * 86_400_000)));
const LIST_COMMA = "\u060C "; // «، »
const RANGE_DASH = "\u2013"; // en dash

/** e.g. «شنبه–چهارشنبه ۰۷:۳۰–۱۴:۳۰، پنجشنبه ۰۷:۳۰–۱۲:۰۰»; days not named are closed. */
export function persianWeeklyHours(hours: WeeklyHours): string {
  const clauses: string[] = [];
  let start = 0;
  while (start < 7) {
    let end = start;
    const same = (a: Weekday, b: Weekday) => JSON.stringify(hours[a]) === JSON.stringify(hours[b]);
    while (end + 1 < 7 && same((end + 1) as Weekday, start as Weekday)) end++;
    const ranges = hours[start as Weekday];
    if (ranges.length > 0) {
      const days = start === end ? NAMES[start] : `${NAMES[start]}${RANGE_DASH}${NAMES[end]}`;
      const times = ranges.map((range) => `${formatMinuteOfDay(range.opens)}${RANGE_DASH}${formatMinuteOfDay(range.closes)}`).join(LIST_COMMA);
      clauses.push(`${days} ${toPersianDigits(times)}`);
    }
    start = end + 1;
  }
  return clauses.join(LIST_COMMA);
}

/** The same from the stored text form; the text itself when it does not parse. */
export function persianWeeklyHoursText(text: string): string {
  const parsed = parseWeeklyHours(text);
  return parsed.ok ? persianWeeklyHours(parsed.value) : text;
}
