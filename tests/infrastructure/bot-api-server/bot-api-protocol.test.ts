// The Bot API surface: envelopes, authentication, errors and body encodings, as grammY and raw HTTP see them.

import { Bot, GrammyError } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocalBotApi, type LocalBotApi } from "../../harness/local-bot-api.js";

const token = "123:abc";
let api: LocalBotApi;
let bot: Bot;

beforeAll(async () => {
  api = await startLocalBotApi();
  bot = new Bot(token, { client: { apiRoot: api.url } });
});
afterAll(() => api.close());
beforeEach(() => api.reset());

async function rawCall(path: string, init?: RequestInit) {
  const response = await fetch(`${api.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function expectBotApiError(call: Promise<unknown>, errorCode: number, description: string) {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GrammyError);
  expect((error as GrammyError).error_code).toBe(errorCode);
  expect((error as GrammyError).description).toBe(description);
}

describe("identity and authentication", () => {
  it("answers getMe with the bot the token names", async () => {
    const me = await bot.api.getMe();
    expect(me).toMatchObject({ id: 123, is_bot: true, first_name: "Local Bot", username: "bot123_bot" });
  });

  it("rejects a token that is not <digits>:<text> with Telegram's 401 envelope", async () => {
    const answer = await rawCall("/botnot-a-token/getMe");
    expect(answer).toEqual({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
  });

  it("answers 404 Not Found for a method it does not know", async () => {
    const answer = await rawCall(`/bot${token}/launchRockets`, { method: "POST" });
    expect(answer).toEqual({ status: 404, body: { ok: false, error_code: 404, description: "Not Found" } });
  });

  it("refuses a second token for a bot id another token already claimed", async () => {
    await bot.api.getMe();
    const answer = await rawCall("/bot123:other-secret/getMe");
    expect(answer.status).toBe(401);
  });

  it("matches method names case-insensitively, as Telegram does", async () => {
    const answer = await rawCall(`/bot${token}/GETME`);
    expect(answer.body).toMatchObject({ ok: true, result: { id: 123 } });
  });
});

describe("sendMessage validation", () => {
  beforeEach(() => api.user(7, { token }).say("hello"));

  it("refuses empty text", async () => {
    await expectBotApiError(bot.api.sendMessage(7, "  "), 400, "Bad Request: message text is empty");
  });

  it("refuses text over 4096 characters", async () => {
    await expectBotApiError(bot.api.sendMessage(7, "x".repeat(4097)), 400, "Bad Request: message is too long");
  });

  it("refuses a chat whose user never wrote to the bot", async () => {
    await expectBotApiError(bot.api.sendMessage(8, "hi"), 400, "Bad Request: chat not found");
  });

  it("refuses a missing chat_id", async () => {
    const answer = await rawCall(`/bot${token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "hi" }),
    });
    expect(answer).toEqual({ status: 400, body: { ok: false, error_code: 400, description: "Bad Request: chat_id is empty" } });
  });

  it("refuses a malformed inline keyboard", async () => {
    const call = bot.api.sendMessage(7, "menu", { reply_markup: { inline_keyboard: [[{ text: "bare" } as never]] } });
    await expectBotApiError(call, 400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  });

  it("returns the full message with a per-chat message_id shared with the user's messages", async () => {
    const sent = await bot.api.sendMessage(7, "سلام", { entities: [{ type: "bold", offset: 0, length: 4 }] });
    expect(sent).toMatchObject({
      message_id: 2,
      from: { id: 123, is_bot: true, username: "bot123_bot" },
      chat: { id: 7, type: "private" },
      text: "سلام",
      entities: [{ type: "bold", offset: 0, length: 4 }],
    });
    expect(sent.date).toBeCloseTo(Date.now() / 1000, -1);
    await api.user(7, { token }).say("again");
    expect((await bot.api.sendMessage(7, "third")).message_id).toBe(4);
  });
});

describe("message dates", () => {
  it("come from the clock the server was given", async () => {
    const fixed = await startLocalBotApi({ clock: { now: () => new Date("2025-03-21T08:00:00Z") } });
    try {
      const said = await fixed.user(7, { token }).say("hi");
      const sent = await new Bot(token, { client: { apiRoot: fixed.url } }).api.sendMessage(7, "hello");
      const expected = Date.parse("2025-03-21T08:00:00Z") / 1000;
      expect(said.kind === "message" && said.message.date).toBe(expected);
      expect(sent.date).toBe(expected);
    } finally {
      await fixed.close();
    }
  });
});

describe("body encodings", () => {
  beforeEach(() => api.user(7, { token }).say("hello"));

  it("reads application/x-www-form-urlencoded bodies with JSON-encoded fields", async () => {
    const body = new URLSearchParams({ chat_id: "7", text: "form", reply_markup: JSON.stringify({ force_reply: true }) });
    const answer = await rawCall(`/bot${token}/sendMessage`, { method: "POST", body });
    expect(answer.body).toMatchObject({ ok: true, result: { text: "form" } });
    const transcript = await api.user(7, { token }).transcript();
    expect(transcript.messages.at(-1)?.reply_markup).toEqual({ force_reply: true });
  });

  it("reads query-string parameters of GET requests", async () => {
    const answer = await rawCall(`/bot${token}/sendMessage?chat_id=7&text=${encodeURIComponent("از کوئری")}`);
    expect(answer.body).toMatchObject({ ok: true, result: { text: "از کوئری" } });
  });

  it("answers 400 for a body that is not JSON", async () => {
    const answer = await rawCall(`/bot${token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{oops",
    });
    expect(answer.status).toBe(400);
  });
});

describe("bot settings", () => {
  it("keeps commands per scope and language", async () => {
    await bot.api.setMyCommands([{ command: "start", description: "شروع" }]);
    await bot.api.setMyCommands([{ command: "help", description: "Help" }], { language_code: "en" });
    expect(await bot.api.getMyCommands()).toEqual([{ command: "start", description: "شروع" }]);
    expect(await bot.api.getMyCommands({ language_code: "en" })).toEqual([{ command: "help", description: "Help" }]);
  });

  it("refuses invalid command names", async () => {
    await expectBotApiError(bot.api.setMyCommands([{ command: "Start Now", description: "x" }]), 400, "Bad Request: BOT_COMMAND_INVALID");
  });

  it("accepts the menu button and records chat actions", async () => {
    const user = api.user(7, { token });
    await user.say("hello");
    expect(await bot.api.setChatMenuButton({ menu_button: { type: "commands" } })).toBe(true);
    expect(await bot.api.sendChatAction(7, "typing")).toBe(true);
    expect((await user.transcript()).chat_actions).toEqual([{ action: "typing", date: expect.any(Number) }]);
  });
});
