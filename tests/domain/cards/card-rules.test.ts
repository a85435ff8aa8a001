// Cards: the holding period, weekly reminders at most N, the import row, hours written for Persian readers.
import { describe, expect, it } from "vitest";
import { ageInDays, daysLeft, DEFAULT_PICKUP_POLICY, heldUntil, productionWindow, reminderDue } from "../../../src/domain/cards/card.js";
import { parseCardText } from "../../../src/domain/cards/card-row.js";
import { persianWeeklyHoursText } from "../../../src/domain/booking/weekly-hours-persian.js";
import { generateTrackingCode } from "../../../src/domain/application/tracking-code.js";

const DAY = 86_400_000;
const readyAt = new Date("2026-12-01T06:30:00Z");
const policy = { holdMs: 30 * DAY, reminderEveryMs: 7 * DAY, maxReminders: 3 };
const card = (remindersSent: number) => ({ status: "ready" as const, readyAt, heldUntil: heldUntil(readyAt, policy), remindersSent });
const at = (days: number) => new Date(readyAt.getTime() + days * DAY);

describe("holding and reminders", () => {
  it("holds a card 90 days by default and counts the days", () => {
    expect(heldUntil(readyAt).getTime() - readyAt.getTime()).toBe(90 * DAY);
    expect(DEFAULT_PICKUP_POLICY).toMatchObject({ reminderEveryMs: 7 * DAY, maxReminders: 6 });
    expect(daysLeft(heldUntil(readyAt, policy), at(7))).toBe(23);
    expect(daysLeft(heldUntil(readyAt, policy), at(40))).toBe(0);
    expect(ageInDays(readyAt, at(9.5))).toBe(9);
  });

  it("names the reminder due each week, once, at most N, never after the holding period", () => {
    expect(reminderDue(card(0), at(6.9), policy)).toBeNull();
    expect(reminderDue(card(0), at(7), policy)).toBe(1);
    expect(reminderDue(card(1), at(13), policy)).toBeNull();
    expect(reminderDue(card(1), at(14), policy)).toBe(2);
    // A job that missed a week sends the next one, not two at once.
    expect(reminderDue(card(1), at(22), policy)).toBe(2);
    expect(reminderDue(card(3), at(28), policy)).toBeNull();
    expect(reminderDue(card(0), at(30), policy)).toBeNull();
    expect(reminderDue({ ...card(0), status: "delivered" }, at(7), policy)).toBeNull();
  });

  it("expects the card 15 days to a month after the visit", () => {
    const window = productionWindow(readyAt);
    expect([window.from.getTime() - readyAt.getTime(), window.to.getTime() - readyAt.getTime()]).toEqual([15 * DAY, 30 * DAY]);
  });
});

describe("a cards import row", () => {
  const code = generateTrackingCode((max) => Math.floor(Math.random() * max));
  it("accepts Persian digits and dashes, and normalises the serial", () => {
    const persian = code.replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
    expect(
      parseCardText({ trackingCode: `${persian.slice(0, 4)}-${persian.slice(4)}`, serial: " ir-۰۰۱۲۳۴ ", officeCode: "sample-1", issuedOn: "۱۴۰۵/۰۹/۱۰" }),
    ).toEqual({
      ok: true,
      value: { trackingCode: code, serial: "IR-001234", officeCode: "sample-1", issuedOn: { year: 1405, month: 9, day: 10 } },
    });
  });

  it("names the first wrong field", () => {
    const good = { trackingCode: code, serial: "IR-001234", officeCode: "sample-1", issuedOn: "1405/09/10" };
    expect(parseCardText({ ...good, trackingCode: "123" })).toMatchObject({
      ok: false,
      error: { field: "trackingCode", problem: "tracking_code_wrong_length" },
    });
    expect(parseCardText({ ...good, serial: "A1" })).toMatchObject({ ok: false, error: { field: "serial", problem: "bad_serial" } });
    expect(parseCardText({ ...good, officeCode: "دفتر" })).toMatchObject({ ok: false, error: { field: "officeCode", problem: "bad_office_code" } });
    expect(parseCardText({ ...good, issuedOn: "1405/13/01" })).toMatchObject({ ok: false, error: { field: "issuedOn", problem: "issued_on_invalid_date" } });
  });
});

describe("hours for Persian readers", () => {
  it("groups equal days, Saturday first, in Persian digits", () => {
    expect(persianWeeklyHoursText("sat-wed 07:30-14:30; thu 07:30-12:00")).toBe("شنبه–چهارشنبه ۰۷:۳۰–۱۴:۳۰، پنجشنبه ۰۷:۳۰–۱۲:۰۰");
    expect(persianWeeklyHoursText("sat 08:00-12:00,16:00-19:00")).toBe("شنبه ۰۸:۰۰–۱۲:۰۰، ۱۶:۰۰–۱۹:۰۰");
  });
});
