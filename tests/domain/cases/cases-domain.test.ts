import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessCalendar, isBusinessTime } from "../../../src/domain/cases/business-hours.js";
import { caseTransition, isOpenCase, statusesAllowing } from "../../../src/domain/cases/case.js";
import { citizenTimeline, entryVisibility } from "../../../src/domain/cases/case-entry.js";
import { refuseNewCase, startOfNextTehranDay } from "../../../src/domain/cases/case-limits.js";
import { caseNumberFromSequence, formatCaseNumber, parseCaseNumber } from "../../../src/domain/cases/case-number.js";
import { evaluateCharges } from "../../../src/domain/cases/overcharge.js";
import { deadlinesFor, missedTarget } from "../../../src/domain/cases/response-targets.js";
import { routeCase, type CaseRoute } from "../../../src/domain/cases/routing.js";
import { DEFAULT_TARIFF, type Tariff } from "../../../src/domain/fees/tariff.js";
import { tehranWallTimeToInstant } from "../../../src/domain/time/tehran-clock.js";

const toman = (n: number) => n * 10;

describe("case numbers", () => {
  it("are seven digits and a check digit that catches one wrong digit and one swap", () => {
    const number = caseNumberFromSequence(1_000_123);
    expect(number).toMatch(/^1000123[0-9]$/);
    expect(parseCaseNumber(formatCaseNumber(number))).toEqual({ ok: true, value: number });
    const persian = number.replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
    expect(parseCaseNumber(` ${persian.slice(0, 4)} - ${persian.slice(4)} `)).toEqual({ ok: true, value: number });
    const wrongDigit = `${number.slice(0, 3)}${(Number(number[3]) + 1) % 10}${number.slice(4)}`;
    expect(parseCaseNumber(wrongDigit)).toEqual({ ok: false, error: "mistyped" });
    const swapped = `${number.slice(0, 5)}${number[6]}${number[5]}${number.slice(7)}`;
    if (swapped !== number) expect(parseCaseNumber(swapped)).toEqual({ ok: false, error: "mistyped" });
    expect(parseCaseNumber("")).toEqual({ ok: false, error: "empty" });
    expect(parseCaseNumber("12ab")).toEqual({ ok: false, error: "not_digits" });
    expect(parseCaseNumber("1234567")).toEqual({ ok: false, error: "wrong_length" });
  });

  it("refuses sequences outside seven digits", () => {
    expect(() => caseNumberFromSequence(999_999)).toThrow(RangeError);
    expect(() => caseNumberFromSequence(10_000_000)).toThrow(RangeError);
  });
});

describe("case statuses", () => {
  it("go new → taken → waiting → taken → resolved → closed, and reopen", () => {
    expect(caseTransition("new", "take")).toEqual({ ok: true, value: "taken" });
    expect(caseTransition("taken", "ask_citizen")).toEqual({ ok: true, value: "waiting_citizen" });
    expect(caseTransition("waiting_citizen", "citizen_answered")).toEqual({ ok: true, value: "taken" });
    expect(caseTransition("taken", "forward")).toEqual({ ok: true, value: "forwarded" });
    expect(caseTransition("forwarded", "take")).toEqual({ ok: true, value: "taken" });
    expect(caseTransition("taken", "schedule_visit")).toEqual({ ok: true, value: "visit_scheduled" });
    expect(caseTransition("visit_scheduled", "resolve")).toEqual({ ok: true, value: "resolved" });
    expect(caseTransition("resolved", "close")).toEqual({ ok: true, value: "closed" });
    expect(caseTransition("closed", "reopen")).toEqual({ ok: true, value: "taken" });
  });

  it("refuse what makes no sense: a second take, resolving an untaken case", () => {
    expect(caseTransition("taken", "take")).toEqual({ ok: false, error: "not_allowed" });
    expect(caseTransition("new", "resolve")).toEqual({ ok: false, error: "not_allowed" });
    expect(caseTransition("closed", "close")).toEqual({ ok: false, error: "not_allowed" });
    expect(statusesAllowing("take").sort()).toEqual(["forwarded", "new"]);
    expect(isOpenCase("waiting_citizen")).toBe(true);
    expect(isOpenCase("resolved")).toBe(false);
  });
});

