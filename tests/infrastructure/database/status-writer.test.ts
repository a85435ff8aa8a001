// One writer of application status: application_move() is the only statement that changes it. A trigger
// refuses any other write, so walking every path (payment, booking, cancelling, a closed day, a no-show,
// completion) through the real stores proves each goes through it; and no source writes the column itself.
import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { randomInt } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTrackingCode } from "../../../src/domain/application/tracking-code.js";
import { bookAppointment } from "../../../src/domain/booking/book-appointment.js";
import { CHECK_IN_MOVE, COMPLETE_MOVE } from "../../../src/domain/booking/booking-transitions.js";
import type { BookingDeps } from "../../../src/domain/booking/booking-deps.js";
import { cancelAppointment } from "../../../src/domain/booking/change-appointment.js";
import { checkInAppointment, completeAppointment } from "../../../src/domain/booking/check-in.js";
import { sweepNoShows } from "../../../src/domain/booking/no-show.js";
import { closeOfficeDay } from "../../../src/domain/booking/office-day-closure.js";
import { tehranInstantAt } from "../../../src/domain/booking/slot-schedule.js";
import { addDays, type JalaliDate } from "../../../src/domain/time/jalali.js";
import { createSqlBookingStore } from "../../../src/infrastructure/database/booking-store.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlOfficeDirectory } from "../../../src/infrastructure/database/office-directory.js";
import { createSqlPaymentLedger } from "../../../src/infrastructure/database/payment-ledger.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { aSaturday, insertOffice, insertPaidApplications, loadPlaces } from "../booking/booking-fixtures.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SATURDAY = aSaturday();
const at = (date: JalaliDate, hour: number, minute = 0) => tehranInstantAt(date, hour * 60 + minute);
const now = at(SATURDAY, 7, 0);

