// The rules behind choosing a time, without a bot: a city's offices by type in Persian order and by page,
// alternatives of one type, office names that say their type, a typed time of day.
import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { describe, expect, it } from "vitest";
import { findAlternatives } from "../../../src/domain/booking/alternatives.js";
import type { BookingDeps } from "../../../src/domain/booking/booking-deps.js";
import { createOfficeCatalog } from "../../../src/domain/booking/office-catalog.js";
import { nameTellsType } from "../../../src/domain/booking/office-naming.js";
import { byPersianName } from "../../../src/domain/text/persian-order.js";
import { officesInCity, officeTypesInCity } from "../../../src/domain/booking/office-search.js";
import { parseClockTime } from "../../../src/domain/time/clock-time.js";
import { createInMemoryBookingStore } from "./in-memory-booking-store.js";
import { at, makeOffice, SATURDAY } from "./office-fixtures.js";

describe("a city's offices", () => {
  const names = ["ناحیه ۱۶", "ناحیه ۲", "همدان", "چهارمحال", "آبادان", "ناحیه ۱۰", "ناحیه 3"];
  const offices = names.map((name, i) => makeOffice({ id: 100 + i, name, type: i % 2 === 0 ? "civil_registration" : "post" }));
  const deps: BookingDeps = {
    offices: { catalog: async () => createOfficeCatalog(offices) },
    store: createInMemoryBookingStore(() => offices),
    policy: DEFAULT_BOOKING_POLICY,
  };
  const now = at(SATURDAY, 7, 0);

  it("sorts names as Persian readers expect: Persian alphabet, numbers by value in any digits", () => {
    expect(byPersianName(names.map((name) => ({ name }))).map((office) => office.name)).toEqual([
      "آبادان",
      "چهارمحال",
      "ناحیه ۲",
      "ناحیه 3",
      "ناحیه ۱۰",
      "ناحیه ۱۶",
      "همدان",
    ]);
  });

  it("lists them in that order, of one type when asked, a page at a time, and counts each type", async () => {
    const all = await officesInCity(deps, { cityId: 399, now, limit: 3 });
    expect(all.map(({ office }) => office.name)).toEqual(["آبادان", "چهارمحال", "ناحیه ۲"]);
    const second = await officesInCity(deps, { cityId: 399, now, limit: 3, offset: 3 });
    expect(second.map(({ office }) => office.name)).toEqual(["ناحیه 3", "ناحیه ۱۰", "ناحیه ۱۶"]);
    const civil = await officesInCity(deps, { cityId: 399, type: "civil_registration", now, limit: 10 });
    expect(civil.map(({ office }) => office.name)).toEqual(["آبادان", "ناحیه 3", "ناحیه ۱۶", "همدان"]);
    expect(await officeTypesInCity(deps, 399)).toEqual([
      { type: "post", count: 3 },
      { type: "civil_registration", count: 4 },
    ]);
  });
});

describe("alternatives", () => {
  it("offers nearby offices of the type the citizen chose only", async () => {
    const offices = [
      makeOffice({ id: 1, type: "post", location: { latitude: 35.7, longitude: 51.4 } }),
      makeOffice({ id: 2, type: "pishkhan", location: { latitude: 35.7001, longitude: 51.4001 } }),
      makeOffice({ id: 3, type: "pishkhan", location: { latitude: 35.7002, longitude: 51.4002 } }),
      makeOffice({ id: 4, type: "post", location: { latitude: 35.75, longitude: 51.45 } }),
    ];
    const deps: BookingDeps = {
      offices: { catalog: async () => createOfficeCatalog(offices) },
      store: createInMemoryBookingStore(() => offices),
      policy: DEFAULT_BOOKING_POLICY,
    };
    const request = { officeId: 1, startsAt: at(SATURDAY, 10, 0), now: at(SATURDAY, 7, 0) };
    expect((await findAlternatives(deps, request)).nearby.map((near) => near.office.id)).toEqual([2, 3, 4]);
    expect((await findAlternatives(deps, { ...request, type: "post" })).nearby.map((near) => near.office.id)).toEqual([4]);
  });
});

describe("office names", () => {
  it("knows when a name already says the office's type", () => {
    expect(nameTellsType("دفتر پیشخوان دولت شماره ۷۰۰۱ آب پخش", "pishkhan")).toBe(true);
    expect(nameTellsType("اداره پست تهران", "post")).toBe(true);
    expect(nameTellsType("اداره ثبت احوال تهران ناحیه ۲", "civil_registration")).toBe(true);
    expect(nameTellsType("اداره\u200cی ثبت\u200cاحوال کرج", "civil_registration")).toBe(true);
    expect(nameTellsType("دفتر شماره ۱۲ اصفهان", "pishkhan")).toBe(false);
  });
});

describe("a typed time of day", () => {
  it.each([
    ["۱۴:۳۰", 14, 30],
    ["14:30", 14, 30],
    ["۱۴٫۳۰", 14, 30],
    ["14.30", 14, 30],
    ["١٤:٣٠", 14, 30],
    ["۹:۰۵", 9, 5],
    ["ساعت ۹", 9, 0],
    ["۱۴ ۳۰", 14, 30],
  ])("reads %s", (typed, hour, minute) => {
    expect(parseClockTime(typed)).toEqual({ hour, minute });
  });

  it.each(["25:00", "14:60", "ساعت هفت", "14:3", "", "۱۴:۳۰:۰۰"])("refuses %s", (typed) => {
    expect(parseClockTime(typed)).toBeUndefined();
  });
});

describe("a slot picked by a typed time", () => {
  it("takes the first listed slot starting then on a Tehran clock, or none", async () => {
    const { firstStartingAt } = await import("../../../src/domain/booking/slot-at-time.js");
    const options = [
      { startsAt: at(SATURDAY, 9, 0).toISOString(), office: 1 },
      { startsAt: at(SATURDAY, 14, 30).toISOString(), office: 1 },
      { startsAt: at(SATURDAY, 14, 30).toISOString(), office: 2 },
    ];
    expect(firstStartingAt(options, { hour: 14, minute: 30 })?.office).toBe(1);
    expect(firstStartingAt(options, { hour: 14, minute: 45 })).toBeUndefined();
  });
});