describe("timeline visibility", () => {
  it("is internal by default and a note can never be made visible", () => {
    expect(entryVisibility("note", "citizen")).toBe("internal");
    expect(entryVisibility("escalated", "citizen")).toBe("internal");
    expect(entryVisibility("forwarded")).toBe("internal");
    expect(entryVisibility("opened")).toBe("internal");
    expect(entryVisibility("opened", "citizen")).toBe("citizen");
    expect(entryVisibility("question")).toBe("citizen");
    expect(entryVisibility("resolution", "internal")).toBe("citizen");
    const entries = [
      { id: 1, visibility: "citizen" as const },
      { id: 2, visibility: "internal" as const },
      { id: 3, visibility: "citizen" as const },
    ];
    expect(citizenTimeline(entries).map((e) => e.id)).toEqual([1, 3]);
  });
});

describe("business hours", () => {
  const calendar = businessCalendar();
  // 1405/09/10 is a Tuesday; 1405/09/12 a Thursday; 1405/09/13 a Friday; 1405/09/14 a Saturday.
  const at = (day: number, hour: number, minute = 0) => tehranWallTimeToInstant({ year: 1405, month: 9, day }, hour, minute);

  it("count Saturday-Wednesday 08-16 and Thursday morning only", () => {
    expect(isBusinessTime(calendar, at(10, 9))).toBe(true);
    expect(isBusinessTime(calendar, at(10, 17))).toBe(false);
    expect(isBusinessTime(calendar, at(12, 11))).toBe(true);
    expect(isBusinessTime(calendar, at(12, 13))).toBe(false);
    expect(isBusinessTime(calendar, at(13, 10))).toBe(false);
    // Tuesday 15:00 + 2 h = Wednesday 09:00.
    expect(addBusinessMinutes(calendar, at(10, 15), 120)).toEqual(at(11, 9));
    // Thursday 11:00 + 2 h: 1 h on Thursday, Friday closed, Saturday 09:00.
    expect(addBusinessMinutes(calendar, at(12, 11), 120)).toEqual(at(14, 9));
    // Opened on Friday evening: counting starts Saturday 08:00.
    expect(addBusinessMinutes(calendar, at(13, 20), 30)).toEqual(at(14, 8, 30));
  });

  it("skip holidays given as data", () => {
    const withHoliday = businessCalendar([{ year: 1405, month: 9, day: 14 }]);
    expect(addBusinessMinutes(withHoliday, at(12, 11), 120)).toEqual(at(15, 9));
  });

  it("give deadlines and say which one is missed; waiting for the citizen stops the resolution clock", () => {
    const due = deadlinesFor(calendar, { firstResponseMinutes: 60, resolutionMinutes: 480 }, at(10, 8));
    expect(due.firstResponseDueAt).toEqual(at(10, 9));
    expect(due.resolutionDueAt).toEqual(at(10, 16));
    const base = { status: "new" as const, firstRespondedAt: null, ...due };
    expect(missedTarget(base, at(10, 8, 30))).toBeNull();
    expect(missedTarget(base, at(10, 9))).toBe("first_response");
    expect(missedTarget({ ...base, status: "taken", firstRespondedAt: at(10, 8, 10) }, at(10, 16, 1))).toBe("resolution");
    expect(missedTarget({ ...base, status: "waiting_citizen", firstRespondedAt: at(10, 8, 10) }, at(10, 17))).toBeNull();
    expect(missedTarget({ ...base, status: "resolved" }, at(11, 17))).toBeNull();
  });
});

