// Reply and inline keyboards: pressing by label, callback queries and their answers, edits and deletions.

import { Bot, GrammyError, InlineKeyboard, Keyboard } from "grammy";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPolling, type RunningBot } from "../../harness/grammy-bots.js";
import { startLocalBotApi, type LocalBotApi } from "../../harness/local-bot-api.js";
import type { SimulatedUser } from "../../harness/simulated-user.js";

const token = "321:keys";
let api: LocalBotApi;
let bot: Bot;
let running: RunningBot;
let user: SimulatedUser;
/** What the bot received, in order, for assertions on the bot's side. */
let received: string[];

beforeAll(async () => {
  api = await startLocalBotApi();
  bot = new Bot(token, { client: { apiRoot: api.url } });
  bot.command("start", (ctx) =>
    ctx.reply("منوی اصلی", {
      reply_markup: new Keyboard().text("نوبت‌گیری").text("پیگیری").row().requestContact("ارسال شماره").requestLocation("ارسال موقعیت"),
    }),
  );
  bot.command("hide", (ctx) => ctx.reply("بسته شد", { reply_markup: { remove_keyboard: true } }));
  bot.command("offices", (ctx) =>
    ctx.reply("دفتر را انتخاب کنید", {
      reply_markup: new InlineKeyboard().text("پیشخوان ۱", "office:1").text("پست", "office:2").row().url("سایت", "https://example.org/"),
    }),
  );
  bot.callbackQuery(/^office:(\d)$/, async (ctx) => {
    received.push(`callback ${ctx.callbackQuery.data} on #${ctx.callbackQuery.message?.message_id}`);
    await ctx.answerCallbackQuery({ text: "انتخاب شد", show_alert: true });
    await ctx.editMessageText(`دفتر ${ctx.match[1]} انتخاب شد`);
  });
  bot.on("message:contact", (ctx) => received.push(`contact ${ctx.message.contact.phone_number} of ${ctx.message.contact.user_id}`));
  bot.on("message:location", (ctx) => received.push(`location ${ctx.message.location.latitude}`));
  bot.on("message:text", (ctx) => received.push(`text ${ctx.message.text}`));
  running = await startPolling(bot);
});
afterAll(async () => {
  await running.stop();
  await api.close();
});
beforeEach(async () => {
  await api.reset();
  received = [];
  user = api.user(1001, { token });
});
afterEach(() => api.clearFaults());

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met; bot received: ${JSON.stringify(received)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("reply keyboards", () => {
  it("presses a reply button by its label, which sends its text", async () => {
    await user.say("/start");
    const menu = await user.nextBotMessage();
    expect(user.buttons(menu)).toEqual(["نوبت‌گیری", "پیگیری", "ارسال شماره", "ارسال موقعیت"]);

    const pressed = await user.press("پیگیری");
    expect(pressed).toMatchObject({ kind: "message", message: { text: "پیگیری" } });
    await until(() => received.includes("text پیگیری"));
  });

  it("shares the user's own contact from a request_contact button", async () => {
    await user.say("/start");
    await user.nextBotMessage();
    await user.press("ارسال شماره", { phoneNumber: "989121112233" });
    await until(() => received.includes("contact 989121112233 of 1001"));
  });

  it("shares a location from a request_location button", async () => {
    await user.say("/start");
    await user.nextBotMessage();
    await user.press("ارسال موقعیت", { latitude: 29.6, longitude: 52.5 });
    await until(() => received.includes("location 29.6"));
  });

  it("forgets the keyboard after remove_keyboard and lists what is pressable when a label is missing", async () => {
    await user.say("/start");
    await user.nextBotMessage();
    expect((await user.transcript()).reply_keyboard?.markup.keyboard).toHaveLength(2);
    await user.say("/hide");
    await user.nextBotMessage();
    expect((await user.transcript()).reply_keyboard).toBeNull();
    await expect(user.press("پیگیری")).rejects.toThrow(/404.*no button labelled/);
  });
});

describe("inline keyboards", () => {
  it("sends a callback_query, records the answer and shows the edit", async () => {
    await user.say("/offices");
    const offices = await user.nextBotMessage();
    expect(user.buttons(offices)).toEqual(["پیشخوان ۱", "پست", "سایت"]);

    const pressed = await user.press("پست");
    expect(pressed).toMatchObject({ kind: "callback_query", callback_query: { data: "office:2", from: { id: 1001 } } });
    const edited = await user.waitForEdit(offices.message_id, "دفتر 2 انتخاب شد");

    expect(received).toContain(`callback office:2 on #${offices.message_id}`);
    expect(edited.edits).toBe(1);
    // editMessageText without reply_markup removes the inline keyboard, as on Telegram.
    expect(edited.reply_markup).toBeUndefined();
    const transcript = await user.transcript();
    expect(transcript.callback_queries).toEqual([
      expect.objectContaining({ data: "office:2", message_id: offices.message_id, answer: { text: "انتخاب شد", show_alert: true } }),
    ]);
  });

  it("returns the url of a url button without an update", async () => {
    await user.say("/offices");
    await user.nextBotMessage();
    expect(await user.press("سایت")).toMatchObject({ kind: "url", url: "https://example.org/" });
  });

  it("presses a button of an older message when given its message_id", async () => {
    await user.say("/offices");
    const first = await user.nextBotMessage();
    await user.say("/offices");
    await user.nextBotMessage();
    await user.press("پیشخوان ۱", { messageId: first.message_id });
    await user.waitForEdit(first.message_id, "دفتر 1");
  });

  it("refuses a second answer to the same callback query", async () => {
    await user.say("/offices");
    const offices = await user.nextBotMessage();
    const pressed = await user.press("پست");
    // The handler answers before it edits: once the edit shows, the first answer is in.
    await user.waitForEdit(offices.message_id);
    if (pressed.kind !== "callback_query") throw new Error("expected a callback query");
    const second = await bot.api.answerCallbackQuery(pressed.callback_query.id).catch((error: unknown) => error);
    expect((second as GrammyError).description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
  });
});

describe("editing and deleting", () => {
  it("edits text, refuses an edit that changes nothing, and marks deletions", async () => {
    await user.say("hi");
    const sent = await bot.api.sendMessage(1001, "نسخه ۱", { reply_markup: new InlineKeyboard().text("ok", "ok") });
    const edited = await bot.api.editMessageText(1001, sent.message_id, "نسخه ۲", { reply_markup: new InlineKeyboard().text("ok", "ok") });
    expect(edited).toMatchObject({ text: "نسخه ۲", edit_date: expect.any(Number) });

    const unchanged = await bot.api
      .editMessageText(1001, sent.message_id, "نسخه ۲", { reply_markup: new InlineKeyboard().text("ok", "ok") })
      .catch((error: unknown) => error);
    expect((unchanged as GrammyError).description).toMatch(/^Bad Request: message is not modified: /);

    await bot.api.editMessageReplyMarkup(1001, sent.message_id, { reply_markup: new InlineKeyboard().text("new", "new") });
    let entry = (await user.transcript()).messages.find((message) => message.message_id === sent.message_id);
    expect(entry).toMatchObject({ text: "نسخه ۲", edits: 2, deleted: false });
    expect(user.buttons(entry!)).toEqual(["new"]);

    expect(await bot.api.deleteMessage(1001, sent.message_id)).toBe(true);
    entry = (await user.transcript()).messages.find((message) => message.message_id === sent.message_id);
    expect(entry?.deleted).toBe(true);
    const again = await bot.api.editMessageText(1001, sent.message_id, "x").catch((error: unknown) => error);
    expect((again as GrammyError).description).toBe("Bad Request: message to edit not found");
  });

  it("refuses to edit the user's message", async () => {
    const said = await user.say("mine");
    if (said.kind !== "message") throw new Error("expected a message");
    const refused = await bot.api.editMessageText(1001, said.message.message_id, "yours").catch((error: unknown) => error);
    expect((refused as GrammyError).description).toBe("Bad Request: message can't be edited");
  });
});
