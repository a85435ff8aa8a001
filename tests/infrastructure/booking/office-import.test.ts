// Office import against a real database: all rows or none, line-numbered reasons, updates by code, the sample file.
import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "../../../src/domain/booking/book-appointment.js";
import { OFFICE_TYPES } from "../../../src/domain/booking/office.js";
import { tehranInstantAt } from "../../../src/domain/booking/slot-schedule.js";
import { addDays, jalaliDateToString } from "../../../src/domain/time/jalali.js";
import { createSqlBookingStore } from "../../../src/infrastructure/database/booking-store.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlOfficeDirectory } from "../../../src/infrastructure/database/office-directory.js";
import { importOfficesCsv } from "../../../src/infrastructure/offices/import-offices.js";
import { ensureSampleOffices, SAMPLE_OFFICES_FILE } from "../../../src/infrastructure/offices/sample-offices.js";
import { createTestDatabase } from "../../support/test-database.js";
import type { TestDatabase } from "../../support/test-database.js";
import { aSaturday, count, insertPaidApplications, loadPlaces } from "./booking-fixtures.js";

const HEADER = "code,type,name,city_id,address,phone,latitude,longitude,hours,slot_minutes,counters,closed_dates,active";
const row = (code: string, fields: Partial<Record<"name" | "city" | "lat" | "hours" | "counters" | "closed" | "type", string>> = {}) =>
  [
    code,
    fields.type ?? "post",
    fields.name ?? `اداره پست ${code}`,
    fields.city ?? "399",
    '"تهران، خیابان آزادی، پلاک ۱"',
    "021-84470000",
    fields.lat ?? "35.70",
    "51.40",
    fields.hours ?? "",
    "",
    fields.counters ?? "2",
    fields.closed ?? "",
    "",
  ].join(",");
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

