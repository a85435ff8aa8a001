import { describe, expect, it } from "vitest";
import { isClosedOn, locateSlot, slotStartsOn, tehranDayBounds } from "../../../src/domain/booking/slot-schedule.js";
import { parseWeeklyHours } from "../../../src/domain/booking/weekly-hours.js";
import { at, FRIDAY, makeOffice, SATURDAY, THURSDAY, WEDNESDAY } from "./office-fixtures.js";

describe("slot generation in Tehran time", () => {
  it("offers 15-minute slots from 07:30 to the last one that ends by 14:30 on a Saturday", () => {
    const slots = slotStartsOn(makeOffice(), SATURDAY);
    expect(slots).toHaveLength(28);
    expect(slots[0]).toEqual(at(SATURDAY, 7, 30));
    expect(slots[27]).toEqual(at(SATURDAY, 14, 15));
    // Tehran is UTC+03:30: 07:30 there is 04:00 UTC.
    expect(slots[0]!.toISOString()).toBe("2026-04-25T04:00:00.000Z");
  });

  it("stops at noon on Thursday and offers nothing on Friday", () => {
    const thursday = slotStartsOn(makeOffice(), THURSDAY);
    expect(thursday).toHaveLength(18);
    expect(thursday.at(-1)).toEqual(at(THURSDAY, 11, 45));
    expect(slotStartsOn(makeOffice(), FRIDAY)).toEqual([]);
    expect(isClosedOn(makeOffice(), FRIDAY)).toBe(true);
  });

  it("drops a last slot that would run past closing time", () => {
    // 07:30–14:30 is 420 minutes: 20-minute slots fit 21 times; 25-minute ones 16 times, the last at 13:45.
    expect(slotStartsOn(makeOffice({ slotMinutes: 20 }), SATURDAY)).toHaveLength(21);
    const slots = slotStartsOn(makeOffice({ slotMinutes: 25 }), SATURDAY);
    expect(slots).toHaveLength(16);
    expect(slots.at(-1)).toEqual(at(SATURDAY, 13, 45));
  });

  it("offers nothing on a closed date, and the other days as usual", () => {
    const office = makeOffice({ closedDates: [WEDNESDAY] });
    expect(slotStartsOn(office, WEDNESDAY)).toEqual([]);
    expect(isClosedOn(office, WEDNESDAY)).toBe(true);
    expect(slotStartsOn(office, SATURDAY)).toHaveLength(28);
  });

  it("follows split shifts", () => {
    const hours = parseWeeklyHours("sat 08:00-09:00,16:00-16:30");
    if (!hours.ok) throw new Error(hours.error);
    expect(slotStartsOn(makeOffice({ weeklyHours: hours.value, slotMinutes: 30 }), SATURDAY)).toEqual([at(SATURDAY, 8), at(SATURDAY, 8, 30), at(SATURDAY, 16)]);
  });

  it("uses the offset in force on the day: UTC+04:30 in summer 1401, when Iran still kept daylight saving time", () => {
    const saturday1401 = { year: 1401, month: 3, day: 7 };
    expect(slotStartsOn(makeOffice(), saturday1401)[0]!.toISOString()).toBe("2022-05-28T03:00:00.000Z");
  });

  it("gives the Tehran day bounds, midnight to midnight", () => {
    expect(tehranDayBounds(SATURDAY)).toEqual({ from: new Date("2026-04-24T20:30:00Z"), to: new Date("2026-04-25T20:30:00Z") });
  });
});

describe("locateSlot", () => {
  const office = makeOffice();

  it("finds the day and minute of a slot start", () => {
    expect(locateSlot(office, at(SATURDAY, 9, 45))).toEqual({ date: SATURDAY, minuteOfDay: 9 * 60 + 45 });
  });

  it.each([
    ["off the 15-minute grid", at(SATURDAY, 9, 50)],
    ["before opening", at(SATURDAY, 7, 15)],
    ["a slot that would end after closing", at(SATURDAY, 14, 30)],
    ["Thursday afternoon", at(THURSDAY, 12, 0)],
    ["Friday", at(FRIDAY, 9, 0)],
    ["with seconds", new Date(at(SATURDAY, 9, 0).getTime() + 1000)],
  ])("refuses a time %s", (_label, startsAt) => {
    expect(locateSlot(office, startsAt)).toBeUndefined();
  });
});
