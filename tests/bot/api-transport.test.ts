import { Bot, type Transformer } from "grammy";
import { describe, expect, it } from "vitest";
import { type FailedCall, resilientFetch } from "../../src/bot/api-transport.js";

/** A fetch that records each request body and answers every call `{ ok, result }` (or a refusal for chat 13). */
function recordingFetch() {
  const bodies: Array<{ method: string; body: string }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const body = String(init.body);
    bodies.push({ method: url.slice(url.lastIndexOf("/") + 1), body });
    const refused = body.includes('"chat_id":13');
    const answer = refused ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } : { ok: true, result: true };
    return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  return { fetch, bodies };
}

const botOver = (fetch: ReturnType<typeof resilientFetch>) => new Bot("1:test", { botInfo: {} as never, client: { apiRoot: "http://bot-api.invalid", fetch } });

describe("resilientFetch", () => {
  it("sends the body grammY wrote, whether or not it starts with an integer chat_id", async () => {
    const { fetch, bodies } = recordingFetch();
    const bot = botOver(resilientFetch({ fetch }));
    await bot.api.sendMessage(42, "سلام ۱۲۳", { reply_markup: { inline_keyboard: [[{ text: "x", callback_data: "y" }]] } });
    await bot.api.sendMessage("@channel", "hi");
    await bot.api.answerCallbackQuery("cb-1", { text: "ok" });
    expect(bodies.map((b) => b.method)).toEqual(["sendMessage", "sendMessage", "answerCallbackQuery"]);
    expect(JSON.parse(bodies[0]!.body)).toEqual({ chat_id: 42, text: "سلام ۱۲۳", reply_markup: { inline_keyboard: [[{ text: "x", callback_data: "y" }]] } });
    expect(JSON.parse(bodies[1]!.body)).toEqual({ chat_id: "@channel", text: "hi" });
    expect(JSON.parse(bodies[2]!.body)).toEqual({ callback_query_id: "cb-1", text: "ok" });
  });

  it("tells a failed call's chat id, read from the body's leading chat_id", async () => {
    const { fetch } = recordingFetch();
    const failures: FailedCall[] = [];
    const bot = botOver(resilientFetch({ fetch, onFailure: (call) => failures.push(call) }));
    await expect(bot.api.sendMessage(13, "blocked")).rejects.toThrow(/blocked/);
    expect(failures).toEqual([{ method: "sendMessage", chatId: 13, errorCode: 403, description: "Forbidden: bot was blocked by the user" }]);
  });

  it("hands a transformer of its own the whole payload, and sends what it changed", async () => {
    const { fetch, bodies } = recordingFetch();
    const seen: unknown[] = [];
    const addsParseMode: Transformer = (prev, method, payload, signal) => {
      seen.push(payload);
      return prev(method, { ...payload, parse_mode: "HTML" } as never, signal);
    };
    const bot = botOver(resilientFetch({ fetch, transformers: [addsParseMode] }));
    await bot.api.sendMessage(7, "hello");
    expect(seen).toEqual([{ chat_id: 7, text: "hello" }]);
    expect(JSON.parse(bodies[0]!.body)).toEqual({ chat_id: 7, text: "hello", parse_mode: "HTML" });
  });

  it("keeps of a sent message its reference only, and other answers whole", async () => {
    const sent = {
      message_id: 901,
      date: 1_796_000_000,
      chat: { id: 42, type: "private", first_name: "مریم", username: "maryam_k" },
      from: { id: 1, is_bot: true, first_name: "bot" },
      text: "کد ملی ۱۰ رقمی خود را بنویسید:",
      reply_markup: { inline_keyboard: [[{ text: "x", callback_data: "y" }]] },
    };
    const answers: Record<string, unknown> = {
      sendMessage: sent,
      editMessageText: sent,
      sendMediaGroup: [sent, { ...sent, message_id: 902 }],
      getMe: { id: 1, is_bot: true, first_name: "bot", username: "id_bot" },
      getChat: { id: 42, type: "private", first_name: "مریم" },
    };
    const fetch = (async (url: string) => {
      const result = answers[url.slice(url.lastIndexOf("/") + 1)];
      return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    const bot = botOver(resilientFetch({ fetch }));
    const reference = { message_id: 901, date: 1_796_000_000, chat: { id: 42, type: "private" } };
    expect(await bot.api.sendMessage(42, "کد ملی ۱۰ رقمی خود را بنویسید:")).toEqual(reference);
    expect(await bot.api.editMessageText(42, 901, "x")).toEqual(reference);
    expect(await bot.api.raw.sendMediaGroup({ chat_id: 42, media: [] })).toEqual([reference, { ...reference, message_id: 902 }]);
    expect(await bot.api.getMe()).toEqual(answers.getMe);
    expect(await bot.api.getChat(42)).toEqual(answers.getChat);
  });
});
