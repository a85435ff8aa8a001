import { describe, expect, it } from "vitest";
import { allowedEvents, APPLICATION_EVENTS, APPLICATION_STATES, transition } from "../../../src/domain/application/lifecycle.js";
import type { ApplicationEvent, ApplicationState } from "../../../src/domain/application/lifecycle.js";

/** The expected machine, written out independently of the implementation's table. */
const EXPECTED: ReadonlyArray<[ApplicationState, ApplicationEvent, ApplicationState]> = [
  ["awaiting_payment", "payment_verified", "paid"],
  ["awaiting_payment", "application_cancelled", "cancelled"],
  ["paid", "appointment_booked", "booked"],
  ["paid", "application_cancelled", "cancelled"],
  ["booked", "appointment_cancelled", "paid"],
  ["booked", "appointment_missed", "no_show"],
  ["booked", "checked_in", "checked_in"],
  ["booked", "application_cancelled", "cancelled"],
  ["no_show", "appointment_booked", "booked"],
  ["no_show", "application_cancelled", "cancelled"],
  ["checked_in", "in_person_completed", "in_production"],
  ["completed_in_person", "sent_to_production", "in_production"],
  ["in_production", "card_ready", "ready_for_pickup"],
  ["ready_for_pickup", "card_delivered", "delivered"],
  ["ready_for_pickup", "transfer_requested", "in_transit"],
  ["in_transit", "card_received", "ready_for_pickup"],
];

const expectedNext = (state: ApplicationState, event: ApplicationEvent) => EXPECTED.find(([from, on]) => from === state && on === event)?.[2];

describe("application lifecycle", () => {
  it("has the eleven states and twelve events of the domain", () => {
    expect([...APPLICATION_STATES].sort()).toEqual(
      [
        "awaiting_payment",
        "booked",
        "cancelled",
        "checked_in",
        "completed_in_person",
        "delivered",
        "in_production",
        "in_transit",
        "no_show",
        "paid",
        "ready_for_pickup",
      ].sort(),
    );
    expect(APPLICATION_EVENTS).toHaveLength(12);
  });

  describe("every (state, event) pair", () => {
    const pairs = APPLICATION_STATES.flatMap((state) => APPLICATION_EVENTS.map((event) => [state, event] as const));

    it("covers all 132 combinations", () => {
      expect(pairs).toHaveLength(132);
    });

    it.each(pairs)("%s + %s", (state, event) => {
      const next = expectedNext(state, event);
      expect(transition(state, event)).toEqual(next === undefined ? { ok: false, error: "transition_not_allowed" } : { ok: true, value: next });
    });
  });

  it("walks the happy path from payment to delivery", () => {
    const events: ApplicationEvent[] = [
      "payment_verified",
      "appointment_booked",
      "checked_in",
      "in_person_completed",
      "card_ready",
      "transfer_requested",
      "card_received",
      "card_delivered",
    ];
    let state: ApplicationState = "awaiting_payment";
    for (const event of events) {
      const result = transition(state, event);
      if (!result.ok) throw new Error(`${event} refused in ${state}`);
      state = result.value;
    }
    expect(state).toBe("delivered");
  });

  it("lets a no-show book again and a cancelled appointment return to paid", () => {
    expect(transition("booked", "appointment_missed")).toEqual({ ok: true, value: "no_show" });
    expect(transition("no_show", "appointment_booked")).toEqual({ ok: true, value: "booked" });
    expect(transition("booked", "appointment_cancelled")).toEqual({ ok: true, value: "paid" });
  });

  it("refuses cancellation once the in-person visit is done", () => {
    for (const state of ["checked_in", "completed_in_person", "in_production", "ready_for_pickup", "in_transit", "delivered"] as const) {
      expect(transition(state, "application_cancelled")).toEqual({ ok: false, error: "transition_not_allowed" });
    }
  });

  it("lists the events allowed in each state", () => {
    expect(allowedEvents("booked")).toEqual(["appointment_cancelled", "appointment_missed", "checked_in", "application_cancelled"]);
    expect(allowedEvents("paid")).toEqual(["appointment_booked", "application_cancelled"]);
    expect(allowedEvents("delivered")).toEqual([]);
  });

  it("treats only delivered and cancelled as final", () => {
    const finals = APPLICATION_STATES.filter((state) => allowedEvents(state).length === 0);
    expect(finals).toEqual(["delivered", "cancelled"]);
  });
});
