// Offices where the in-person step happens: their kinds, what the booking rules need to know about each.
import type { JalaliDate } from "../time/jalali.js";
import type { GeoPoint } from "./geo.js";
import type { WeeklyHours } from "./weekly-hours.js";

/** The three kinds of office that take smart-card applicants: government counters, post offices, civil registration. */
export const OFFICE_TYPES = ["pishkhan", "post", "civil_registration"] as const;

/** A kind of office. */
export type OfficeType = (typeof OFFICE_TYPES)[number];

/** True when the value names an office type. */
export function isOfficeType(value: string): value is OfficeType {
  return (OFFICE_TYPES as readonly string[]).includes(value);
}

/** Slot length when an office gives none: long enough for the document check, photo and fingerprints. */
export const DEFAULT_SLOT_MINUTES = 15;
/** Counters (people served per slot) when an office gives none. */
export const DEFAULT_COUNTERS = 1;
/** Accepted slot lengths, in minutes. */
export const SLOT_MINUTES_RANGE = { min: 5, max: 240 } as const;
/** Accepted counter counts; the upper bound only catches typos. */
export const COUNTERS_RANGE = { min: 1, max: 1000 } as const;

/** An office as the booking rules see it. */
export interface Office {
  readonly id: number;
  /** The office's stable code in import files (the key a re-import updates by). */
  readonly code: string;
  readonly type: OfficeType;
  readonly name: string;
  readonly provinceId: number;
  readonly cityId: number;
  readonly address: string;
  readonly phone: string;
  readonly location: GeoPoint;
  readonly weeklyHours: WeeklyHours;
  /** Length of one appointment slot. */
  readonly slotMinutes: number;
  /** How many people one slot serves (the seats of a slot). */
  readonly counters: number;
  /** Days the office is closed besides its weekly closed days: national holidays and its own. */
  readonly closedDates: readonly JalaliDate[];
  /** Inactive offices are not offered and take no bookings. */
  readonly active: boolean;
}
