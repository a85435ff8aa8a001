import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { describe, expect, it } from "vitest";
import { bookableDays, earliestFreeSlot, freeSlotsOn, occupancyByOffice } from "../../../src/domain/booking/availability.js";
import type { OfficeOccupancy, SlotOccupancy } from "../../../src/domain/booking/availability.js";
import { slotStartsOn } from "../../../src/domain/booking/slot-schedule.js";
import { at, FRIDAY, makeOffice, NEXT_SATURDAY, SATURDAY, THURSDAY, WEDNESDAY } from "./office-fixtures.js";

/** An office's view with nothing booked and nothing closed beyond its own data. */
const EMPTY_OCCUPANCY: OfficeOccupancy = { seatsAt: () => undefined, isClosed: () => false };

const policy = { changeCutoffMs: 0, noShowGraceMs: 0, noShowBanMs: 0, horizonDays: 8, minimumLeadMs: 0, checkInOpensBeforeMs: 0 };

function fullDay(officeId: number, starts: Date[], capacity = 2): SlotOccupancy[] {
  return starts.map((startsAt) => ({ officeId, startsAt, capacity, booked: capacity }));
}

describe("free slots", () => {
  const office = makeOffice();

  it("offers only slots that start after now", () => {
    const free = freeSlotsOn(office, SATURDAY, EMPTY_OCCUPANCY, at(SATURDAY, 10, 0), policy);
    expect(free[0]!.startsAt).toEqual(at(SATURDAY, 10, 15));
    expect(free).toHaveLength(17);
  });

  it("counts the seats left in materialised slots and leaves full ones out", () => {
    const occupancy = occupancyByOffice({
      slots: [
        { officeId: office.id, startsAt: at(SATURDAY, 7, 30), capacity: 2, booked: 2 },
        { officeId: office.id, startsAt: at(SATURDAY, 7, 45), capacity: 2, booked: 1 },
      ],
      closedDays: [],
    })(office.id);
    const free = freeSlotsOn(office, SATURDAY, occupancy, at(SATURDAY, 0, 0), DEFAULT_BOOKING_POLICY);
    expect(free[0]).toEqual({ officeId: office.id, startsAt: at(SATURDAY, 7, 45), freeSeats: 1 });
    expect(free[1]).toEqual({ officeId: office.id, startsAt: at(SATURDAY, 8, 0), freeSeats: 2 });
  });

  it("does not offer a full day, a closed day, Friday, or days beyond the window", () => {
    const occupancy = occupancyByOffice({
      slots: fullDay(office.id, slotStartsOn(office, SATURDAY)),
      closedDays: [{ officeId: office.id, date: WEDNESDAY }],
    })(office.id);
    const days = bookableDays(office, occupancy, at(SATURDAY, 0, 0), policy);
    const dayNumbers = days.map((day) => day.date.day);
    expect(dayNumbers).toEqual([6, 7, 8, 10, 12]);
    expect(dayNumbers).not.toContain(SATURDAY.day);
    expect(dayNumbers).not.toContain(WEDNESDAY.day);
    expect(dayNumbers).not.toContain(FRIDAY.day);
    expect(days.find((day) => day.date.day === THURSDAY.day)).toMatchObject({ weekday: 5, freeSlots: 18, firstFree: at(THURSDAY, 7, 30) });
    expect(days.at(-1)!.date).toEqual(NEXT_SATURDAY);
  });

  it("offers nothing at an inactive office", () => {
    expect(freeSlotsOn(makeOffice({ active: false }), SATURDAY, EMPTY_OCCUPANCY, at(SATURDAY, 0, 0), DEFAULT_BOOKING_POLICY)).toEqual([]);
  });

  it("finds the earliest free slot after full ones, across Friday", () => {
    const occupancy = occupancyByOffice({ slots: fullDay(office.id, slotStartsOn(office, THURSDAY)), closedDays: [] })(office.id);
    expect(earliestFreeSlot(office, occupancy, at(THURSDAY, 0, 0), policy)?.startsAt).toEqual(at(NEXT_SATURDAY, 7, 30));
    expect(earliestFreeSlot(office, occupancy, at(THURSDAY, 0, 0), { ...policy, horizonDays: 2 })).toBeNull();
  });

  it("can start the search at a wanted time", () => {
    const found = earliestFreeSlot(office, EMPTY_OCCUPANCY, at(SATURDAY, 0, 0), policy, at(SATURDAY, 11, 0));
    expect(found?.startsAt).toEqual(at(SATURDAY, 11, 0));
  });
});
