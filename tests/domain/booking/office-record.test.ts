import { describe, expect, it } from "vitest";
import { parseOfficeText } from "../../../src/domain/booking/office-record.js";
import type { OfficeText } from "../../../src/domain/booking/office-record.js";
import { DEFAULT_WEEKLY_HOURS } from "../../../src/domain/booking/weekly-hours.js";

const valid: OfficeText = {
  code: "PK-1203",
  type: "pishkhan",
  name: "دفتر پیشخوان دولت شماره ۱۲۰۳",
  cityId: "399",
  address: "تهران، خیابان آزادی، پلاک ۱۲",
  phone: "021-6191 2222",
  latitude: "35.6997",
  longitude: "51.3380",
};

describe("office records", () => {
  it("parses a minimal row with the defaults: hours, 15-minute slots, one counter, active", () => {
    const parsed = parseOfficeText(valid);
    expect(parsed).toEqual({
      ok: true,
      value: {
        code: "PK-1203",
        type: "pishkhan",
        name: "دفتر پیشخوان دولت شماره ۱۲۰۳",
        cityId: 399,
        address: "تهران، خیابان آزادی، پلاک ۱۲",
        phone: "02161912222",
        location: { latitude: 35.6997, longitude: 51.338 },
        weeklyHours: DEFAULT_WEEKLY_HOURS,
        slotMinutes: 15,
        counters: 1,
        closedDates: [],
        active: true,
      },
    });
  });

  it("reads the optional fields, Persian digits and type names", () => {
    const parsed = parseOfficeText({
      ...valid,
      type: "ثبت‌احوال",
      latitude: "۳۵٫۷",
      hours: "sat-thu 08:00-13:00",
      slotMinutes: "۲۰",
      counters: "3",
      closedDates: "1405/01/01|1405/01/02 1405/01/13",
      active: "no",
    });
    expect(parsed.ok && parsed.value).toMatchObject({
      type: "civil_registration",
      location: { latitude: 35.7, longitude: 51.338 },
      slotMinutes: 20,
      counters: 3,
      closedDates: [
        { year: 1405, month: 1, day: 1 },
        { year: 1405, month: 1, day: 2 },
        { year: 1405, month: 1, day: 13 },
      ],
      active: false,
    });
  });

  it.each([
    [{ code: "" }, "code", "missing"],
    [{ code: "has space" }, "code", "bad_code"],
    [{ type: "bank" }, "type", "unknown_type"],
    [{ name: " " }, "name", "missing"],
    [{ cityId: "x" }, "cityId", "not_a_whole_number"],
    [{ phone: "12345" }, "phone", "bad_phone"],
    [{ latitude: "north" }, "latitude", "not_a_number"],
    [{ latitude: "51.3", longitude: "35.7" }, "latitude", "outside_iran"],
    [{ longitude: "70" }, "longitude", "outside_iran"],
    [{ hours: "sat 9-5" }, "hours", "hours_bad_format"],
    [{ slotMinutes: "3" }, "slotMinutes", "out_of_range"],
    [{ counters: "0" }, "counters", "out_of_range"],
    [{ counters: "1.5" }, "counters", "not_a_whole_number"],
    [{ closedDates: "1405/13/01" }, "closedDates", "bad_date"],
    [{ active: "maybe" }, "active", "not_yes_or_no"],
  ] as const)("refuses %j: %s %s", (change, field, problem) => {
    const parsed = parseOfficeText({ ...valid, ...change });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ field, problem });
  });
});
