// Choosing by place and by time: nearest offices with their earliest free time, an office's free days and slots.
import type { JalaliDate } from "../time/jalali.js";
import { bookableDays, earliestFreeSlot, freeSlotsOn, occupancyByOffice } from "./availability.js";
import type { BookableDay, FreeSlot, OfficeOccupancy } from "./availability.js";
import type { BookingPolicy } from "./booking-policy.js";
import type { BookingDeps } from "./booking-deps.js";
import type { GeoPoint } from "./geo.js";
import type { NearbyOffice } from "./nearest-office-index.js";
import { OFFICE_TYPES } from "./office.js";
import type { Office, OfficeType } from "./office.js";
import { bookingWindow, isWithinWindow, tehranDayBounds } from "./slot-schedule.js";

/** A nearby office with its earliest free slot in the booking window (null: fully booked or closed throughout). */
export interface NearbyOfficeWithSlot extends NearbyOffice {
  readonly earliestFree: FreeSlot | null;
}

/** The instants the booking window spans at `now`: from now to the end of its last day. */
export function windowBounds(now: Date, policy: BookingPolicy): { from: Date; to: Date } {
  const days = bookingWindow(now, policy.horizonDays);
  const last = days[days.length - 1];
  return { from: now, to: last === undefined ? now : tehranDayBounds(last).to };
}

/** Seats and closed days of these offices over the booking window, one view per office. */
export async function loadOccupancy(deps: BookingDeps, officeIds: readonly number[], now: Date): Promise<(officeId: number) => OfficeOccupancy> {
  const bounds = windowBounds(now, deps.policy);
  const snapshot = officeIds.length === 0 ? { slots: [], closedDays: [] } : await deps.store.occupancy(officeIds, bounds.from, bounds.to);
  return occupancyByOffice(snapshot);
}

/** The nearest active offices to the citizen's location (optionally of one type), each with its distance and earliest free time. */
export async function nearestOffices(
  deps: BookingDeps,
  request: { readonly point: GeoPoint; readonly type?: OfficeType; readonly limit?: number; readonly now: Date },
): Promise<NearbyOfficeWithSlot[]> {
  const policy = deps.policy;
  const nearby = (await deps.offices.catalog()).nearest(request.point, { type: request.type, limit: request.limit ?? 5 });
  const occupancy = await loadOccupancy(
    deps,
    nearby.map((near) => near.office.id),
    request.now,
  );
  return nearby.map((near) => ({ ...near, earliestFree: earliestFreeSlot(near.office, occupancy(near.office.id), request.now, policy) }));
}

/**
 * "Earliest free time near me": among the `candidates` nearest offices, those with a free slot, earliest
 * first (nearer first on equal times), at most `limit`.
 */
export async function earliestNear(
  deps: BookingDeps,
  request: { readonly point: GeoPoint; readonly type?: OfficeType; readonly candidates?: number; readonly limit?: number; readonly now: Date },
): Promise<Array<NearbyOfficeWithSlot & { readonly earliestFree: FreeSlot }>> {
  const offices = await nearestOffices(deps, { point: request.point, type: request.type, limit: request.candidates ?? 10, now: request.now });
  return offices
    .filter((office): office is NearbyOfficeWithSlot & { earliestFree: FreeSlot } => office.earliestFree !== null)
    .sort((a, b) => a.earliestFree.startsAt.getTime() - b.earliestFree.startsAt.getTime() || a.distanceKm - b.distanceKm)
    .slice(0, request.limit ?? 5);
}

/** The days an office has free slots in the booking window (Jalali date and weekday), or null for an unknown or inactive office. */
export async function officeBookableDays(deps: BookingDeps, request: { readonly officeId: number; readonly now: Date }): Promise<BookableDay[] | null> {
  const office = await activeOffice(deps, request.officeId);
  if (office === undefined) return null;
  const occupancy = await loadOccupancy(deps, [office.id], request.now);
  return bookableDays(office, occupancy(office.id), request.now, deps.policy);
}

