// Uncollected-card reminders and daily summaries on the real PostgreSQL: weekly, at most N, never after the holding
// period, once each even when two instances run the job at the same time.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTrackingCode } from "../../../src/domain/application/tracking-code.js";
import { tehranWallTimeToInstant } from "../../../src/domain/time/tehran-clock.js";
import { importCardsCsv } from "../../../src/infrastructure/cards/import-cards.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { sendDailySummaries, sendPickupReminders } from "../../../src/infrastructure/jobs/card-jobs.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { count, insertOffice, insertPaidApplications, loadPlaces } from "../booking/booking-fixtures.js";

const DAY = 86_400_000;
const policy = { holdMs: 30 * DAY, reminderEveryMs: 7 * DAY, maxReminders: 3 };

describe("pickup reminders and daily summaries", () => {
  let testDb: TestDatabase;
  let db: Database;
  let other: Database;
  let office: number;
  const readyAt = tehranWallTimeToInstant({ year: 1405, month: 9, day: 1 }, 10, 0);

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    other = testDb.open();
    await loadPlaces(db);
    office = await insertOffice(db);
    const [application] = await insertPaidApplications(db, 1, "in_production");
    const [{ tracking_code: code }] = (await db.sql.query<{ tracking_code: string }>(
      `UPDATE applications SET tracking_code = $2 WHERE id = $1::uuid RETURNING tracking_code`,
      [application, generateTrackingCode(randomInt)],
    )) as [{ tracking_code: string }];
    const [{ code: officeCode }] = (await db.sql.query<{ code: string }>(`SELECT code FROM offices WHERE id = $1`, [office])) as [{ code: string }];
    const imported = await importCardsCsv(db.sql, `tracking_code,card_serial,pickup_office_code,issued_date\n${code},SN-777777,${officeCode},1405/08/25\n`, {
      now: readyAt,
      deliveryRial: 20_000,
      policy,
    });
    expect(imported).toMatchObject({ ok: true, imported: 1 });
    await db.sql.query(`INSERT INTO staff_members (user_id, role, office_id) VALUES (61001, 'operator', $1), (61002, 'operator', $1)`, [office]);
  });
  afterAll(async () => {
    await other?.close();
    await db?.close();
    await testDb?.drop();
  });

  const reminders = () => count(db, `SELECT count(*)::int AS n FROM notifications WHERE message_key = 'card-reminder'`);

  it("reminds once a week, at most N times, counting down, never after the holding period", async () => {
    expect(await sendPickupReminders(db.sql, new Date(readyAt.getTime() + 6 * DAY), policy)).toBe(0);
    const both = await Promise.all([
      sendPickupReminders(db.sql, new Date(readyAt.getTime() + 7 * DAY), policy),
      sendPickupReminders(other.sql, new Date(readyAt.getTime() + 7 * DAY), policy),
    ]);
    expect(both.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sendPickupReminders(db.sql, new Date(readyAt.getTime() + 9 * DAY), policy)).toBe(0);
    const [first] = await db.sql.query<{ params: Record<string, string> }>(`SELECT params FROM notifications WHERE dedup_key LIKE 'card-reminder:%:1'`);
    expect(first!.params.daysLeft).toBe("۲۳");
    expect(await sendPickupReminders(db.sql, new Date(readyAt.getTime() + 14 * DAY), policy)).toBe(1);
    expect(await sendPickupReminders(db.sql, new Date(readyAt.getTime() + 21 * DAY), policy)).toBe(1);
    expect(await sendPickupReminders(db.sql, new Date(readyAt.getTime() + 28 * DAY), policy)).toBe(0); // the maximum (3) is reached
    expect(await reminders()).toBe(3);
    await db.sql.query(`UPDATE cards SET reminders_sent = 0`);
    expect(await sendPickupReminders(db.sql, new Date(readyAt.getTime() + 31 * DAY), policy)).toBe(0); // held until day 30
  });

  it("sends each office's operators one summary a day, after the hour", async () => {
    const evening = tehranWallTimeToInstant({ year: 1405, month: 9, day: 1 }, 20, 0);
    expect(await sendDailySummaries(db.sql, tehranWallTimeToInstant({ year: 1405, month: 9, day: 1 }, 18, 0), 19)).toBe(0);
    expect(await sendDailySummaries(db.sql, evening, 19)).toBe(2);
    expect(await sendDailySummaries(other.sql, new Date(evening.getTime() + 3600_000), 19)).toBe(0);
    const [summary] = await db.sql.query<{ chat_id: string; params: Record<string, string> }>(
      `SELECT chat_id::text AS chat_id, params FROM notifications WHERE message_key = 'staff-daily-summary' ORDER BY id LIMIT 1`,
    );
    expect(summary).toMatchObject({ chat_id: "61001", params: { cardsReady: "۱", waiting: "۱", delivered: "۰" } });
  });
});
