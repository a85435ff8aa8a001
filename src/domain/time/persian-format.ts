// Display formatting: Jalali dates, Tehran times and toman amounts in Persian digits, via Intl.
import { RIAL_PER_TOMAN } from "../fees/money.js";
import { tehranDayNumber, tehranWallTimeToInstant, TEHRAN_TIME_ZONE } from "./tehran-clock.js";
import { isValidJalaliDate, type JalaliDate } from "./jalali.js";
import { BoundedMemo } from "../shared/bounded-memo.js";

const PERSIAN_LOCALE = "fa-IR-u-ca-persian-nu-arabext";
const PERSIAN_DECIMAL_SEPARATOR = "\u066B"; // ٫
const PERSIAN_LIST_COMMA = "\u060C"; // ،

const dateParts = new Intl.DateTimeFormat(PERSIAN_LOCALE, {
  timeZone: TEHRAN_TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

const timeOfDay = new Intl.DateTimeFormat(PERSIAN_LOCALE, {
  timeZone: TEHRAN_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const persianInteger = new Intl.NumberFormat("fa-IR-u-nu-arabext", { useGrouping: true, maximumFractionDigits: 0 });

/** ICU writes Thursday without its half-space (ZWNJ); the Academy's spelling has it: پنج‌شنبه. */
const WEEKDAY_SPELLING: ReadonlyMap<string, string> = new Map([
  ["\u067e\u0646\u062c\u0634\u0646\u0628\u0647", "\u067e\u0646\u062c\u200c\u0634\u0646\u0628\u0647"],
]);

/** A weekday name as Persian is written (پنج‌شنبه with its half-space). */
export function spellWeekday(icuWeekday: string): string {
  return WEEKDAY_SPELLING.get(icuWeekday) ?? icuWeekday;
}

/**
 * The Tehran calendar day of an instant, written as people say it: weekday, day, month name,
 * year (Saturday 1 Farvardin 1405 in Persian words and digits). The order is built from the parts because ICU's own pattern
 * for fa-IR puts the year first and the weekday last, and differs between ICU versions.
 */
export function formatJalaliDate(instant: Date): string {
  // What it writes depends on the Tehran calendar day alone: each day's text is worked out once (Intl's
  // formatToParts is slow for a per-update path) and kept, a bounded number of days.
  const epochMs = instant.getTime();
  if (!(epochMs >= KEPT_FROM_MS && epochMs < KEPT_UNTIL_MS)) return formatDayOf(instant);
  return dateTextByDay.get(tehranDayNumber(instant), () => formatDayOf(instant));
}

const MAX_KEPT_DAYS = 4096;
/** formatJalaliDate's texts by Tehran day number. */
const dateTextByDay = new BoundedMemo<number, string>(MAX_KEPT_DAYS);
/** Days kept only from 1900 to 2200 (an invalid date, or one far off, is formatted, or refused, as it was). */
const KEPT_FROM_MS = Date.UTC(1900, 0, 1);
const KEPT_UNTIL_MS = Date.UTC(2200, 0, 1);

function formatDayOf(instant: Date): string {
  const parts = new Map(dateParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return [spellWeekday(parts.get("weekday") ?? ""), parts.get("day"), parts.get("month"), parts.get("year")].join(" ");
}

/** Tehran clock time of an instant on the 24-hour clock with Persian digits, e.g. «۱۴:۳۰», «۰۰:۰۵». */
export function formatTehranTime(instant: Date): string {
  // Tehran's offset has been whole minutes since 1946, so from 1980 the text depends on the instant's minute alone.
  const epochMs = instant.getTime();
  if (!(epochMs >= MINUTES_KEPT_FROM_MS && epochMs < KEPT_UNTIL_MS)) return timeOfDay.format(instant);
  return timeTextByMinute.get(Math.floor(epochMs / 60_000), () => timeOfDay.format(instant));
}

/** formatTehranTime's texts by minute since the epoch. */
const timeTextByMinute = new BoundedMemo<number, string>(4096);
const MINUTES_KEPT_FROM_MS = Date.UTC(1980, 0, 1);

/** Date and time in Tehran: formatJalaliDate, a Persian comma, then formatTehranTime. */
export function formatDateTime(instant: Date): string {
  return `${formatJalaliDate(instant)}${PERSIAN_LIST_COMMA} ${formatTehranTime(instant)}`;
}

/** A calendar day (no time) in the same form as formatJalaliDate, e.g. a birth date or a booking day. */
export function formatJalaliDateOnly(date: JalaliDate): string {
  // Noon is never near midnight nor a past daylight-saving change, so it names the day safely.
  const format = () => formatJalaliDate(tehranWallTimeToInstant(date, 12, 0));
  // Only a real day is kept; anything else is formatted (or refused) as before, every time.
  if (!isValidJalaliDate(date)) return format();
  return dayTextByDate.get(date.year * 10_000 + date.month * 100 + date.day, format);
}

/** formatJalaliDateOnly's texts by year * 10000 + month * 100 + day (birth dates, booking days). */
const dayTextByDate = new BoundedMemo<number, string>(MAX_KEPT_DAYS);

/**
 * A rial amount shown in toman with Persian digits and the Persian thousands separator (٬),
 * e.g. 310000 → «۳۱٬۰۰۰». Only the number: the word for toman is in the locale files.
 * Amounts that are not whole toman keep one decimal (15 rial → «۱٫۵»).
 */
export function formatToman(rial: bigint | number): string {
  if (typeof rial === "number" && !Number.isSafeInteger(rial)) {
    throw new RangeError(`Rial amounts are whole numbers, got ${rial}`);
  }
  const amount = BigInt(rial);
  if (amount < 0n) throw new RangeError(`Rial amounts are not negative, got ${amount}`);
  // Fees and prices are a handful of amounts: each one's text is worked out once.
  return tomanTextByRial.get(amount, () => {
    const perToman = BigInt(RIAL_PER_TOMAN);
    const wholeToman = persianInteger.format(amount / perToman);
    const tenthsOfToman = amount % perToman;
    return tenthsOfToman === 0n ? wholeToman : `${wholeToman}${PERSIAN_DECIMAL_SEPARATOR}${persianInteger.format(tenthsOfToman)}`;
  });
}

const tomanTextByRial = new BoundedMemo<bigint, string>(1024);
