// Two instances' dispatchers share the outbox: a send still retrying past the claim's 60 s is not sent twice; a send
// the platform refuses keeps its error on the row, and a citizen who blocked the bot is not tried again; a sent row
// whose mark waits for the database no longer takes one of its lane's send slots.
import { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resilientFetch } from "../../../src/bot/api-transport.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import type { SqlExecutor } from "../../../src/infrastructure/database/sql-executor.js";
import { NotificationDispatcher } from "../../../src/infrastructure/notifications/notification-dispatcher.js";
import { enqueueNotification } from "../../../src/infrastructure/notifications/notification-outbox.js";
import { createLogger } from "../../../src/infrastructure/logging/logger.js";
import { startLocalBotApi, type LocalBotApi } from "../../harness/local-bot-api.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

const token = "5151:outbox-claim";
let api: LocalBotApi;
let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  api = await startLocalBotApi();
  testDb = await createTestDatabase();
  db = testDb.open();
});
afterAll(async () => {
  await db.close();
  await testDb.drop();
  await api.close();
});

const dispatcher = () =>
  new NotificationDispatcher({
    sql: db.sql,
    api: new Bot(token, { client: { apiRoot: api.url, fetch: resilientFetch() } }).api,
    translate: (key) => `message ${key}`,
    logger: createLogger("silent"),
    pollMs: 200,
  });

describe("the outbox claim", () => {
  it("outlives a send whose retries take longer than the claim (two instances, one message)", async () => {
    const user = api.user(61, { token });
    await user.say("hi");
    await enqueueNotification(db.prisma, { dedupKey: "claim-test", chatId: 61, messageKey: "payment-confirmed", params: {} });
    // Two 429s of 31 s: the first sender is busy for 62 s, past the 60 s claim.
    await api.injectFault({ method: "sendMessage", error_code: 429, retry_after: 31, times: 2, chat_id: 61 });
    const [a, b] = [dispatcher(), dispatcher()];
    a.start();
    b.start();
    await expect
      .poll(async () => (await db.prisma.notification.findUniqueOrThrow({ where: { dedupKey: "claim-test" } })).sentAt, { timeout: 90_000, interval: 500 })
      .not.toBeNull();
    await Promise.all([a.stop(), b.stop()]);
    const messages = (await user.botMessages()).filter((message) => message.text === "message payment-confirmed");
    expect(messages).toHaveLength(1);
  }, 120_000);

  it("records a refused send on its row, and for a citizen who blocked the bot spends its attempts and marks the chat", async () => {
    const [blocker, missing] = [api.user(62, { token }), api.user(63, { token })];
    await blocker.say("hi");
    await missing.say("hi");
    await db.sql.query(`INSERT INTO chats (id, platform) VALUES (62, 'telegram'), (63, 'telegram')`);
    await blocker.block();
    await api.injectFault({ method: "sendMessage", error_code: 400, chat_id: 63 });
    for (const chatId of [62, 63]) await enqueueNotification(db.prisma, { dedupKey: `refused-${chatId}`, chatId, messageKey: "payment-confirmed", params: {} });
    const sender = dispatcher();
    const before = Date.now();
    expect(await sender.dispatchOnce()).toBe(0);
    expect(sender.stats.failed).toBe(2);
    const rows = await db.sql.query<{ dedup_key: string; attempts: number; last_error: string | null; claimed_until: Date; sent_at: Date | null }>(
      `SELECT dedup_key, attempts, last_error, claimed_until, sent_at FROM notifications WHERE dedup_key LIKE 'refused-%' ORDER BY dedup_key`,
    );
    expect(rows.map((row) => [row.dedup_key, row.attempts, row.sent_at])).toEqual([
      ["refused-62", 8, null],
      ["refused-63", 1, null],
    ]);
    expect(rows[0]!.last_error).toMatch(/blocked/);
    expect(rows[1]!.last_error).toMatch(/400/);
    // Tried again after a pause (30 s), not at the next poll.
    for (const row of rows) expect(row.claimed_until.getTime()).toBeGreaterThanOrEqual(before + 29_000);
    const chats = await db.sql.query<{ id: string; blocked: boolean }>(
      `SELECT id::text, blocked_at IS NOT NULL AS blocked FROM chats WHERE id IN (62, 63) ORDER BY id`,
    );
    expect(chats).toEqual([
      { id: "62", blocked: true },
      { id: "63", blocked: false },
    ]);
  });

  it("lets a sent row whose mark is still waiting free its send slot, and keeps its claim until the mark is written", async () => {
    const user = api.user(64, { token });
    await user.say("hi");
    for (const n of [1, 2, 3]) await enqueueNotification(db.prisma, { dedupKey: `slot-${n}`, chatId: 64, messageKey: "payment-confirmed", params: {} });
    // Sent marks (UPDATE … SET sent_at) are held until released, as when they queue for a connection at a peak.
    const heldMarks: Array<() => void> = [];
    const sql: SqlExecutor = {
      ...db.sql,
      async query<Row>(text: string, params?: unknown[]) {
        if (text.includes("SET sent_at")) await new Promise<void>((resolve) => heldMarks.push(resolve));
        return db.sql.query<Row>(text, params);
      },
    };
    // Two send slots for three rows: the third goes only once one of the first two has its answer.
    const sender = new NotificationDispatcher({
      sql,
      api: new Bot(token, { client: { apiRoot: api.url, fetch: resilientFetch() } }).api,
      translate: (key) => `message ${key}`,
      logger: createLogger("silent"),
      pollMs: 200,
      concurrency: 2,
    });
    sender.start();
    await expect
      .poll(async () => (await user.botMessages()).filter((message) => message.text === "message payment-confirmed").length, { timeout: 20_000 })
      .toBe(3);
    const unmarked = await db.sql.query<{ n: number; claimed: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE claimed_until > now())::int AS claimed FROM notifications WHERE dedup_key LIKE 'slot-%' AND sent_at IS NULL`,
    );
    expect(unmarked).toEqual([{ n: 3, claimed: 3 }]);
    const stopped = sender.stop();
    while ((await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE dedup_key LIKE 'slot-%' AND sent_at IS NULL`))[0]!.n > 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      heldMarks.shift()?.();
    }
    await stopped;
    expect((await user.botMessages()).filter((message) => message.text === "message payment-confirmed")).toHaveLength(3);
  });
});
