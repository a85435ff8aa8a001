// The status history as the citizen reads it: a return from booked to paid is the appointment's cancellation.
import { describe, expect, it } from "vitest";
import { timelineEntries } from "../../../src/domain/application/timeline-entries.js";

describe("timeline entries", () => {
  it("names a cancelled appointment as such, and keeps the first payment and a new booking as they are", () => {
    const timeline = [
      { status: "awaiting_payment" as const, at: "2026-12-01T08:00:00.000Z" },
      { status: "paid" as const, at: "2026-12-01T08:05:00.000Z" },
      { status: "booked" as const, at: "2026-12-01T08:10:00.000Z" },
      { status: "paid" as const, at: "2026-12-02T08:00:00.000Z" },
      { status: "booked" as const, at: "2026-12-02T08:05:00.000Z" },
    ];
    expect(timelineEntries(timeline).map((entry) => entry.kind)).toEqual(["awaiting_payment", "paid", "booked", "appointment_cancelled", "booked"]);
    expect(timelineEntries(timeline)[3]!.at).toBe("2026-12-02T08:00:00.000Z");
  });
});
