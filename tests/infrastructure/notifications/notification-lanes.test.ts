// The dispatcher's lanes against a Bot API that enforces limits: transactional rows go in parallel while bulk ones
// wait for the shared budget, a 429 holds the budget and is counted, and two instances send every row once.
import { Bot } from "grammy";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resilientFetch } from "../../../src/bot/api-transport.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createLogger } from "../../../src/infrastructure/logging/logger.js";
import { NotificationDispatcher } from "../../../src/infrastructure/notifications/notification-dispatcher.js";
import { enqueueNotification } from "../../../src/infrastructure/notifications/notification-outbox.js";
import { RedisSendBudget, type SendBudget } from "../../../src/infrastructure/redis/send-budget.js";
import { type LimitedBotApi, type LimitedBotApiOptions, startLimitedBotApi } from "../../harness/limited-bot-api.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { createTestRedis } from "../../support/test-redis.js";

const token = "5252:lanes";
const testRedis = createTestRedis();
const otherRedis = new Redis(testRedis.url, { maxRetriesPerRequest: null });
let testDb: TestDatabase;
let dbA: Database;
let dbB: Database;
let fake: LimitedBotApi | undefined;
const running: NotificationDispatcher[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  [dbA, dbB] = [testDb.open(), testDb.open()];
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((dispatcher) => dispatcher.stop()));
  await dbA.sql.query("DELETE FROM notifications");
  await fake?.close();
  fake = undefined;
});
afterAll(async () => {
  await Promise.all([dbA.close(), dbB.close()]);
  await testDb.drop();
  otherRedis.disconnect();
  await testRedis.cleanup();
});

let budgets = 0;
/** A budget key of its own per test; `redis` picks the connection (two instances have two). */
const budgetKey = () => `${testRedis.prefix}budget${++budgets}`;

function dispatcher(db: Database, budget: SendBudget, options: { concurrency?: number } = {}): NotificationDispatcher {
  let created: NotificationDispatcher | undefined;
  const fetch = resilientFetch({
    onRateLimited: async (call) => {
      created?.holdBulk(call.retryAfterSeconds * 1000);
      await budget.countRateLimited();
      await budget.holdFor(call.retryAfterSeconds * 1000);
    },
  });
  created = new NotificationDispatcher({
    sql: db.sql,
    api: new Bot(token, { client: { apiRoot: fake!.url, fetch } }).api,
    translate: (key, params) => `${key} ${params?.n ?? ""}`,
    logger: createLogger("silent"),
    budget,
    pollMs: 50,
    ...options,
  });
  running.push(created);
  return created;
}

async function start(options: LimitedBotApiOptions): Promise<LimitedBotApi> {
  fake = await startLimitedBotApi(options);
  return fake;
}

const enqueue = (db: Database, n: number, messageKey: string, chatId = 10_000 + n) =>
  enqueueNotification(db.prisma, { dedupKey: `${messageKey}:${n}`, chatId, messageKey, params: { n } });

const unsent = async (lane: string) =>
  Number((await dbA.sql.query<{ count: string }>(`SELECT count(*) FROM notifications WHERE lane = $1 AND sent_at IS NULL`, [lane]))[0]!.count);

describe("the notification lanes", () => {
  it("sends transactional notifications several at once", async () => {
    const api = await start({ globalPerSecond: 1000, latencyMs: 100 });
    for (let n = 0; n < 32; n++) await enqueue(dbA, n, "payment-confirmed");
    const sent = await dispatcher(dbA, new RedisSendBudget(testRedis.redis, budgetKey(), 30)).dispatchOnce();
    expect(sent).toBe(16);
    // With one at a time the fake would never see two calls open together.
    expect(api.maxInFlight).toBeGreaterThanOrEqual(8);
    expect(await unsent("transactional")).toBe(16);
  });

  it("lets a transactional notification pass bulk ones waiting for the budget", async () => {
    const api = await start({ globalPerSecond: 1000 });
    for (let n = 0; n < 40; n++) await enqueue(dbA, n, "booking-reminder-two-hours");
    // Two bulk messages a second: the 40 take 20 s; the payment confirmation must not wait behind them.
    const sender = dispatcher(dbA, new RedisSendBudget(testRedis.redis, budgetKey(), 2));
    sender.start();
    await expect.poll(() => api.accepted.length, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(1);
    await enqueue(dbA, 1000, "payment-confirmed");
    await expect.poll(() => api.accepted.some((m) => m.text === "payment-confirmed 1000"), { timeout: 10_000, interval: 20 }).toBe(true);
    const bulkSent = api.accepted.filter((m) => m.text.startsWith("booking-reminder")).length;
    expect(bulkSent).toBeLessThan(20);
    expect(await unsent("bulk")).toBeGreaterThan(20);
  });

  it("holds the shared budget after a 429, counts it, and still sends the message once", async () => {
    let faults = 1;
    const api = await start({
      globalPerSecond: 1000,
      intercept: (method) =>
        method === "sendMessage" && faults-- > 0
          ? { ok: false, error_code: 429, description: "Too Many Requests: retry after 2", parameters: { retry_after: 2 } }
          : undefined,
    });
    const key = budgetKey();
    const budget = new RedisSendBudget(testRedis.redis, key, 100);
    for (let n = 0; n < 5; n++) await enqueue(dbA, n, "card-reminder");
    const sender = dispatcher(dbA, budget);
    sender.start();
    await expect.poll(() => budget.rateLimitedCount(), { timeout: 10_000, interval: 20 }).toBe(1);
    // Another instance asking now is held too: the next slot is about two seconds away.
    const elsewhere = new RedisSendBudget(otherRedis, key, 100);
    expect((await elsewhere.reserve(1)).firstInMs).toBeGreaterThan(1000);
    await expect.poll(() => unsent("bulk"), { timeout: 15_000, interval: 50 }).toBe(0);
    const texts = api.accepted.map((m) => m.text).sort();
    expect(texts).toEqual([0, 1, 2, 3, 4].map((n) => `card-reminder ${n}`).sort());
  });

  it("sends every row once with two instances, in both lanes, within the budget", async () => {
    const rate = 200;
    // Headroom over the bulk rate for the transactional burst, which goes at once (charged to the budget after).
    const api = await start({ globalPerSecond: rate + 40, latencyMs: 5 });
    for (let n = 0; n < 300; n++) await enqueue(dbA, n, "booking-reminder-day-before", 20_000 + (n % 150));
    for (let n = 0; n < 30; n++) await enqueue(dbA, n, "payment-confirmed");
    const key = budgetKey();
    const [a, b] = [dispatcher(dbA, new RedisSendBudget(testRedis.redis, key, rate)), dispatcher(dbB, new RedisSendBudget(otherRedis, key, rate))];
    a.start();
    b.start();
    await expect.poll(async () => (await unsent("bulk")) + (await unsent("transactional")), { timeout: 30_000, interval: 100 }).toBe(0);
    await Promise.all([a.stop(), b.stop()]);
    const texts = api.accepted.map((m) => m.text);
    expect(texts).toHaveLength(330);
    expect(new Set(texts).size).toBe(330);
    // The fake refused nothing: the budget kept the global pace and each chat's two reminders a second apart.
    expect(api.refusedGlobal).toBe(0);
    expect(api.refusedPerChat).toBe(0);
  });
});
