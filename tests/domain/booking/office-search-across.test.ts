// Choosing by time across offices (days summed, times merged) and a city's offices with their earliest time: domain rules, no bot.
import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { beforeEach, describe, expect, it } from "vitest";
import { bookAppointment } from "../../../src/domain/booking/book-appointment.js";
import type { BookingDeps } from "../../../src/domain/booking/booking-deps.js";
import type { Office } from "../../../src/domain/booking/office.js";
import { createOfficeCatalog } from "../../../src/domain/booking/office-catalog.js";
import { bookableDaysAcross, freeSlotsAcross, officeBookableDays, officeFreeSlotsOn, officesInCity } from "../../../src/domain/booking/office-search.js";
import { compareJalali } from "../../../src/domain/time/jalali.js";
import { createInMemoryBookingStore, type InMemoryBookingStore } from "./in-memory-booking-store.js";
import { at, makeOffice, SATURDAY, WEDNESDAY } from "./office-fixtures.js";

const now = at(SATURDAY, 7, 30);

describe("office search across offices", () => {
  let offices: Office[];
  let store: InMemoryBookingStore;
  let deps: BookingDeps;

  beforeEach(() => {
    offices = [
      makeOffice({ id: 1, counters: 1 }),
      makeOffice({ id: 2, counters: 2, type: "post" }),
      makeOffice({ id: 3, counters: 1, closedDates: [WEDNESDAY] }),
      makeOffice({ id: 4, active: false }),
      makeOffice({ id: 5, cityId: 1 }),
    ];
    store = createInMemoryBookingStore(() => offices);
    store.addApplication("a", "paid", 1);
    deps = { offices: { catalog: async () => createOfficeCatalog(offices) }, store, policy: DEFAULT_BOOKING_POLICY };
  });

  it("sums each day's free seats over the offices, in calendar order across a month's end", async () => {
    const days = await bookableDaysAcross(deps, { officeIds: [1, 3], now });
    const one = (await officeBookableDays(deps, { officeId: 1, now }))!;
    const saturday = days.find((day) => day.date.day === SATURDAY.day && day.date.month === SATURDAY.month)!;
    expect(saturday.freeSlots).toBe(2 * one[0]!.freeSlots); // two one-counter offices with the same hours
    const wednesday = days.find((day) => day.date.day === WEDNESDAY.day && day.date.month === WEDNESDAY.month)!;
    expect(wednesday.freeSlots).toBe(one.find((day) => day.date.day === WEDNESDAY.day)!.freeSlots); // office 3 is closed
    expect(days.length).toBeGreaterThan(20);
    expect(new Set(days.map((day) => day.date.month)).size).toBeGreaterThan(1);
    for (let i = 1; i < days.length; i++) expect(compareJalali(days[i - 1]!.date, days[i]!.date)).toBeLessThan(0);
  });

  it("merges one day's free times earliest first, the office listed first first at equal times, and leaves out taken seats", async () => {
    const first = (await officeFreeSlotsOn(deps, { officeId: 1, date: SATURDAY, now }))![0]!.startsAt;
    const later = (minutes: number) => new Date(first.getTime() + minutes * 60_000).toISOString();
    await bookAppointment(deps, { applicationId: "a", officeId: 1, startsAt: first, now });
    const times = await freeSlotsAcross(deps, { officeIds: [2, 1], date: SATURDAY, now, limit: 5 });
    expect(times.map(({ officeId, slot }) => [officeId, slot.startsAt.toISOString()])).toEqual([
      [2, later(0)],
      [2, later(15)],
      [1, later(15)],
      [2, later(30)],
      [1, later(30)],
    ]);
  });

  it("lists a city's active offices only, up to the limit, each with its earliest free time", async () => {
    const inCity = await officesInCity(deps, { cityId: 399, now, limit: 10 });
    expect(inCity.map(({ office }) => office.id)).toEqual([1, 2, 3]);
    const first = inCity[0]!.earliestFree!.startsAt;
    await bookAppointment(deps, { applicationId: "a", officeId: 1, startsAt: first, now });
    const after = await officesInCity(deps, { cityId: 399, now, limit: 2 });
    expect(after.map(({ office }) => office.id)).toEqual([1, 2]);
    expect(after[0]!.earliestFree?.startsAt).toEqual(new Date(first.getTime() + 15 * 60_000));
    expect(after[1]!.earliestFree?.startsAt).toEqual(first);
  });
});
