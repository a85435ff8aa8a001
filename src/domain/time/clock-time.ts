// A time of day typed by a citizen: «۱۴:۳۰», «14:30», «۱۴٫۳۰», «14.30», «۱۴ ۳۰», «ساعت ۹», in any digits.
import { stripInvisibleMarks, toLatinDigits } from "../text/digits.js";

/** Hour (0-23) and minute (0-59) on a 24-hour clock. */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

/**
 * Reads a typed time of day, or undefined when the text is not one. Separators: colon, full stop,
 * the Persian decimal separator (٫) and comma, Arabic comma, space; a lone hour means on the hour.
 * The word «ساعت» (o'clock) in front is allowed.
 */
export function parseClockTime(text: string): ClockTime | undefined {
  const plain = toLatinDigits(stripInvisibleMarks(text))
    .replace(/^\s*ساعت\s*/u, "")
    .trim();
  const match = /^(\d{1,2})(?:\s*[:.\u066b\u066c,\u060c\s]\s*(\d{2}))?$/u.exec(plain);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}