describe("overcharge verdict", () => {
  const metropolis = { isMetropolis: true };

  it("holds a total to the legal total in force (31,000 toman under the seed tariff), never a constant", () => {
    const verdict = evaluateCharges({ kind: "total", rial: toman(45_000) }, DEFAULT_TARIFF, metropolis);
    expect(verdict).toMatchObject({ legalRial: toman(31_000), overRial: toman(14_000), violation: true });
    expect(evaluateCharges({ kind: "total", rial: toman(31_000) }, DEFAULT_TARIFF, metropolis).violation).toBe(false);
    const later: Tariff = {
      effectiveFrom: new Date("2024-03-20T20:30:00Z"),
      preRegistrationRial: 1_450_000,
      completionMetropolisMaxRial: 300_000,
      deliveryRial: 100_000,
    };
    expect(evaluateCharges({ kind: "total", rial: toman(45_000) }, later, metropolis)).toMatchObject({ legalRial: 1_850_000, overRial: 0, violation: false });
  });

  it("holds each item to its own fee; the completion fee follows the city; the tracking code is a violation of its own", () => {
    const items = evaluateCharges({ kind: "items", items: [{ item: "completion", rial: toman(45_000) }] }, DEFAULT_TARIFF, metropolis);
    expect(items).toMatchObject({ chargedRial: toman(45_000), legalRial: toman(9_000), overRial: toman(36_000), violation: true });
    const town = evaluateCharges({ kind: "items", items: [{ item: "completion", rial: toman(12_000) }] }, DEFAULT_TARIFF, {
      isMetropolis: false,
      completionFeeRial: toman(12_000),
    });
    expect(town.violation).toBe(false);
    const code = evaluateCharges(
      {
        kind: "items",
        items: [
          { item: "completion", rial: toman(5_000) },
          { item: "tracking_code", rial: toman(1_000) },
        ],
      },
      DEFAULT_TARIFF,
      metropolis,
    );
    expect(code).toMatchObject({ trackingCodeCharged: true, overRial: toman(1_000), violation: true });
  });
});

describe("abuse limits", () => {
  const now = tehranWallTimeToInstant({ year: 1405, month: 9, day: 10 }, 23, 0);
  it("refuse a fourth open case, and a fourth new one today with the time to come back", () => {
    const limits = { maxOpen: 3, maxNewPerDay: 3 };
    expect(refuseNewCase(limits, { open: 2, openedToday: 2 }, now)).toBeNull();
    expect(refuseNewCase(limits, { open: 3, openedToday: 3 }, now)).toEqual({ reason: "too_many_open" });
    expect(refuseNewCase(limits, { open: 1, openedToday: 3 }, now)).toEqual({
      reason: "too_many_today",
      retryAt: tehranWallTimeToInstant({ year: 1405, month: 9, day: 11 }, 0, 0),
    });
    expect(startOfNextTehranDay(now)).toEqual(tehranWallTimeToInstant({ year: 1405, month: 9, day: 11 }, 0, 0));
  });
});

describe("routing", () => {
  const routes: CaseRoute[] = [
    { caseKind: "overcharge", officeType: "pishkhan", provinceId: null, unitId: 1 },
    { caseKind: "overcharge", officeType: "post", provinceId: null, unitId: 2 },
    { caseKind: "overcharge", officeType: "post", provinceId: 8, unitId: 22 },
    { caseKind: "complaint", officeType: null, provinceId: null, unitId: 1 },
    { caseKind: "home_service", officeType: null, provinceId: 8, unitId: 108 },
  ];
  it("picks the most specific row that matches every field it names", () => {
    expect(routeCase(routes, { caseKind: "overcharge", officeType: "pishkhan", provinceId: 8 })).toBe(1);
    expect(routeCase(routes, { caseKind: "overcharge", officeType: "post", provinceId: 3 })).toBe(2);
    expect(routeCase(routes, { caseKind: "overcharge", officeType: "post", provinceId: 8 })).toBe(22);
    expect(routeCase(routes, { caseKind: "complaint", officeType: "civil_registration" })).toBe(1);
    expect(routeCase(routes, { caseKind: "home_service", provinceId: 8 })).toBe(108);
    expect(routeCase(routes, { caseKind: "home_service", provinceId: 9 })).toBeNull();
    expect(routeCase(routes, { caseKind: "overcharge", officeType: "civil_registration" })).toBeNull();
  });
});

describe("typed amounts", () => {
  it("read toman in any digits with separators and the word toman, as rial", async () => {
    const { parseTomanAmount } = await import("../../../src/domain/cases/amount.js");
    expect(parseTomanAmount("۴۵٬۰۰۰ تومان")).toEqual({ ok: true, value: 450_000 });
    expect(parseTomanAmount("45,000")).toEqual({ ok: true, value: 450_000 });
    expect(parseTomanAmount("٤٥ ٠٠٠")).toEqual({ ok: true, value: 450_000 });
    expect(parseTomanAmount("0")).toEqual({ ok: true, value: 0 });
    expect(parseTomanAmount("")).toEqual({ ok: false, error: "empty" });
    expect(parseTomanAmount("چهل")).toEqual({ ok: false, error: "not_digits" });
    expect(parseTomanAmount("999999999999")).toEqual({ ok: false, error: "too_large" });
  });
});
