// How the booking operations use a seat gate: what they ask it, what they tell it, and that its "full" reads as slot_full.
import { beforeEach, describe, expect, it } from "vitest";
import { bookAppointment } from "../../../src/domain/booking/book-appointment.js";
import type { BookingDeps } from "../../../src/domain/booking/booking-deps.js";
import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { anotherTimeMayHelp, timeRefusalReason } from "../../../src/domain/booking/booking-refusals.js";
import { cancelAppointment, rescheduleAppointment } from "../../../src/domain/booking/change-appointment.js";
import type { Office } from "../../../src/domain/booking/office.js";
import { createOfficeCatalog } from "../../../src/domain/booking/office-catalog.js";
import { closeOfficeDay, reopenOfficeDay } from "../../../src/domain/booking/office-day-closure.js";
import type { GatedSeat, SeatGate } from "../../../src/domain/booking/seat-gate.js";
import { createInMemoryBookingStore } from "./in-memory-booking-store.js";
import type { InMemoryBookingStore } from "./in-memory-booking-store.js";
import { at, makeOffice, SATURDAY } from "./office-fixtures.js";

const now = at(SATURDAY, 6, 0);

/** A gate that answers from a set of "full" slots the test controls, and records what it is told. */
function recordingGate() {
  const fullSlots = new Set<string>();
  const told: string[] = [];
  const key = (seat: { officeId: number; startsAt: Date }) => `${seat.officeId}@${seat.startsAt.toISOString()}`;
  const gate: SeatGate = {
    async check(seat) {
      told.push(`check ${key(seat)}`);
      return fullSlots.has(key(seat)) ? { full: true } : { full: false, ticket: "t1" };
    },
    async full(seat: GatedSeat, ticket) {
      told.push(`full ${key(seat)} ${ticket}`);
    },
    async freed(seat) {
      told.push(`freed ${seat.officeId} ${seat.day.year}/${seat.day.month}/${seat.day.day}`);
    },
  };
  return { gate, told, markFull: (officeId: number, startsAt: Date) => fullSlots.add(key({ officeId, startsAt })) };
}

describe("booking through a seat gate", () => {
  let office: Office;
  let store: InMemoryBookingStore;
  let recorder: ReturnType<typeof recordingGate>;
  let deps: BookingDeps;
  const day = `${SATURDAY.year}/${SATURDAY.month}/${SATURDAY.day}`;

  beforeEach(() => {
    office = makeOffice({ id: 1, counters: 2 });
    store = createInMemoryBookingStore(() => [office]);
    for (const id of ["a", "b", "c"]) store.addApplication(id, "paid", id.charCodeAt(0));
    recorder = recordingGate();
    deps = { offices: { catalog: async () => createOfficeCatalog([office]) }, store, policy: DEFAULT_BOOKING_POLICY, seats: recorder.gate };
  });
  const book = (applicationId: string, startsAt: Date) => bookAppointment(deps, { applicationId, officeId: office.id, startsAt, now });

  it("answers a slot the gate calls full as slot_full without the store, which the journey meets with other times", async () => {
    const startsAt = at(SATURDAY, 9, 0);
    recorder.markFull(office.id, startsAt);
    const outcome = await book("a", startsAt);
    expect(outcome).toEqual({ ok: false, error: "slot_full" });
    expect(store.seats(office.id, startsAt)).toBeUndefined();
    expect(!outcome.ok && anotherTimeMayHelp(outcome.error) && timeRefusalReason(outcome.error)).toBe("filled");
  });

  it("tells the gate the slot is full when the last seat goes or the store refuses, with the ticket of its look", async () => {
    const startsAt = at(SATURDAY, 9, 0);
    const slot = `${office.id}@${startsAt.toISOString()}`;
    expect(await book("a", startsAt)).toMatchObject({ ok: true });
    expect(recorder.told).toEqual([`check ${slot}`]);
    expect(await book("b", startsAt)).toMatchObject({ ok: true });
    expect(await book("c", startsAt)).toEqual({ ok: false, error: "slot_full" });
    expect(recorder.told).toEqual([`check ${slot}`, `check ${slot}`, `full ${slot} t1`, `check ${slot}`, `full ${slot} t1`]);
  });

  it("asks nothing for a time the timetable refuses: that refusal keeps its own reason", async () => {
    expect(await book("a", at(SATURDAY, 9, 7))).toEqual({ ok: false, error: "not_a_slot" });
    expect(recorder.told).toEqual([]);
  });

  it("reports the freed office-day after a cancel, a reschedule away, a closing and a reopening (not a reopening of an open day)", async () => {
    const first = await book("a", at(SATURDAY, 9, 0));
    const second = await book("b", at(SATURDAY, 10, 0));
    if (!first.ok || !second.ok) throw new Error("expected bookings");
    recorder.told.length = 0;

    expect(await cancelAppointment(deps, { appointmentId: first.appointment.appointmentId, now })).toMatchObject({ ok: true });
    expect(recorder.told).toEqual([`freed 1 ${day}`]);
    recorder.told.length = 0;

    const moved = await rescheduleAppointment(deps, {
      appointmentId: second.appointment.appointmentId,
      officeId: office.id,
      startsAt: at(SATURDAY, 11, 0),
      now,
    });
    expect(moved).toMatchObject({ ok: true });
    expect(recorder.told).toEqual([`check 1@${at(SATURDAY, 11, 0).toISOString()}`, `freed 1 ${day}`]);
    recorder.told.length = 0;

    expect(await reopenOfficeDay(deps, { officeId: office.id, date: SATURDAY })).toBe(false);
    expect(recorder.told).toEqual([]);
    expect(await closeOfficeDay(deps, { officeId: office.id, date: SATURDAY, now })).toMatchObject({ ok: true });
    expect(await reopenOfficeDay(deps, { officeId: office.id, date: SATURDAY })).toBe(true);
    expect(recorder.told).toEqual([`freed 1 ${day}`, `freed 1 ${day}`]);
  });

  it("turns a reschedule into a slot the gate calls full away and keeps the old appointment", async () => {
    const booked = await book("a", at(SATURDAY, 9, 0));
    if (!booked.ok) throw new Error("expected a booking");
    recorder.markFull(office.id, at(SATURDAY, 12, 0));
    const outcome = await rescheduleAppointment(deps, {
      appointmentId: booked.appointment.appointmentId,
      officeId: office.id,
      startsAt: at(SATURDAY, 12, 0),
      now,
    });
    expect(outcome).toEqual({ ok: false, error: "slot_full" });
    expect((await store.appointment(booked.appointment.appointmentId))?.status).toBe("active");
  });
});
