import { describe, expect, it } from "vitest";
import {
  bookingEligibility,
  bookingReopensAt,
  changeDeadline,
  DEFAULT_BOOKING_POLICY,
  earliestChangeableStart,
  isChangeAllowed,
  missedIfStartedBefore,
} from "../../../src/domain/booking/booking-policy.js";
import { BOOK_MOVE, CANCEL_MOVE, CHECK_IN_MOVE, COMPLETE_MOVE, MISS_MOVE } from "../../../src/domain/booking/booking-transitions.js";
import { formatDateTime } from "../../../src/domain/time/persian-format.js";
import { at, SATURDAY, WEDNESDAY } from "./office-fixtures.js";

const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

describe("change cut-off", () => {
  const startsAt = at(SATURDAY, 10, 0);

  it("is 2 hours before the appointment under the default policy", () => {
    expect(changeDeadline(startsAt, DEFAULT_BOOKING_POLICY)).toEqual(at(SATURDAY, 8, 0));
  });

  it("allows a change at the deadline itself and refuses one a millisecond later", () => {
    expect(isChangeAllowed(startsAt, at(SATURDAY, 8, 0), DEFAULT_BOOKING_POLICY)).toBe(true);
    expect(isChangeAllowed(startsAt, ms(at(SATURDAY, 8, 0), 1), DEFAULT_BOOKING_POLICY)).toBe(false);
  });

  it("states the same rule for a store: starting at or after now + cut-off", () => {
    const now = at(SATURDAY, 8, 0);
    expect(earliestChangeableStart(now, DEFAULT_BOOKING_POLICY)).toEqual(startsAt);
  });

  it("follows a different policy", () => {
    const policy = { ...DEFAULT_BOOKING_POLICY, changeCutoffMs: 24 * 3_600_000 };
    expect(isChangeAllowed(startsAt, at(SATURDAY, 7, 0), policy)).toBe(false);
  });
});

describe("the no-show rule", () => {
  const missed = at(SATURDAY, 9, 15);

  it("reopens booking exactly 3 days after the missed start time, at the same Tehran clock time", () => {
    const reopens = bookingReopensAt(missed, DEFAULT_BOOKING_POLICY);
    expect(reopens).toEqual(at({ year: 1405, month: 2, day: 8 }, 9, 15));
    expect(reopens.getTime() - missed.getTime()).toBe(72 * 3_600_000);
    expect(formatDateTime(reopens)).toBe("سه‌شنبه ۸ اردیبهشت ۱۴۰۵، ۰۹:۱۵");
  });

  it("counts an appointment as missed an hour after its start without check-in", () => {
    expect(missedIfStartedBefore(at(SATURDAY, 10, 15), DEFAULT_BOOKING_POLICY)).toEqual(missed);
  });

  it("refuses a banned application with the exact reopening instant, and lets it book from that instant on", () => {
    const standing = { status: "no_show" as const, bookingReopensAt: bookingReopensAt(missed, DEFAULT_BOOKING_POLICY) };
    expect(bookingEligibility(standing, at(WEDNESDAY, 9, 0))).toEqual({ ok: true });
    const justBefore = ms(standing.bookingReopensAt, -1);
    expect(bookingEligibility(standing, justBefore)).toEqual({ ok: false, error: "no_show_ban", reopensAt: standing.bookingReopensAt });
    expect(bookingEligibility(standing, standing.bookingReopensAt)).toEqual({ ok: true });
  });

  it("lets paid applications book and refuses other states", () => {
    expect(bookingEligibility({ status: "paid", bookingReopensAt: null }, missed)).toEqual({ ok: true });
    expect(bookingEligibility({ status: "booked", bookingReopensAt: null }, missed)).toEqual({
      ok: false,
      error: "application_not_bookable",
      status: "booked",
    });
    expect(bookingEligibility({ status: "awaiting_payment", bookingReopensAt: null }, missed)).toMatchObject({ ok: false });
  });
});

describe("state moves read from the lifecycle", () => {
  it("books from paid or no_show, cancels back to paid, misses to no_show, completes in person", () => {
    expect(BOOK_MOVE).toEqual({ from: ["paid", "no_show"], to: "booked" });
    expect(CANCEL_MOVE).toEqual({ from: ["booked"], to: "paid" });
    expect(MISS_MOVE).toEqual({ from: ["booked"], to: "no_show" });
    expect(CHECK_IN_MOVE).toEqual({ from: ["booked"], to: "checked_in" });
    expect(COMPLETE_MOVE).toEqual({ from: ["checked_in"], to: "in_production" });
  });
});
