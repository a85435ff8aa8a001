// The bot in webhook mode, fed raw updates as a platform (or an attacker) would send them: malformed bodies,
// forged payments, group chats, a replaced Bot API server, a busy chat, Redis going away.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotProcess, type BotProcess } from "../support/bot-process.js";
import { TEST_BOT_TOKEN } from "../support/bot-fixture.js";
import { startRecordingBotApi, type RecordingBotApi } from "../support/recording-bot-api.js";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { createTestRedis, type TestRedis } from "../support/test-redis.js";
import { REDIS_URL } from "../support/services.js";

const SECRET = "webhook-robustness-secret";
let platform: RecordingBotApi;
let database: TestDatabase;
let redis: TestRedis;
let redisProxy: TcpProxy;
let bot: BotProcess;
let nextUpdateId = 1;

beforeAll(async () => {
  platform = await startRecordingBotApi();
  database = await createTestDatabase();
  redis = createTestRedis();
  const target = new URL(REDIS_URL);
  redisProxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
  bot = await startBotProcess({
    BOT_TOKEN: TEST_BOT_TOKEN,
    PAYMENT_GATEWAY: "sandbox",
    BOT_API_ROOT: platform.url,
    BOT_MODE: "webhook",
    PUBLIC_URL: "http://127.0.0.1:9",
    WEBHOOK_SECRET: SECRET,
    DATABASE_URL: database.url,
    REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
    REDIS_KEY_PREFIX: redis.prefix,
    HTTP_PORT: "0",
    SEED_SAMPLE_DATA: "true",
    CHAT_LOCK_WAIT_SECONDS: "1",
  });
});
afterAll(async () => {
  await bot?.stop();
  await redisProxy?.close();
  await platform?.close();
  await redis?.cleanup();
  await database?.drop();
});

const post = (body: string) =>
  fetch(`${bot.httpUrl}/webhook/${SECRET}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body,
  });

function message(chat: { id: number; type: "private" | "supergroup" }, text: string, updateId = nextUpdateId++) {
  const from = { id: chat.type === "private" ? chat.id : 777001, is_bot: false, first_name: "Test" };
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { ...chat, ...(chat.type === "supergroup" ? { title: "A group" } : {}) },
      from,
      text,
    },
  };
}

describe("a webhook request that is not an update", () => {
  it("answers 400 with one log line and no stack trace", async () => {
    const before = bot.logs.length;
    const response = await post("{not json");
    expect(response.status).toBe(400);
    const line = await bot.waitForLog((l) => l.msg.startsWith("webhook request is not a JSON update"));
    expect(line.level).toBe(40);
    expect(bot.logs.slice(before).filter((l) => l.level >= 40)).toHaveLength(1);
    expect(bot.stderr()).not.toContain("SyntaxError");
  });
});

describe("a forged successful_payment", () => {
  it.each([
    ["an unknown payment id", randomUUID()],
    ["a payload that is no id at all", "forged'; --"],
  ])("naming %s is refused quietly with a warning", async (_label, payload) => {
    const chatId = 5100 + nextUpdateId;
    const update = {
      update_id: nextUpdateId++,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private" },
        from: { id: chatId, is_bot: false, first_name: "X" },
        successful_payment: { currency: "IRR", total_amount: 1000, invoice_payload: payload, telegram_payment_charge_id: "t", provider_payment_charge_id: "p" },
      },
    };
    expect((await post(JSON.stringify(update))).status).toBe(200);
    const warning = await bot.waitForLog((l) => l.msg.startsWith("successful_payment for no payment of ours") && l.update_id === update.update_id);
    expect(warning.level).toBe(40);
    expect(platform.sent("sendMessage", chatId)).toHaveLength(0);
    expect(bot.logs.some((l) => l.update_id === update.update_id && l.level >= 50)).toBe(false);
  });
});

describe("a group chat", () => {
  it("starts no journey and is told once, briefly, that the bot works in private chats", async () => {
    const group = { id: -1001234567, type: "supergroup" as const };
    const first = message(group, "📊 پیگیری وضعیت");
    await post(JSON.stringify(first));
    await bot.waitForLog((l) => l.update_id === first.update_id && l.msg.startsWith("update from a group chat"));
    const second = message(group, "📝 پیش‌ثبت‌نام");
    await post(JSON.stringify(second));
    await bot.waitForLog((l) => l.update_id === second.update_id && l.msg.startsWith("update from a group chat"));
    const sent = platform.sent("sendMessage", group.id);
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!.payload.text)).toContain("گفت‌وگوی خصوصی");
    expect(await redis.redis.keys(`${redis.prefix}*conversation:${group.id}`)).toEqual([]);
  });
});

describe("update de-duplication", () => {
  it("drops a redelivered update once, with an info line, but not another update that reuses its id", async () => {
    const id = 900_000;
    const original = message({ id: 5301, type: "private" }, "/start", id);
    await post(JSON.stringify(original));
    await platform.waitForCall((call) => call.method === "sendMessage" && call.payload.chat_id === 5301);
    await post(JSON.stringify(original));
    const dropped = await bot.waitForLog((l) => l.update_id === id && l.msg.startsWith("duplicate of an update already handled"));
    expect(dropped.level).toBe(30);
    expect(platform.sent("sendMessage", 5301)).toHaveLength(1);
    // A new Bot API server counts from 1 again: the same id now belongs to another user's update.
    await post(JSON.stringify(message({ id: 5302, type: "private" }, "/start", id)));
    await platform.waitForCall((call) => call.method === "sendMessage" && call.payload.chat_id === 5302);
  });
});

describe("a chat held by another instance past the wait", () => {
  it("gets the apology, and the error is on the masked logger", async () => {
    const chatId = 5401;
    await redis.redis.set(`${redis.prefix}bot4242:chat-lock:${chatId}`, "other-instance", "PX", 30_000);
    const update = message({ id: chatId, type: "private" }, "/start");
    await post(JSON.stringify(update));
    const apology = await platform.waitForCall((call) => call.method === "sendMessage" && call.payload.chat_id === chatId);
    expect(String(apology.payload.text)).toContain("متأسفیم");
    const line = await bot.waitForLog((l) => l.update_id === update.update_id && l.msg === "update failed before reaching its handlers");
    expect(line.level).toBe(50);
    expect(JSON.stringify(line)).toContain("ChatLockTimeoutError");
  });
});

describe("/healthz while Redis is down", () => {
  it("answers 503 within two seconds, and 200 once Redis is back", async () => {
    expect((await fetch(`${bot.httpUrl}/healthz`)).status).toBe(200);
    await redisProxy.cut();
    try {
      // A probe that hangs is as bad as a wrong answer: this one gives up after 2.5 s.
      const response = await fetch(`${bot.httpUrl}/healthz`, { signal: AbortSignal.timeout(2500) });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { checks: Record<string, string> }).checks.redis).toBe("failing");
    } finally {
      await redisProxy.restore();
    }
    await expect.poll(async () => (await fetch(`${bot.httpUrl}/healthz`)).status, { timeout: 20_000, interval: 250 }).toBe(200);
  });
});
