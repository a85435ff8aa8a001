// Alternatives to a slot that filled up: the next free slots at the same office and free slots at nearby offices.
import { earliestFreeSlot, freeSlotsOn } from "./availability.js";
import type { FreeSlot } from "./availability.js";
import type { BookingDeps } from "./booking-deps.js";
import type { NearbyOffice } from "./nearest-office-index.js";
import type { OfficeType } from "./office.js";
import { loadOccupancy } from "./office-search.js";
import { bookingWindow } from "./slot-schedule.js";

/** What to offer instead of a slot that is taken. */
export interface Alternatives {
  /** The office's next free slots from the wanted time on (or from now, if it has none later). */
  readonly sameOffice: readonly FreeSlot[];
  /** Nearby offices, nearest first, each with its free slot closest after the wanted time. */
  readonly nearby: ReadonlyArray<NearbyOffice & { readonly slot: FreeSlot }>;
}

/**
 * The nearest alternatives to a wanted slot, for a button pressed on an old message or a lost race;
 * nearby offices only of the type asked for, when one is.
 * Uses one store read for the office and its neighbours.
 */
export async function findAlternatives(
  deps: BookingDeps,
  request: {
    readonly officeId: number;
    readonly startsAt: Date;
    readonly now: Date;
    /** How many slots at the same office (default 3). */
    readonly sameOfficeLimit?: number;
    /** How many other offices (default 3). */
    readonly nearbyLimit?: number;
    /** How many neighbours to look at for those (default 8). */
    readonly nearbyCandidates?: number;
    /** Only nearby offices of this type: the type the citizen chose to book at. */
    readonly type?: OfficeType;
  },
): Promise<Alternatives> {
  const policy = deps.policy;
  const catalog = await deps.offices.catalog();
  const office = catalog.get(request.officeId);
  if (office === undefined) return { sameOffice: [], nearby: [] };
  const neighbours = catalog.nearest(office.location, {
    limit: request.nearbyCandidates ?? 8,
    type: request.type,
    exclude: new Set([office.id]),
  });
  const occupancy = await loadOccupancy(deps, [office.id, ...neighbours.map((near) => near.office.id)], request.now);
  const wanted = request.startsAt.getTime() > request.now.getTime() ? request.startsAt : request.now;

  const sameOfficeLimit = request.sameOfficeLimit ?? 3;
  const later: FreeSlot[] = [];
  const earlier: FreeSlot[] = [];
  if (office.active) {
    for (const date of bookingWindow(request.now, policy.horizonDays)) {
      for (const slot of freeSlotsOn(office, date, occupancy(office.id), request.now, policy)) {
        (slot.startsAt.getTime() >= wanted.getTime() ? later : earlier).push(slot);
      }
      if (later.length >= sameOfficeLimit) break;
    }
  }
  // Prefer what follows the wanted time; fall back to the latest earlier ones, nearest to it first.
  const sameOffice = [...later, ...earlier.reverse()].slice(0, sameOfficeLimit);

  const nearby: Array<NearbyOffice & { slot: FreeSlot }> = [];
  for (const near of neighbours) {
    const slot =
      earliestFreeSlot(near.office, occupancy(near.office.id), request.now, policy, wanted) ??
      earliestFreeSlot(near.office, occupancy(near.office.id), request.now, policy);
    if (slot !== null) nearby.push({ ...near, slot });
    if (nearby.length >= (request.nearbyLimit ?? 3)) break;
  }
  return { sameOffice, nearby };
}
