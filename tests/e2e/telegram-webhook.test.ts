// On Telegram the webhook is registered with its header secret, the update types the bot handles and how many
// deliveries Telegram may keep open at once (WEBHOOK_MAX_CONNECTIONS, 100 unless set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotProcess, type BotProcess } from "../support/bot-process.js";
import { TEST_BOT_TOKEN } from "../support/bot-fixture.js";
import { startRecordingBotApi, type RecordingBotApi } from "../support/recording-bot-api.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { createTestRedis, type TestRedis } from "../support/test-redis.js";

let platform: RecordingBotApi;
let database: TestDatabase;
let redis: TestRedis;
const bots: BotProcess[] = [];

const startWebhookBot = (extra: Record<string, string>) =>
  startBotProcess({
    BOT_TOKEN: TEST_BOT_TOKEN,
    PAYMENT_GATEWAY: "sandbox",
    BOT_API_ROOT: platform.url,
    BOT_MODE: "webhook",
    PUBLIC_URL: "https://bot.example.ir",
    WEBHOOK_SECRET: "telegram-webhook-secret-123",
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.prefix,
    HTTP_PORT: "0",
    SEED_SAMPLE_DATA: "false",
    ...extra,
  }).then((bot) => {
    bots.push(bot);
    return bot;
  });

beforeAll(async () => {
  platform = await startRecordingBotApi();
  database = await createTestDatabase();
  redis = createTestRedis();
});
afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await platform?.close();
  await redis?.cleanup();
  await database?.drop();
});

describe("Telegram webhook registration", () => {
  it("asks for 100 open deliveries by default and for WEBHOOK_MAX_CONNECTIONS when set, with the secret and the update types", async () => {
    const first = await startWebhookBot({});
    await first.stop();
    await startWebhookBot({ WEBHOOK_MAX_CONNECTIONS: "25" });
    const calls = platform.calls.filter((call) => call.method === "setWebhook").map((call) => call.payload as Record<string, unknown>);
    expect(calls).toHaveLength(2);
    for (const payload of calls) {
      expect(payload.url).toBe("https://bot.example.ir/webhook/telegram-webhook-secret-123");
      expect(payload.secret_token).toBe("telegram-webhook-secret-123");
      expect(payload.allowed_updates).toEqual(expect.arrayContaining(["message", "callback_query"]));
    }
    expect(calls.map((payload) => payload.max_connections)).toEqual([100, 25]);
  });
});