describe("one writer of application status", () => {
  let testDb: TestDatabase;
  let db: Database;
  let deps: BookingDeps;
  let office: number;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    await loadPlaces(db);
    deps = { offices: createSqlOfficeDirectory(db.sql, { cacheMs: 0 }), store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY };
    office = await insertOffice(db, { counters: 2 });
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const statusOf = async (id: string) => (await db.sql.query<{ status: string }>(`SELECT status FROM applications WHERE id = $1::uuid`, [id]))[0]!.status;
  const timeline = async (id: string) =>
    (await db.sql.query<{ status: string }>(`SELECT status FROM application_events WHERE application_id = $1::uuid ORDER BY id`, [id])).map(
      (row) => row.status,
    );

  it("refuses a write of the status by any other statement, by raw SQL and by Prisma alike", async () => {
    const [id] = await insertPaidApplications(db, 1);
    await expect(db.sql.query(`UPDATE applications SET status = 'booked' WHERE id = $1::uuid`, [id])).rejects.toThrow(/written only by application_move/);
    await expect(db.prisma.application.update({ where: { id: id! }, data: { status: "delivered" } })).rejects.toThrow(/application_move/);
    // Other columns stay writable, and so does the status set to what it already is.
    await db.sql.query(`UPDATE applications SET address = 'تهران، میدان آزادی', status = status WHERE id = $1::uuid`, [id]);
    expect(await statusOf(id!)).toBe("paid");
  });

  it("moves only applications in a source state, each with its timeline event", async () => {
    const [a, b] = await insertPaidApplications(db, 2);
    await db.sql.query(`SELECT application_move(ARRAY[$1::uuid], ARRAY['paid'], 'booked', now())`, [b]);
    const moved = await db.sql.query<{ id: string }>(
      `SELECT id::text AS id FROM application_move(ARRAY[$1::uuid, $2::uuid], ARRAY['paid'], 'cancelled', now()) AS id`,
      [a, b],
    );
    expect(moved.map((row) => row.id)).toEqual([a]);
    expect([await statusOf(a!), await statusOf(b!)]).toEqual(["cancelled", "booked"]);
    expect(await timeline(a!)).toEqual(["cancelled"]);
    expect(await timeline(b!)).toEqual(["booked"]);
  });

  it("takes every path of the lifecycle through it: paid, booked, cancelled, closed day, no-show, checked in, completed", async () => {
    // Payment settled (the SQL ledger).
    const [{ id: applicationId }] = (await db.sql.query<{ id: string }>(
      `INSERT INTO applications (national_id, birth_date, first_name, last_name, father_name, mobile, landline, postal_code, address, city_id, chat_id, status, fee_rial)
       VALUES ('9999999999', '1370/01/01', 'علی', 'رضایی', 'حسن', '09121234567', NULL, '1345678912', 'تهران', 399, 4242, 'awaiting_payment', 200000)
       RETURNING id::text AS id`,
    )) as [{ id: string }];
    const ledger = createSqlPaymentLedger(db.sql);
    const { payment } = await ledger.openPayment({
      applicationId: applicationId!,
      gateway: "sandbox",
      amountRial: 200_000,
      now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    });
    const settled = await ledger.settlePaid({ paymentId: payment.id, receipt: "R-1", at: now, newTrackingCode: () => generateTrackingCode(randomInt) });
    expect(settled.kind).toBe("settled");
    expect(await statusOf(applicationId!)).toBe("paid");

    // Booked and cancelled by the citizen (booking_book, booking_cancel).
    const monday = addDays(SATURDAY, 2);
    const booked = await bookAppointment(deps, { applicationId: applicationId!, officeId: office, startsAt: at(monday, 9), now });
    if (!booked.ok) throw new Error(booked.error);
    expect(await statusOf(applicationId!)).toBe("booked");
    expect((await cancelAppointment(deps, { appointmentId: booked.appointment.appointmentId, now })).ok).toBe(true);
    expect(await statusOf(applicationId!)).toBe("paid");

    // Booked again and cancelled by the office closing the day (closeDay).
    const tuesday = addDays(SATURDAY, 3);
    expect((await bookAppointment(deps, { applicationId: applicationId!, officeId: office, startsAt: at(tuesday, 9), now })).ok).toBe(true);
    await closeOfficeDay(deps, { officeId: office, date: tuesday, now });
    expect(await statusOf(applicationId!)).toBe("paid");

    // Booked, then missed (markNoShows).
    expect((await bookAppointment(deps, { applicationId: applicationId!, officeId: office, startsAt: at(monday, 10), now })).ok).toBe(true);
    await sweepNoShows(deps, { now: at(monday, 12) });
    expect(await statusOf(applicationId!)).toBe("no_show");

    // After the ban: booked, checked in and completed (complete).
    const later = addDays(SATURDAY, 7);
    const again = await bookAppointment(deps, { applicationId: applicationId!, officeId: office, startsAt: at(addDays(later, 2), 9), now: at(later, 7) });
    if (!again.ok) throw new Error(again.error);
    await checkInAppointment(deps, { appointmentId: again.appointment.appointmentId, now: at(addDays(later, 2), 9) });
    expect(await statusOf(applicationId!)).toBe(CHECK_IN_MOVE.to);
    await completeAppointment(deps, { appointmentId: again.appointment.appointmentId, now: at(addDays(later, 2), 9, 30) });
    expect(await statusOf(applicationId!)).toBe(COMPLETE_MOVE.to);

    expect(await timeline(applicationId!)).toEqual([
      "paid",
      "booked",
      "paid",
      "booked",
      "paid",
      "booked",
      "no_show",
      "booked",
      CHECK_IN_MOVE.to,
      COMPLETE_MOVE.to,
    ]);
  });

  it("is the only place in the source and the later migrations that sets applications.status", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === "generated" ? [] : files(path);
        return /\.(ts|sql)$/.test(entry.name) ? [path] : [];
      });
    const migrations = join(ROOT, "prisma/migrations");
    const sources = [
      ...files(join(ROOT, "src")),
      // Migrations before the one that introduced the writer are history; they are replaced, not edited.
      ...files(migrations).filter((path) => relative(migrations, path) >= "20261201100000"),
    ];
    const writes = sources.flatMap((path) => {
      const text = readFileSync(path, "utf8");
      return [...text.matchAll(/UPDATE\s+applications\b[^;]*?\bSET\b[^;]*?\bstatus\s*=/gi)].map(() => relative(ROOT, path));
    });
    expect(writes).toEqual(["prisma/migrations/20261201100000_one_status_writer/migration.sql"]);
  });
});
