// Rules the flows ask the domain: who is already registered, what a tracking-code lookup finds, what the status check says comes next.
import { describe, expect, it } from "vitest";
import { matchesLookup } from "../../../src/domain/application/application-lookup.js";
import { APPLICATION_STATES, type ApplicationState } from "../../../src/domain/application/lifecycle.js";
import { CARD_WINDOW_DAYS, cardWindow, nextStep } from "../../../src/domain/application/next-step.js";
import { isAlreadyRegistered } from "../../../src/domain/application/registration.js";

const DAY = 24 * 3600 * 1000;

describe("registering again", () => {
  it("resumes a draft awaiting payment, and stops at any other live application", () => {
    expect(isAlreadyRegistered(null)).toBe(false);
    expect(isAlreadyRegistered({ status: "awaiting_payment" })).toBe(false);
    for (const status of APPLICATION_STATES.filter((s) => s !== "awaiting_payment")) expect(isAlreadyRegistered({ status }), status).toBe(true);
  });
});

describe("tracking-code lookup", () => {
  it("finds an application only under its own national ID and never a cancelled one", () => {
    expect(matchesLookup({ nationalId: "6383233564", status: "paid" }, "6383233564")).toBe(true);
    expect(matchesLookup({ nationalId: "6383233564", status: "paid" }, "0499370899")).toBe(false);
    expect(matchesLookup({ nationalId: "6383233564", status: "cancelled" }, "6383233564")).toBe(false);
    for (const status of APPLICATION_STATES.filter((s) => s !== "cancelled")) expect(matchesLookup({ nationalId: "1", status }, "1"), status).toBe(true);
  });
});

describe("the status check's next step", () => {
  const visit = new Date("2026-05-01T06:00:00Z");
  const timeline = (status: ApplicationState, withVisit: boolean) => ({
    status,
    timeline: [
      { status: "paid" as const, at: new Date("2026-04-20T06:00:00Z") },
      ...(withVisit ? [{ status: "completed_in_person" as const, at: visit.toISOString() }] : []),
    ],
  });

  it("expects the card 15 to 30 days after the visit, while completed or in production", () => {
    expect(CARD_WINDOW_DAYS).toEqual({ from: 15, to: 30 });
    expect(cardWindow(visit)).toEqual({ from: new Date(visit.getTime() + 15 * DAY), to: new Date(visit.getTime() + 30 * DAY) });
    for (const status of ["completed_in_person", "in_production"] as const) {
      expect(nextStep(timeline(status, true), { booked: false })).toEqual({ kind: "card_window", ...cardWindow(visit) });
    }
    // Once ready for pickup the stage's own advice applies, even with the visit on record.
    expect(nextStep(timeline("ready_for_pickup", true), { booked: false })).toEqual({ kind: "stage", status: "ready_for_pickup" });
  });

  it("names the booked time only when booked with a known appointment, the ban's end only for a no-show", () => {
    expect(nextStep(timeline("booked", false), { booked: true })).toEqual({ kind: "booked_at" });
    expect(nextStep(timeline("booked", false), { booked: false })).toEqual({ kind: "stage", status: "booked" });
    expect(nextStep(timeline("paid", false), { booked: true })).toEqual({ kind: "stage", status: "paid" });
    const until = new Date("2026-05-04T06:00:00Z");
    expect(nextStep(timeline("no_show", false), { booked: false, banEndsAt: until })).toEqual({ kind: "no_show_until", until });
    expect(nextStep(timeline("no_show", false), { booked: false })).toEqual({ kind: "stage", status: "no_show" });
    expect(nextStep(timeline("paid", false), { booked: false, banEndsAt: until })).toEqual({ kind: "stage", status: "paid" });
  });
});
