// Which refusals the booking journey answers with other times, whom it serves, and a no-show ban still running.
import { describe, expect, it } from "vitest";
import { APPLICATION_STATES } from "../../../src/domain/application/lifecycle.js";
import { runningBanEnd } from "../../../src/domain/booking/booking-policy.js";
import { anotherTimeMayHelp, isPaidForBooking, notBookableReason } from "../../../src/domain/booking/booking-refusals.js";

describe("booking refusals", () => {
  it("offers other times when the chosen time, its day or its office failed, and ends the journey otherwise", () => {
    for (const error of ["slot_full", "day_closed", "slot_in_past", "not_a_slot", "office_inactive"]) expect(anotherTimeMayHelp(error), error).toBe(true);
    for (const error of ["application_not_found", "office_not_found", "beyond_horizon", "same_slot", "application_not_bookable"]) {
      expect(anotherTimeMayHelp(error), error).toBe(false);
    }
  });

  it("serves paid applications from their own chat, and explains an unpaid one apart from the rest", () => {
    expect(isPaidForBooking({ status: "awaiting_payment" })).toBe(false);
    for (const status of APPLICATION_STATES.filter((s) => s !== "awaiting_payment")) expect(isPaidForBooking({ status }), status).toBe(true);
    expect(notBookableReason("awaiting_payment")).toBe("unpaid");
    expect(notBookableReason("delivered")).toBe("other");
    expect(notBookableReason("unknown")).toBe("other");
  });

  it("reports a no-show ban only while it runs", () => {
    const now = new Date("2026-05-01T06:00:00Z");
    const later = new Date(now.getTime() + 1000);
    expect(runningBanEnd(null, now)).toBeNull();
    expect(runningBanEnd({ status: "no_show", bookingReopensAt: null }, now)).toBeNull();
    expect(runningBanEnd({ status: "no_show", bookingReopensAt: later }, now)).toEqual(later);
    expect(runningBanEnd({ status: "no_show", bookingReopensAt: now }, now)).toBeNull();
  });
});