describe("office import", () => {
  let testDb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    await loadPlaces(db);
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const officeCount = (prefix: string) => count(db, `SELECT count(*)::int AS n FROM offices WHERE code LIKE $1`, [`${prefix}%`]);

  it("imports nothing of a file with a bad row and reports every bad row with its line number and reason", async () => {
    const result = await importOfficesCsv(
      db.sql,
      csv(row("bad-1"), row("bad-2", { lat: "3.57" }), row("bad-3"), row("bad-4", { city: "999999" }), row("bad-5", { type: "bank" }), row("bad-1")),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, reason: "outside_iran", column: "latitude", value: "3.57" },
        { line: 5, reason: "unknown_city", column: "city_id", value: "999999" },
        { line: 6, reason: "unknown_type", column: "type", value: "bank" },
        { line: 7, reason: "duplicate_code", column: "code", value: "bad-1 (line 2)" },
      ],
    });
    expect(await officeCount("bad-")).toBe(0);
  });

  it("reports a file-level problem on the header line", async () => {
    expect(await importOfficesCsv(db.sql, "code,type,name\nx,post,y\n")).toMatchObject({
      ok: false,
      errors: [
        { line: 1, reason: "missing_column", column: "city_id" },
        { line: 1, reason: "missing_column", column: "address" },
        { line: 1, reason: "missing_column", column: "phone" },
        { line: 1, reason: "missing_column", column: "latitude" },
        { line: 1, reason: "missing_column", column: "longitude" },
      ],
    });
    expect(await importOfficesCsv(db.sql, `${HEADER}\nre-1,post\n`)).toMatchObject({ ok: false, errors: [{ line: 2, reason: "wrong_field_count" }] });
  });

  it("updates offices on re-import instead of adding them again", async () => {
    expect(await importOfficesCsv(db.sql, csv(row("re-1"), row("re-2")))).toEqual({ ok: true, created: 2, updated: 0, closedDatesAdded: 0 });
    const again = await importOfficesCsv(db.sql, csv(row("re-1", { name: "اداره پست مرکزی", hours: "sat-thu 08:00-13:00" }), row("re-2"), row("re-3")));
    expect(again).toEqual({ ok: true, created: 1, updated: 2, closedDatesAdded: 0 });
    expect(await officeCount("re-")).toBe(3);
    const [office] = await db.sql.query<{ name: string; weekly_hours: string; province_id: number }>(
      `SELECT name, weekly_hours, province_id FROM offices WHERE code = 're-1'`,
    );
    expect(office).toEqual({ name: "اداره پست مرکزی", weekly_hours: "sat-thu 08:00-13:00", province_id: 8 });
  });

  it("gives future slots the new number of counters, never fewer than the seats taken", async () => {
    await importOfficesCsv(db.sql, csv(row("cap-1", { counters: "3" })));
    const [{ id }] = (await db.sql.query<{ id: number }>(`SELECT id FROM offices WHERE code = 'cap-1'`)) as [{ id: number }];
    const saturday = aSaturday();
    const startsAt = tehranInstantAt(saturday, 9 * 60);
    const deps = { offices: createSqlOfficeDirectory(db.sql, { cacheMs: 0 }), store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY };
    const applications = await insertPaidApplications(db, 2);
    for (const applicationId of applications) {
      expect(await bookAppointment(deps, { applicationId, officeId: id, startsAt, now: tehranInstantAt(saturday, 0) })).toMatchObject({ ok: true });
    }
    await importOfficesCsv(db.sql, csv(row("cap-1", { counters: "5" })), { now: tehranInstantAt(saturday, 0) });
    expect(await count(db, `SELECT capacity AS n FROM slots WHERE office_id = $1`, [id])).toBe(5);
    await importOfficesCsv(db.sql, csv(row("cap-1", { counters: "1" })), { now: tehranInstantAt(saturday, 0) });
    expect(await count(db, `SELECT capacity AS n FROM slots WHERE office_id = $1`, [id])).toBe(2);
  });

  it("adds closed dates, and refuses the whole file when one falls on a day with appointments", async () => {
    const saturday = aSaturday();
    const sunday = addDays(saturday, 1);
    const jalali = (date: { year: number; month: number; day: number }) => `${date.year}/${date.month}/${date.day}`;
    const now = tehranInstantAt(saturday, 0);
    expect(await importOfficesCsv(db.sql, csv(row("cl-1", { closed: jalali(saturday) })), { now })).toMatchObject({ ok: true, closedDatesAdded: 1 });
    const [{ id }] = (await db.sql.query<{ id: number }>(`SELECT id FROM offices WHERE code = 'cl-1'`)) as [{ id: number }];
    const deps = { offices: createSqlOfficeDirectory(db.sql, { cacheMs: 0 }), store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY };
    const [applicationId] = await insertPaidApplications(db, 1);
    expect(await bookAppointment(deps, { applicationId: applicationId!, officeId: id, startsAt: tehranInstantAt(saturday, 600), now })).toEqual({
      ok: false,
      error: "day_closed",
    });
    expect(await bookAppointment(deps, { applicationId: applicationId!, officeId: id, startsAt: tehranInstantAt(sunday, 600), now })).toMatchObject({
      ok: true,
    });

    const refused = await importOfficesCsv(db.sql, csv(row("cl-2"), row("cl-1", { name: "renamed", closed: `${jalali(saturday)}|${jalali(sunday)}` })), {
      now,
    });
    expect(refused).toEqual({
      ok: false,
      errors: [{ line: 3, reason: "closed_date_has_appointments", column: "closed_dates", value: `${jalaliDateToString(sunday)}: 1` }],
    });
    expect(await officeCount("cl-2")).toBe(0);
    expect(await count(db, `SELECT count(*)::int AS n FROM offices WHERE code = 'cl-1' AND name = 'renamed'`)).toBe(0);
    expect(await count(db, `SELECT count(*)::int AS n FROM office_closed_dates WHERE office_id = $1`, [id])).toBe(1);
  });

  it("loads the sample file once: all three types in all 31 provinces, at least 5,000 offices", async () => {
    const first = await ensureSampleOffices(db);
    expect(first.imported).toBe(first.total);
    expect(first.total).toBeGreaterThanOrEqual(5_000);
    expect(await ensureSampleOffices(db)).toEqual({ imported: 0, total: first.total });
    expect(await officeCount("sample-")).toBe(first.total);
    const coverage = await db.sql.query<{ province_id: number; types: number }>(
      `SELECT province_id, count(DISTINCT type)::int AS types FROM offices WHERE code LIKE 'sample-%' GROUP BY province_id`,
    );
    expect(coverage).toHaveLength(31);
    expect(coverage.every((province) => province.types === OFFICE_TYPES.length)).toBe(true);
    const catalog = await createSqlOfficeDirectory(db.sql).catalog();
    const [nearest] = catalog.nearest({ latitude: 35.6997, longitude: 51.338 }, { type: "civil_registration" });
    expect(nearest?.office.name).toMatch(/^اداره ثبت احوال تهران/);
    expect(nearest!.distanceKm).toBeLessThan(10);
    expect((await readFile(SAMPLE_OFFICES_FILE, "utf8")).split("\n")[0]).toBe(HEADER);
  });
});
