// Two instances' dispatchers share the outbox: a send still retrying past the claim's 60 s is not sent twice.
import { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resilientFetch } from "../../../src/bot/api-transport.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
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
    prisma: db.prisma,
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
});
