// Local mode: the same booking store and import on the embedded database (PGlite), as a single bot instance uses them.
import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "../../../src/domain/booking/book-appointment.js";
import type { BookingDeps } from "../../../src/domain/booking/booking-deps.js";
import { cancelAppointment } from "../../../src/domain/booking/change-appointment.js";
import { sweepNoShows } from "../../../src/domain/booking/no-show.js";
import { closeOfficeDay } from "../../../src/domain/booking/office-day-closure.js";
import { tehranInstantAt } from "../../../src/domain/booking/slot-schedule.js";
import { addDays } from "../../../src/domain/time/jalali.js";
import { createSqlBookingStore } from "../../../src/infrastructure/database/booking-store.js";
import { migrate, openEmbedded } from "../../../src/infrastructure/database/database.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlOfficeDirectory } from "../../../src/infrastructure/database/office-directory.js";
import { importOfficesCsv } from "../../../src/infrastructure/offices/import-offices.js";
import { aSaturday, count, insertPaidApplications, loadPlaces } from "./booking-fixtures.js";

describe("booking on the embedded database", () => {
  let dir: string;
  let db: Database;
  let deps: BookingDeps;
  let officeId: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "booking-pglite-"));
    db = await openEmbedded(dir);
    await migrate(db);
    await loadPlaces(db);
    const imported = await importOfficesCsv(
      db.sql,
      "code,type,name,city_id,address,phone,latitude,longitude,counters,closed_dates\n" +
        "e-1,civil_registration,اداره ثبت احوال,399,تهران,021-66742876,35.7,51.4,1,1407/01/01\n",
    );
    expect(imported).toMatchObject({ ok: true, created: 1, closedDatesAdded: 1 });
    officeId = (await db.sql.query<{ id: number }>(`SELECT id FROM offices WHERE code = 'e-1'`))[0]!.id;
    deps = { offices: createSqlOfficeDirectory(db.sql, { cacheMs: 0 }), store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY };
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("books, refuses a full slot, cancels, closes a day and sweeps no-shows", async () => {
    const saturday = aSaturday();
    const now = tehranInstantAt(saturday, 6 * 60);
    const startsAt = tehranInstantAt(saturday, 9 * 60);
    const [a, b, c] = await insertPaidApplications(db, 3);
    const booked = await bookAppointment(deps, { applicationId: a!, officeId, startsAt, now });
    expect(booked).toMatchObject({ ok: true });
    expect(await bookAppointment(deps, { applicationId: b!, officeId, startsAt, now })).toEqual({ ok: false, error: "slot_full" });
    expect(await cancelAppointment(deps, { appointmentId: booked.ok ? booked.appointment.appointmentId : "", now })).toMatchObject({ ok: true });
    expect(await bookAppointment(deps, { applicationId: b!, officeId, startsAt, now })).toMatchObject({ ok: true });

    const sunday = addDays(saturday, 1);
    expect(await bookAppointment(deps, { applicationId: c!, officeId, startsAt: tehranInstantAt(sunday, 600), now })).toMatchObject({ ok: true });
    const closed = await closeOfficeDay(deps, { officeId, date: sunday, now });
    expect(closed.ok && closed.cancelled.map((notice) => notice.applicationId)).toEqual([c]);

    const missed = await sweepNoShows(deps, { now: tehranInstantAt(saturday, 11 * 60) });
    expect(missed.map((m) => m.applicationId)).toEqual([b]);
    expect(await count(db, `SELECT count(*)::int AS n FROM appointments WHERE status = 'active'`)).toBe(0);
  });
});