/** The free future slots of an office on a day of the booking window, or null for an unknown or inactive office. */
export async function officeFreeSlotsOn(
  deps: BookingDeps,
  request: { readonly officeId: number; readonly date: JalaliDate; readonly now: Date },
): Promise<FreeSlot[] | null> {
  const office = await activeOffice(deps, request.officeId);
  if (office === undefined) return null;
  if (!isWithinWindow(request.date, request.now, deps.policy.horizonDays)) return [];
  const day = tehranDayBounds(request.date);
  const snapshot = await deps.store.occupancy([office.id], day.from, day.to);
  return freeSlotsOn(office, request.date, occupancyByOffice(snapshot)(office.id), request.now, deps.policy);
}

/** One day across several offices: its date and the free seats of all of them together. */
export interface DayAcrossOffices {
  readonly date: JalaliDate;
  readonly freeSlots: number;
}

/** Choosing by time, first step: every day any of these offices has free slots, free seats summed, earliest first. */
export async function bookableDaysAcross(
  deps: BookingDeps,
  request: { readonly officeIds: readonly number[]; readonly now: Date },
): Promise<DayAcrossOffices[]> {
  const days = new Map<string, DayAcrossOffices>();
  for (const officeId of request.officeIds) {
    for (const day of (await officeBookableDays(deps, { officeId, now: request.now })) ?? []) {
      const key = sortableDayKey(day.date);
      days.set(key, { date: day.date, freeSlots: (days.get(key)?.freeSlots ?? 0) + day.freeSlots });
    }
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, day]) => day);
}

/**
 * Choosing by time, second step: the free slots of these offices on one day, earliest first; at the same
 * time the office listed first (the nearer) first. At most `limit`.
 */
export async function freeSlotsAcross(
  deps: BookingDeps,
  request: { readonly officeIds: readonly number[]; readonly date: JalaliDate; readonly now: Date; readonly limit: number },
): Promise<Array<{ readonly officeId: number; readonly slot: FreeSlot }>> {
  const found: Array<{ officeId: number; slot: FreeSlot }> = [];
  for (const officeId of request.officeIds) {
    for (const slot of (await officeFreeSlotsOn(deps, { officeId, date: request.date, now: request.now })) ?? []) found.push({ officeId, slot });
  }
  return found.sort((a, b) => a.slot.startsAt.getTime() - b.slot.startsAt.getTime()).slice(0, request.limit);
}

/**
 * Choosing by city: its active offices (optionally of one type) in Persian alphabetical order, numbers
 * by value; the page from `offset`, at most `limit`, each with its earliest free time.
 */
export async function officesInCity(
  deps: BookingDeps,
  request: { readonly cityId: number; readonly type?: OfficeType; readonly now: Date; readonly limit: number; readonly offset?: number },
): Promise<Array<{ readonly office: Office; readonly earliestFree: FreeSlot | null }>> {
  const offset = request.offset ?? 0;
  const inCity = (await deps.offices.catalog())
    .activeInCity(request.cityId)
    .filter((office) => request.type === undefined || office.type === request.type)
    .slice(offset, offset + request.limit);
  const occupancy = await loadOccupancy(
    deps,
    inCity.map((office) => office.id),
    request.now,
  );
  const policy = deps.policy;
  return inCity.map((office) => ({ office, earliestFree: earliestFreeSlot(office, occupancy(office.id), request.now, policy) }));
}

/** How many active offices of each type a city has (types it has none of are left out), in OFFICE_TYPES order. */
export async function officeTypesInCity(deps: BookingDeps, cityId: number): Promise<Array<{ readonly type: OfficeType; readonly count: number }>> {
  const inCity = (await deps.offices.catalog()).activeInCity(cityId);
  return OFFICE_TYPES.map((type) => ({ type, count: inCity.filter((office) => office.type === type).length })).filter((entry) => entry.count > 0);
}

const sortableDayKey = (date: JalaliDate) => `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;

async function activeOffice(deps: BookingDeps, officeId: number): Promise<Office | undefined> {
  const office = (await deps.offices.catalog()).get(officeId);
  return office?.active ? office : undefined;
}
