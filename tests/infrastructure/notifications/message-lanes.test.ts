// The lane the database gives a notification at insert is the one message-lanes.ts documents, for every key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { BULK_MESSAGE_KEYS, laneOf } from "../../../src/infrastructure/notifications/message-lanes.js";
import { enqueueNotification } from "../../../src/infrastructure/notifications/notification-outbox.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

let testDb: TestDatabase;
let db: Database;
beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.open();
});
afterAll(async () => {
  await db.close();
  await testDb.drop();
});

const TRANSACTIONAL = ["payment-confirmed", "card-ready", "card-in-transit", "card-delivered", "visit-completed", "booking-missed", "staff-case-overdue"];

describe("message lanes", () => {
  it("are set by the database from the message key, as message-lanes.ts lists them", async () => {
    const keys = [...BULK_MESSAGE_KEYS, ...TRANSACTIONAL];
    for (const key of keys) await enqueueNotification(db.prisma, { dedupKey: `lane:${key}`, chatId: 1, messageKey: key, params: {} });
    const rows = await db.sql.query<{ message_key: string; lane: string }>(`SELECT message_key, lane FROM notifications WHERE dedup_key LIKE 'lane:%'`);
    expect(rows).toHaveLength(keys.length);
    for (const row of rows) expect(row.lane, row.message_key).toBe(laneOf(row.message_key));
    expect(
      rows
        .filter((row) => row.lane === "bulk")
        .map((row) => row.message_key)
        .sort(),
    ).toEqual([...BULK_MESSAGE_KEYS].sort());
  });

  it("agree for any key, including ones this test does not name", async () => {
    const probes = ["case-notify-answer", "some-future-key", ...BULK_MESSAGE_KEYS];
    const rows = await db.sql.query<{ key: string; lane: string }>(`SELECT k AS key, notification_lane(k) AS lane FROM unnest($1::text[]) AS k`, [probes]);
    for (const row of rows) expect(row.lane, row.key).toBe(laneOf(row.key));
  });
});
