// On Bale the webhook is registered with exactly what Bale documents for setWebhook: the URL alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotProcess, type BotProcess } from "../support/bot-process.js";
import { TEST_BOT_TOKEN } from "../support/bot-fixture.js";
import { startRecordingBotApi, type RecordingBotApi } from "../support/recording-bot-api.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { createTestRedis, type TestRedis } from "../support/test-redis.js";

let platform: RecordingBotApi;
let database: TestDatabase;
let redis: TestRedis;
let bot: BotProcess;

beforeAll(async () => {
  platform = await startRecordingBotApi();
  database = await createTestDatabase();
  redis = createTestRedis();
  bot = await startBotProcess({
    BOT_TOKEN: TEST_BOT_TOKEN,
    BOT_PLATFORM: "bale",
    PAYMENT_GATEWAY: "sandbox",
    BOT_API_ROOT: platform.url,
    BOT_MODE: "webhook",
    PUBLIC_URL: "https://bot.example.ir",
    WEBHOOK_SECRET: "bale-webhook-secret-123",
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.prefix,
    HTTP_PORT: "0",
    SEED_SAMPLE_DATA: "false",
  });
});
afterAll(async () => {
  await bot?.stop();
  await platform?.close();
  await redis?.cleanup();
  await database?.drop();
});

describe("Bale webhook registration", () => {
  it("calls setWebhook with the URL and nothing else", () => {
    const calls = platform.calls.filter((call) => call.method === "setWebhook");
    expect(calls).toHaveLength(1);
    expect(calls[0]!.payload).toEqual({ url: "https://bot.example.ir/webhook/bale-webhook-secret-123" });
  });
});
