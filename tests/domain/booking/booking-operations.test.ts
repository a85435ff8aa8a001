import { beforeEach, describe, expect, it } from "vitest";
import { findAlternatives } from "../../../src/domain/booking/alternatives.js";
import { bookAppointment, checkBookingEligibility } from "../../../src/domain/booking/book-appointment.js";
import { bookedTooLateToChange, DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import type { BookingDeps } from "../../../src/domain/booking/booking-deps.js";
import { cancelAppointment, rescheduleAppointment } from "../../../src/domain/booking/change-appointment.js";
import { checkInAppointment, completeAppointment } from "../../../src/domain/booking/check-in.js";
import { sweepNoShows } from "../../../src/domain/booking/no-show.js";
import type { Office } from "../../../src/domain/booking/office.js";
import { createOfficeCatalog } from "../../../src/domain/booking/office-catalog.js";
import { closeOfficeDay } from "../../../src/domain/booking/office-day-closure.js";
import { earliestNear, nearestOffices, officeBookableDays, officeFreeSlotsOn } from "../../../src/domain/booking/office-search.js";
import { addDays } from "../../../src/domain/time/jalali.js";
import { createInMemoryBookingStore } from "./in-memory-booking-store.js";
import type { InMemoryBookingStore } from "./in-memory-booking-store.js";
import { at, FRIDAY, makeOffice, SATURDAY, THURSDAY, WEDNESDAY } from "./office-fixtures.js";

const HOUR = 3_600_000;
const now = at(SATURDAY, 8, 0);
const NO_LEAD = { ...DEFAULT_BOOKING_POLICY, minimumLeadMs: 0 };

describe("booking operations", () => {
  let offices: Office[];
  let store: InMemoryBookingStore;
  let deps: BookingDeps;
  let office: Office;

  beforeEach(() => {
    office = makeOffice({ id: 1, counters: 1, location: { latitude: 35.7, longitude: 51.4 } });
    offices = [
      office,
      makeOffice({ id: 2, type: "post", location: { latitude: 35.72, longitude: 51.42 } }),
      makeOffice({ id: 3, location: { latitude: 35.9, longitude: 51.6 }, closedDates: [WEDNESDAY] }),
      makeOffice({ id: 4, location: { latitude: 35.701, longitude: 51.401 }, active: false }),
    ];
    store = createInMemoryBookingStore(() => offices);
    for (const id of ["a", "b", "c"]) store.addApplication(id, "paid", id.charCodeAt(0));
    // No lead time here, so times just after `now` exercise the other rules; the lead has its own tests below.
    deps = { offices: { catalog: async () => createOfficeCatalog(offices) }, store, policy: NO_LEAD };
  });

  const book = (applicationId: string, startsAt: Date, officeId = office.id, when = now) =>
    bookAppointment(deps, { applicationId, officeId, startsAt, now: when });

  describe("minimum lead time", () => {
    it('offers and books nothing a citizen cannot reach: an hour ahead by default, "too_soon" inside it, "slot_in_past" once it started', async () => {
      const withLead = { ...deps, policy: DEFAULT_BOOKING_POLICY };
      const near = await nearestOffices(withLead, { point: office.location, now, limit: 1 });
      expect(near[0]!.earliestFree!.startsAt).toEqual(at(SATURDAY, 9, 0));
      expect(await bookAppointment(withLead, { applicationId: "a", officeId: 1, startsAt: at(SATURDAY, 8, 45), now })).toEqual({
        ok: false,
        error: "too_soon",
      });
      expect(await bookAppointment(withLead, { applicationId: "a", officeId: 1, startsAt: at(SATURDAY, 7, 45), now })).toEqual({
        ok: false,
        error: "slot_in_past",
      });
      expect(await bookAppointment(withLead, { applicationId: "a", officeId: 1, startsAt: at(SATURDAY, 9, 0), now })).toMatchObject({ ok: true });
    });

    it("says when a bookable time is already inside the change cut-off", () => {
      expect(bookedTooLateToChange(at(SATURDAY, 9, 30), now, DEFAULT_BOOKING_POLICY)).toBe(true);
      expect(bookedTooLateToChange(at(SATURDAY, 10, 0), now, DEFAULT_BOOKING_POLICY)).toBe(false);
    });
  });

  describe("booking", () => {
    it("books a free future slot of a paid application and moves it to booked", async () => {
      const result = await book("a", at(SATURDAY, 10, 0));
      expect(result).toMatchObject({ ok: true, appointment: { officeId: 1, startsAt: at(SATURDAY, 10, 0) } });
      expect(store.applicationStatus("a")).toBe("booked");
      expect(store.seats(1, at(SATURDAY, 10, 0))).toEqual({ capacity: 1, booked: 1 });
    });

    it.each([
      ["a past slot", at(SATURDAY, 7, 45), 1, "slot_in_past"],
      ["a time off the grid", at(SATURDAY, 10, 5), 1, "not_a_slot"],
      ["Friday", at(FRIDAY, 9, 0), 1, "not_a_slot"],
      ["beyond the 30-day window", at(addDays(SATURDAY, 30), 9, 0), 1, "beyond_horizon"],
      ["a closed date", at(WEDNESDAY, 9, 0), 3, "day_closed"],
      ["an inactive office", at(SATURDAY, 10, 0), 4, "office_inactive"],
      ["an unknown office", at(SATURDAY, 10, 0), 99, "office_not_found"],
    ])("refuses %s", async (_label, startsAt, officeId, error) => {
      expect(await book("a", startsAt, officeId)).toEqual({ ok: false, error });
      expect(store.applicationStatus("a")).toBe("paid");
    });

    it("says a full slot is full and offers the next free slots there and at nearby offices", async () => {
      await book("a", at(SATURDAY, 10, 0));
      expect(await book("b", at(SATURDAY, 10, 0))).toEqual({ ok: false, error: "slot_full" });
      const alternatives = await findAlternatives(deps, { officeId: 1, startsAt: at(SATURDAY, 10, 0), now });
      expect(alternatives.sameOffice.map((slot) => slot.startsAt)).toEqual([at(SATURDAY, 10, 15), at(SATURDAY, 10, 30), at(SATURDAY, 10, 45)]);
      expect(alternatives.nearby.map((near) => near.office.id)).toEqual([2, 3]);
      expect(alternatives.nearby[0]!.slot.startsAt).toEqual(at(SATURDAY, 10, 0));
      expect(alternatives.nearby[0]!.distanceKm).toBeCloseTo(2.87, 1);
    });

    it("refuses a second booking of the same application and names the appointment it holds", async () => {
      const first = await book("a", at(SATURDAY, 10, 0));
      const second = await book("a", at(SATURDAY, 11, 0));
      expect(second).toEqual({ ok: false, error: "already_booked", appointmentId: first.ok ? first.appointment.appointmentId : "" });
    });

    it("refuses an unknown application and one not paid yet", async () => {
      store.addApplication("unpaid", "awaiting_payment");
      expect(await book("nobody", at(SATURDAY, 10, 0))).toEqual({ ok: false, error: "application_not_found" });
      expect(await book("unpaid", at(SATURDAY, 10, 0))).toEqual({ ok: false, error: "application_not_bookable", status: "awaiting_payment" });
    });
  });

  describe("the no-show rule", () => {
    it("marks a missed appointment after the grace hour, once, and bars booking until 3 days after it", async () => {
      await book("a", at(SATURDAY, 9, 0));
      expect(await sweepNoShows(deps, { now: at(SATURDAY, 9, 59) })).toEqual([]);
      const missed = await sweepNoShows(deps, { now: at(SATURDAY, 10, 1) });
      const reopensAt = at(addDays(SATURDAY, 3), 9, 0);
      expect(missed).toEqual([expect.objectContaining({ applicationId: "a", chatId: 97, bookingReopensAt: reopensAt })]);
      expect(await sweepNoShows(deps, { now: at(SATURDAY, 10, 2) })).toEqual([]);
      expect(store.applicationStatus("a")).toBe("no_show");

      const tuesday = addDays(SATURDAY, 3);
      expect(await book("a", at(tuesday, 10, 0), 1, at(tuesday, 8, 59))).toEqual({ ok: false, error: "no_show_ban", reopensAt });
      expect(await checkBookingEligibility(deps, { applicationId: "a", now: at(tuesday, 8, 59) })).toEqual({ ok: false, error: "no_show_ban", reopensAt });
      expect(await book("a", at(tuesday, 10, 0), 1, reopensAt)).toMatchObject({ ok: true });
    });

    it("sweeps in batches until none is left", async () => {
      await book("a", at(SATURDAY, 9, 0));
      await book("b", at(SATURDAY, 9, 15));
      await book("c", at(SATURDAY, 9, 30));
      expect(await sweepNoShows(deps, { now: at(SATURDAY, 12, 0), batchSize: 1 })).toHaveLength(3);
    });
  });

  describe("cancel and reschedule", () => {
    it("cancels until 2 hours before, freeing the seat", async () => {
      const booked = await book("a", at(SATURDAY, 10, 0));
      const id = booked.ok ? booked.appointment.appointmentId : "";
      expect(await cancelAppointment(deps, { appointmentId: id, now: at(SATURDAY, 8, 1) })).toEqual({
        ok: false,
        error: "change_cutoff_passed",
        deadline: at(SATURDAY, 8, 0),
      });
      expect(await cancelAppointment(deps, { appointmentId: id, now: at(SATURDAY, 8, 0) })).toMatchObject({ ok: true });
      expect(store.seats(1, at(SATURDAY, 10, 0))).toEqual({ capacity: 1, booked: 0 });
      expect(store.applicationStatus("a")).toBe("paid");
      expect(await cancelAppointment(deps, { appointmentId: id, now })).toEqual({ ok: false, error: "appointment_not_active", status: "cancelled" });
      expect(await cancelAppointment(deps, { appointmentId: "nope", now })).toEqual({ ok: false, error: "appointment_not_found" });
    });

    it("moves to a free slot and frees the old seat", async () => {
      const booked = await book("a", at(SATURDAY, 10, 0));
      const id = booked.ok ? booked.appointment.appointmentId : "";
      const moved = await rescheduleAppointment(deps, { appointmentId: id, officeId: 2, startsAt: at(THURSDAY, 9, 0), now });
      expect(moved).toMatchObject({ ok: true, appointment: { officeId: 2, startsAt: at(THURSDAY, 9, 0) }, previous: { appointmentId: id } });
      expect(store.seats(1, at(SATURDAY, 10, 0))?.booked).toBe(0);
      expect(store.seats(2, at(THURSDAY, 9, 0))?.booked).toBe(1);
      expect(store.applicationStatus("a")).toBe("booked");
    });

    it("keeps the old appointment when the new slot is full, the same, or the cut-off has passed", async () => {
      const booked = await book("a", at(SATURDAY, 11, 0));
      const id = booked.ok ? booked.appointment.appointmentId : "";
      await book("b", at(SATURDAY, 12, 0));
      expect(await rescheduleAppointment(deps, { appointmentId: id, officeId: 1, startsAt: at(SATURDAY, 12, 0), now })).toEqual({
        ok: false,
        error: "slot_full",
      });
      expect(await rescheduleAppointment(deps, { appointmentId: id, officeId: 1, startsAt: at(SATURDAY, 11, 0), now })).toEqual({
        ok: false,
        error: "same_slot",
      });
      expect(await rescheduleAppointment(deps, { appointmentId: id, officeId: 1, startsAt: at(SATURDAY, 13, 0), now: at(SATURDAY, 9, 30) })).toMatchObject({
        ok: false,
        error: "change_cutoff_passed",
      });
      expect((await store.appointment(id))?.status).toBe("active");
      expect(store.seats(1, at(SATURDAY, 11, 0))?.booked).toBe(1);
    });
  });

  describe("closing a day", () => {
    it("cancels the appointments of that day only and returns whom to tell", async () => {
      await book("a", at(SATURDAY, 10, 0));
      await book("b", at(SATURDAY, 10, 15));
      await book("c", at(THURSDAY, 10, 0));
      const closed = await closeOfficeDay(deps, { officeId: 1, date: SATURDAY, now });
      expect(closed.ok && closed.cancelled.map((notice) => [notice.applicationId, notice.chatId])).toEqual([
        ["a", 97],
        ["b", 98],
      ]);
      expect(store.applicationStatus("a")).toBe("paid");
      expect(store.applicationStatus("c")).toBe("booked");
      expect(await closeOfficeDay(deps, { officeId: 1, date: addDays(SATURDAY, -1), now })).toEqual({ ok: false, error: "date_in_past" });
      expect(await closeOfficeDay(deps, { officeId: 99, date: SATURDAY, now })).toEqual({ ok: false, error: "office_not_found" });
    });
  });

  describe("check-in and completion", () => {
    it("checks in within the window around the appointment only, then completes the in-person step", async () => {
      const booked = await book("a", at(THURSDAY, 10, 0));
      const id = booked.ok ? booked.appointment.appointmentId : "";
      const window = { opensAt: at(THURSDAY, 7, 0), closesAt: at(THURSDAY, 11, 0) };
      expect(await checkInAppointment(deps, { appointmentId: id, now: at(WEDNESDAY, 10, 0) })).toEqual({
        ok: false,
        error: "outside_check_in_window",
        ...window,
      });
      expect(await checkInAppointment(deps, { appointmentId: id, now: at(THURSDAY, 6, 59) })).toEqual({
        ok: false,
        error: "outside_check_in_window",
        ...window,
      });
      expect(await checkInAppointment(deps, { appointmentId: id, now: at(THURSDAY, 11, 1) })).toEqual({
        ok: false,
        error: "outside_check_in_window",
        ...window,
      });
      expect(store.applicationStatus("a")).toBe("booked");
      expect(await completeAppointment(deps, { appointmentId: id, now: at(THURSDAY, 9, 0) })).toEqual({ ok: false, error: "not_checked_in", status: "active" });
      expect(await checkInAppointment(deps, { appointmentId: id, now: at(THURSDAY, 7, 0) })).toEqual({ ok: true });
      expect(store.applicationStatus("a")).toBe("checked_in");
      expect(await checkInAppointment(deps, { appointmentId: id, now: at(THURSDAY, 7, 1) })).toEqual({
        ok: false,
        error: "appointment_not_active",
        status: "checked_in",
      });
      expect(await completeAppointment(deps, { appointmentId: id, now: at(THURSDAY, 10, 20) })).toEqual({ ok: true });
      expect(store.applicationStatus("a")).toBe("in_production");
      // A checked-in appointment is not swept as a no-show.
      expect(await sweepNoShows(deps, { now: at(THURSDAY, 11, 30) })).toEqual([]);
    });
  });

  describe("choosing by place and time", () => {
    it("lists the nearest active offices with distance and earliest free time, optionally of one type", async () => {
      await book("a", at(SATURDAY, 8, 15));
      const near = await nearestOffices(deps, { point: { latitude: 35.7, longitude: 51.4 }, now });
      expect(near.map((n) => n.office.id)).toEqual([1, 2, 3]);
      expect(near[0]).toMatchObject({ distanceKm: 0, earliestFree: { startsAt: at(SATURDAY, 8, 30) } });
      expect((await nearestOffices(deps, { point: { latitude: 35.7, longitude: 51.4 }, type: "post", now })).map((n) => n.office.id)).toEqual([2]);
    });

    it('orders "earliest near me" by time, then distance', async () => {
      await book("a", at(SATURDAY, 8, 15));
      const earliest = await earliestNear(deps, { point: { latitude: 35.7, longitude: 51.4 }, now });
      expect(earliest.map((n) => [n.office.id, n.earliestFree.startsAt])).toEqual([
        [2, at(SATURDAY, 8, 15)],
        [3, at(SATURDAY, 8, 15)],
        [1, at(SATURDAY, 8, 30)],
      ]);
    });

    it("lists an office’s days and the free times of a day", async () => {
      const days = await officeBookableDays(deps, { officeId: 3, now });
      expect(days?.slice(0, 6).map((day) => [day.date.day, day.weekday])).toEqual([
        [5, 0],
        [6, 1],
        [7, 2],
        [8, 3],
        [10, 5],
        [12, 0],
      ]);
      expect((await officeFreeSlotsOn(deps, { officeId: 1, date: THURSDAY, now }))?.length).toBe(18);
      expect(await officeFreeSlotsOn(deps, { officeId: 4, date: THURSDAY, now })).toBeNull();
    });
  });
});
