// Birth date: parses a typed Jalali birth date and checks it against the smart-card age rules.
import { fail, ok } from "../shared/result.js";
import type { Result } from "../shared/result.js";
import { ageInFullYears, compareJalali, isLeapJalaliYear, parseJalaliDate } from "../time/jalali.js";
import type { JalaliDate, JalaliDateError } from "../time/jalali.js";

/** The smart card is issued to Iranian nationals who have completed 15 years of age. */
export const MINIMUM_AGE_YEARS = 15;

/**
 * Earlier birth years are treated as typos (1280 is about 125 years before today), e.g. 1237
 * typed for 1372.
 */
export const EARLIEST_BIRTH_YEAR = 1280;

/** Why a typed birth date was refused. */
export type BirthDateError = JalaliDateError | "in_future" | "too_young" | "too_old";

/**
 * Parses a birth date and checks it against today's date in Tehran (see jalaliDateInTehran).
 * A person whose 15th birthday is today is old enough; an Esfand 30 birthday in a common year
 * counts on 1 Farvardin (see ageInFullYears).
 */
export function validateBirthDate(raw: string, todayInTehran: JalaliDate): Result<JalaliDate, BirthDateError> {
  const parsed = parsePlausibleBirthDate(raw, todayInTehran);
  if (!parsed.ok) return parsed;
  if (!isOldEnough(parsed.value, todayInTehran)) return fail("too_young");
  return parsed;
}

/** A real Jalali date that can be someone's birth date (not in the future, not a typo for a century ago); age not checked. */
export function parsePlausibleBirthDate(raw: string, todayInTehran: JalaliDate): Result<JalaliDate, Exclude<BirthDateError, "too_young">> {
  const parsed = parseJalaliDate(raw);
  if (!parsed.ok) return parsed;
  const birth = parsed.value;
  if (compareJalali(birth, todayInTehran) > 0) return fail("in_future");
  if (birth.year < EARLIEST_BIRTH_YEAR) return fail("too_old");
  return ok(birth);
}

/** Whether a person born on `birth` has completed the minimum age on `todayInTehran`. */
export function isOldEnough(birth: JalaliDate, todayInTehran: JalaliDate): boolean {
  return ageInFullYears(birth, todayInTehran) >= MINIMUM_AGE_YEARS;
}

/**
 * The first day a person born on `birth` may apply: their 15th birthday, or 1 Farvardin after it for an
 * Esfand 30 birthday that falls in a common year (the same rule as ageInFullYears).
 */
export function firstEligibleDay(birth: JalaliDate): JalaliDate {
  const year = birth.year + MINIMUM_AGE_YEARS;
  if (birth.month === 12 && birth.day === 30 && !isLeapJalaliYear(year)) return { year: year + 1, month: 1, day: 1 };
  return { year, month: birth.month, day: birth.day };
}
