// The BookingStore port's contract: one suite that every implementation runs (the PostgreSQL store and the
// in-memory one the domain tests use), so the two cannot drift apart. Each case calls the port directly.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApplicationState } from "../../src/domain/application/lifecycle.js";
import type { BookingStore } from "../../src/domain/booking/booking-store.js";
import { CHECK_IN_MOVE, COMPLETE_MOVE } from "../../src/domain/booking/booking-transitions.js";
import { tehranInstantAt } from "../../src/domain/booking/slot-schedule.js";
import { addDays, weekdayOf, type JalaliDate } from "../../src/domain/time/jalali.js";

/** A fresh store with the means to arrange its offices and applications. */
export interface BookingStoreWorld {
  store: BookingStore;
  addOffice(options?: { counters?: number; active?: boolean }): Promise<number>;
  /** An application in `status` (paid by default) with a chat and, once paid, a tracking code. */
  addApplication(status?: ApplicationState): Promise<{ id: string; chatId: number; trackingCode: string | null }>;
  applicationStatus(id: string): Promise<ApplicationState | undefined>;
}

const HOUR = 3_600_000;

/** A Saturday far enough ahead for any clock. */
function aSaturday(): JalaliDate {
  let date: JalaliDate = { year: 1407, month: 3, day: 1 };
  while (weekdayOf(date) !== 0) date = addDays(date, 1);
  return date;
}

