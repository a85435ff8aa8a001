// Sent marks are batched, and a row waits for its own batch only, not for the batches of rows sent after it
// (on the real PostgreSQL; each mark's UPDATE is held until the test lets it run, to order them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/infrastructure/database/database.js";
import type { SqlExecutor } from "../../../src/infrastructure/database/sql-executor.js";
import { createLogger } from "../../../src/infrastructure/logging/logger.js";
import { enqueueNotification } from "../../../src/infrastructure/notifications/notification-outbox.js";
import { SentMarks } from "../../../src/infrastructure/notifications/sent-marks.js";
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

/** The real executor, with every UPDATE of notifications held until `release()`; `writes` lists each one's ids. */
function heldWrites(sql: SqlExecutor) {
  const held: Array<() => void> = [];
  const started: Array<() => boolean> = [];
  const writes: string[][] = [];
  const gated: SqlExecutor = {
    ...sql,
    async query<Row>(text: string, params?: unknown[]) {
      if (!text.startsWith("UPDATE notifications")) return sql.query<Row>(text, params);
      writes.push(params?.[0] as string[]);
      started.splice(0, started.length, ...started.filter((done) => !done()));
      await new Promise<void>((resolve) => held.push(resolve));
      return sql.query<Row>(text, params);
    },
  };
  return {
    sql: gated,
    writes,
    /** Lets the oldest held write run. */
    release: () => held.shift()?.(),
    /** Resolves when `count` writes have started. */
    started: (count: number) =>
      new Promise<void>((resolve) => {
        const done = () => {
          if (writes.length < count) return false;
          resolve();
          return true;
        };
        if (!done()) started.push(done);
      }),
  };
}

async function outboxRows(keys: string[]): Promise<bigint[]> {
  for (const key of keys) await enqueueNotification(db.prisma, { dedupKey: key, chatId: 71, messageKey: "payment-confirmed", params: {} });
  const rows = await db.sql.query<{ id: string }>(`SELECT id::text FROM notifications WHERE dedup_key = ANY($1::text[]) ORDER BY id`, [keys]);
  return rows.map((row) => BigInt(row.id));
}

const sentAt = async (ids: bigint[]) =>
  (
    await db.sql.query<{ sent: boolean }>(`SELECT sent_at IS NOT NULL AS sent FROM notifications WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids.map(String)])
  ).map((row) => row.sent);

describe("sent marks", () => {
  it("batch what finished while a mark was written, and let each row go once its own batch is written", async () => {
    const [a, b, c, d] = await outboxRows(["marks-a", "marks-b", "marks-c", "marks-d"]);
    const gate = heldWrites(db.sql);
    const marks = new SentMarks(gate.sql, createLogger("silent"));

    const markedA = marks.sent(a!);
    await gate.started(1);
    // b and c finish while a's mark is written: they go together in the next write.
    const [markedB, markedC] = [marks.sent(b!), marks.sent(c!)];
    gate.release();
    await markedA;
    await gate.started(2);
    // d finishes while b's and c's mark is written.
    const markedD = marks.sent(d!);
    gate.release();
    // b and c are marked and let go although d's mark (the third write) is still held.
    await Promise.all([markedB, markedC]);
    await gate.started(3);
    expect(gate.writes).toEqual([[String(a)], [String(b), String(c)], [String(d)]]);
    expect(await sentAt([a!, b!, c!, d!])).toEqual([true, true, true, false]);

    gate.release();
    await markedD;
    await marks.flush();
    expect(await sentAt([a!, b!, c!, d!])).toEqual([true, true, true, true]);
  });

  it("keep a refused mark and write it with the next batch, its row still waiting", async () => {
    const [e, f] = await outboxRows(["marks-e", "marks-f"]);
    let refusals = 1;
    const refusingOnce: SqlExecutor = {
      ...db.sql,
      async query<Row>(text: string, params?: unknown[]) {
        if (text.startsWith("UPDATE notifications") && refusals-- > 0) throw new Error("connection lost");
        return db.sql.query<Row>(text, params);
      },
    };
    const marks = new SentMarks(refusingOnce, createLogger("silent"));
    const [markedE, markedF] = [marks.sent(e!), marks.sent(f!)];
    await Promise.all([markedE, markedF]);
    expect(await sentAt([e!, f!])).toEqual([true, true]);
  });
});
