// Test fixtures for booking rules: offices with the default timetable, Jalali days of a known week, Tehran instants.
import type { Office } from "../../../src/domain/booking/office.js";
import { DEFAULT_WEEKLY_HOURS } from "../../../src/domain/booking/weekly-hours.js";
import type { JalaliDate } from "../../../src/domain/time/jalali.js";
import { tehranWallTimeToInstant } from "../../../src/domain/time/tehran-clock.js";

/** Saturday 5 Ordibehesht 1405 (25 April 2026) and the days of that week. */
export const SATURDAY: JalaliDate = { year: 1405, month: 2, day: 5 };
export const WEDNESDAY: JalaliDate = { year: 1405, month: 2, day: 9 };
export const THURSDAY: JalaliDate = { year: 1405, month: 2, day: 10 };
export const FRIDAY: JalaliDate = { year: 1405, month: 2, day: 11 };
export const NEXT_SATURDAY: JalaliDate = { year: 1405, month: 2, day: 12 };

/** The instant Tehran clocks show hh:mm on `date`. */
export const at = (date: JalaliDate, hour: number, minute = 0): Date => tehranWallTimeToInstant(date, hour, minute);

let nextId = 1;

/** An active pishkhan office in Tehran with the default hours, 15-minute slots and 2 counters. */
export function makeOffice(overrides: Partial<Office> = {}): Office {
  const id = overrides.id ?? nextId++;
  return {
    id,
    code: `test-${id}`,
    type: "pishkhan",
    name: `office ${id}`,
    provinceId: 8,
    cityId: 399,
    address: "تهران",
    phone: "02161912222",
    location: { latitude: 35.7, longitude: 51.4 },
    weeklyHours: DEFAULT_WEEKLY_HOURS,
    slotMinutes: 15,
    counters: 2,
    closedDates: [],
    active: true,
    ...overrides,
  };
}