export function describeBookingStoreContract(name: string, makeWorld: () => Promise<BookingStoreWorld>): void {
  describe(`BookingStore contract: ${name}`, () => {
    let world: BookingStoreWorld;
    let store: BookingStore;
    beforeAll(async () => {
      world = await makeWorld();
      store = world.store;
    });

    const SATURDAY = aSaturday();
    const SUNDAY = addDays(SATURDAY, 1);
    const WEEK_BEFORE = addDays(SATURDAY, -7);
    const at = (date: JalaliDate, hour: number, minute = 0) => tehranInstantAt(date, hour * 60 + minute);
    const now = at(SATURDAY, 6);
    const seat = (officeId: number, date: JalaliDate, hour: number, minute = 0) => ({ officeId, startsAt: at(date, hour, minute), day: date });
    const seatsAt = async (officeId: number, startsAt: Date) =>
      (await store.occupancy([officeId], startsAt, new Date(startsAt.getTime() + 1))).slots.map(({ capacity, booked }) => ({ capacity, booked }));

    it("books a seat, moves the application to booked, and finds the appointment", async () => {
      const office = await world.addOffice({ counters: 2 });
      const application = await world.addApplication();
      const result = await store.book({ ...seat(office, SATURDAY, 9), applicationId: application.id, now });
      if (result.kind !== "booked") throw new Error(result.kind);
      expect(result.seatsLeft).toBe(1);
      expect(await world.applicationStatus(application.id)).toBe("booked");
      expect(await seatsAt(office, at(SATURDAY, 9))).toEqual([{ capacity: 2, booked: 1 }]);
      const appointment = await store.appointment(result.appointmentId);
      expect(appointment).toMatchObject({ applicationId: application.id, officeId: office, startsAt: at(SATURDAY, 9), status: "active", createdAt: now });
      expect((await store.liveAppointmentOf(application.id))?.id).toBe(result.appointmentId);
      expect(await store.standing(application.id)).toEqual({ status: "booked", bookingReopensAt: null });
    });

    it("refuses a second booking of one application, naming the live appointment", async () => {
      const office = await world.addOffice();
      const application = await world.addApplication();
      const first = await store.book({ ...seat(office, SATURDAY, 10), applicationId: application.id, now });
      const second = await store.book({ ...seat(office, SATURDAY, 11), applicationId: application.id, now });
      expect(second).toEqual({ kind: "already_booked", appointmentId: (first as { appointmentId: string }).appointmentId });
    });

    it("refuses a full slot and leaves the application as it was", async () => {
      const office = await world.addOffice({ counters: 1 });
      const [a, b] = [await world.addApplication(), await world.addApplication()];
      // The booking that takes the last seat says so (the seat gate marks the slot full on it).
      expect(await store.book({ ...seat(office, SATURDAY, 9), applicationId: a.id, now })).toMatchObject({ kind: "booked", seatsLeft: 0 });
      expect(await store.book({ ...seat(office, SATURDAY, 9), applicationId: b.id, now })).toEqual({ kind: "slot_full" });
      expect(await world.applicationStatus(b.id)).toBe("paid");
      expect(await seatsAt(office, at(SATURDAY, 9))).toEqual([{ capacity: 1, booked: 1 }]);
    });

    it("refuses an application that may not book, an unknown one, and an inactive office", async () => {
      const office = await world.addOffice();
      const unpaid = await world.addApplication("awaiting_payment");
      expect(await store.book({ ...seat(office, SATURDAY, 9), applicationId: unpaid.id, now })).toEqual({
        kind: "not_eligible",
        standing: { status: "awaiting_payment", bookingReopensAt: null },
      });
      expect(await store.book({ ...seat(office, SATURDAY, 9), applicationId: randomUUID(), now })).toEqual({ kind: "application_not_found" });
      expect(await store.standing(randomUUID())).toBeNull();
      const closedOffice = await world.addOffice({ active: false });
      const paid = await world.addApplication();
      expect(await store.book({ ...seat(closedOffice, SATURDAY, 9), applicationId: paid.id, now })).toEqual({ kind: "office_unavailable" });
    });

    it("reschedules: takes the new seat, frees the old one, keeps the application booked", async () => {
      const office = await world.addOffice({ counters: 1 });
      const application = await world.addApplication();
      const booked = (await store.book({ ...seat(office, SATURDAY, 9), applicationId: application.id, now })) as { appointmentId: string };
      const moved = await store.reschedule({ ...seat(office, SATURDAY, 10), appointmentId: booked.appointmentId, changeableFrom: now, now });
      if (moved.kind !== "moved") throw new Error(moved.kind);
      expect(await seatsAt(office, at(SATURDAY, 9))).toEqual([{ capacity: 1, booked: 0 }]);
      expect(await seatsAt(office, at(SATURDAY, 10))).toEqual([{ capacity: 1, booked: 1 }]);
      expect(await store.appointment(booked.appointmentId)).toMatchObject({ status: "moved", cancelledAt: now });
      expect(await store.appointment(moved.appointmentId)).toMatchObject({ status: "active", rescheduledFrom: booked.appointmentId });
      expect(await world.applicationStatus(application.id)).toBe("booked");
      // A move into a full slot changes nothing; one past the cut-off is refused; a moved appointment is not active.
      const other = await world.addApplication();
      await store.book({ ...seat(office, SATURDAY, 11), applicationId: other.id, now });
      expect(await store.reschedule({ ...seat(office, SATURDAY, 11), appointmentId: moved.appointmentId, changeableFrom: now, now })).toEqual({
        kind: "slot_full",
      });
      expect(await store.reschedule({ ...seat(office, SATURDAY, 12), appointmentId: moved.appointmentId, changeableFrom: at(SATURDAY, 11), now })).toEqual({
        kind: "cutoff_passed",
      });
      expect(await store.reschedule({ ...seat(office, SATURDAY, 12), appointmentId: booked.appointmentId, changeableFrom: now, now })).toEqual({
        kind: "not_active",
      });
      expect((await store.liveAppointmentOf(application.id))?.id).toBe(moved.appointmentId);
    });

    it("cancels: frees the seat and makes the application paid again, once, and not past the cut-off", async () => {
      const office = await world.addOffice({ counters: 1 });
      const application = await world.addApplication();
      const booked = (await store.book({ ...seat(office, SATURDAY, 9), applicationId: application.id, now })) as { appointmentId: string };
      expect(await store.cancel({ appointmentId: booked.appointmentId, changeableFrom: at(SATURDAY, 10), now })).toEqual({ kind: "cutoff_passed" });
      expect(await store.cancel({ appointmentId: booked.appointmentId, changeableFrom: now, now })).toEqual({ kind: "cancelled" });
      expect(await store.cancel({ appointmentId: booked.appointmentId, changeableFrom: now, now })).toEqual({ kind: "not_active" });
      expect(await store.appointment(booked.appointmentId)).toMatchObject({ status: "cancelled", cancelReason: "citizen" });
      expect(await seatsAt(office, at(SATURDAY, 9))).toEqual([{ capacity: 1, booked: 0 }]);
      expect(await world.applicationStatus(application.id)).toBe("paid");
      expect(await store.liveAppointmentOf(application.id)).toBeNull();
    });

    it("closes a day: cancels its active appointments with whom to tell, refuses bookings, and reopens", async () => {
      const office = await world.addOffice({ counters: 2 });
      const [a, b] = [await world.addApplication(), await world.addApplication()];
      const booked = (await store.book({ ...seat(office, SUNDAY, 9), applicationId: a.id, now })) as { appointmentId: string };
      await store.book({ ...seat(office, SATURDAY, 9), applicationId: b.id, now });
      const day = { from: at(SUNDAY, 0), to: at(addDays(SUNDAY, 1), 0) };
      const cancelled = await store.closeDay({ officeId: office, day: SUNDAY, ...day, now });
      expect(cancelled).toEqual([
        { appointmentId: booked.appointmentId, applicationId: a.id, officeId: office, startsAt: at(SUNDAY, 9), chatId: a.chatId, trackingCode: a.trackingCode },
      ]);
      expect(await store.appointment(booked.appointmentId)).toMatchObject({ status: "cancelled", cancelReason: "office_closed" });
      expect([await world.applicationStatus(a.id), await world.applicationStatus(b.id)]).toEqual(["paid", "booked"]);
      expect(await seatsAt(office, at(SUNDAY, 9))).toEqual([{ capacity: 2, booked: 0 }]);
      expect(await store.book({ ...seat(office, SUNDAY, 10), applicationId: a.id, now })).toEqual({ kind: "day_closed" });
      expect((await store.occupancy([office], day.from, day.to)).closedDays).toEqual([{ officeId: office, date: SUNDAY }]);
      // Closing again cancels nothing more; reopening lets bookings in, the cancelled stay cancelled.
      expect(await store.closeDay({ officeId: office, day: SUNDAY, ...day, now })).toEqual([]);
      expect(await store.reopenDay(office, SUNDAY)).toBe(true);
      expect(await store.reopenDay(office, SUNDAY)).toBe(false);
      expect((await store.book({ ...seat(office, SUNDAY, 10), applicationId: a.id, now })).kind).toBe("booked");
      expect(await store.appointment(booked.appointmentId)).toMatchObject({ status: "cancelled" });
    });

    it("marks missed appointments as no-shows, earliest first, at most the limit, with the ban", async () => {
      const office = await world.addOffice({ counters: 3 });
      const apps = [await world.addApplication(), await world.addApplication(), await world.addApplication()];
      // The sweep is store-wide: a week before every other case's appointments, so only these are due.
      // Booked latest first, so an implementation that kept insertion order would pick the wrong ones.
      const ids: string[] = [];
      for (const [i, app] of apps.entries())
        ids.push(((await store.book({ ...seat(office, WEEK_BEFORE, 12 - i), applicationId: app.id, now })) as { appointmentId: string }).appointmentId);
      const sweepAt = at(WEEK_BEFORE, 13);
      const banMs = 72 * HOUR;
      const missed = await store.markNoShows({ startedBefore: at(WEEK_BEFORE, 12), banMs, now: sweepAt, limit: 1 });
      expect(missed).toEqual([
        {
          appointmentId: ids[2],
          applicationId: apps[2]!.id,
          officeId: office,
          startsAt: at(WEEK_BEFORE, 10),
          bookingReopensAt: new Date(at(WEEK_BEFORE, 10).getTime() + banMs),
          chatId: apps[2]!.chatId,
        },
      ]);
      expect(await world.applicationStatus(apps[2]!.id)).toBe("no_show");
      expect(await store.standing(apps[2]!.id)).toEqual({ status: "no_show", bookingReopensAt: new Date(at(WEEK_BEFORE, 10).getTime() + banMs) });
      expect((await store.markNoShows({ startedBefore: at(WEEK_BEFORE, 12), banMs, now: sweepAt, limit: 10 })).map((m) => m.appointmentId)).toEqual([ids[1]]);
      expect(await store.markNoShows({ startedBefore: at(WEEK_BEFORE, 12), banMs, now: sweepAt, limit: 10 })).toEqual([]);
      // A banned application may not book before the ban ends.
      const refused = await store.book({ ...seat(office, WEEK_BEFORE, 13), applicationId: apps[2]!.id, now: sweepAt });
      expect(refused).toEqual({ kind: "not_eligible", standing: { status: "no_show", bookingReopensAt: new Date(at(WEEK_BEFORE, 10).getTime() + banMs) } });
    });

    it("checks in and completes an appointment, and completion moves the application", async () => {
      const office = await world.addOffice();
      const application = await world.addApplication();
      const booked = (await store.book({ ...seat(office, SATURDAY, 9), applicationId: application.id, now })) as { appointmentId: string };
      expect(await store.complete(booked.appointmentId, at(SATURDAY, 9))).toBe(false);
      expect(await store.checkIn(booked.appointmentId, at(SATURDAY, 9))).toBe(true);
      expect(await world.applicationStatus(application.id)).toBe(CHECK_IN_MOVE.to);
      expect(await store.checkIn(booked.appointmentId, at(SATURDAY, 9))).toBe(false);
      expect((await store.liveAppointmentOf(application.id))?.status).toBe("checked_in");
      expect(await store.complete(booked.appointmentId, at(SATURDAY, 9, 30))).toBe(true);
      expect(await store.appointment(booked.appointmentId)).toMatchObject({
        status: "completed",
        checkedInAt: at(SATURDAY, 9),
        completedAt: at(SATURDAY, 9, 30),
      });
      expect(await world.applicationStatus(application.id)).toBe(COMPLETE_MOVE.to);
      expect(await store.liveAppointmentOf(application.id)).toBeNull();
    });

    it("answers unknown appointments as absent, not as errors", async () => {
      expect(await store.appointment(randomUUID())).toBeNull();
      expect(await store.cancel({ appointmentId: randomUUID(), changeableFrom: now, now })).toEqual({ kind: "not_active" });
      expect(await store.checkIn(randomUUID(), now)).toBe(false);
      expect(await store.occupancy([], now, at(SUNDAY, 0))).toEqual({ slots: [], closedDays: [] });
    });
  });
}
