// createBot's wiring through the fast harness: menu entries, pages and unavailable journeys, the catch-all,
// de-duplication, the error boundary's apology, flood protection, and where conversation state lives.
import { Writable } from "node:stream";
import { Composer } from "grammy";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { newErrorReference } from "../../src/bot/middleware/error-boundary.js";
import type { Flow } from "../../src/flows/flow.js";
import { ask } from "../../src/flows/kit/ask.js";
import { ERROR_MESSAGE_FAMILIES } from "../../src/flows/kit/error-messages.js";
import { ok } from "../../src/domain/shared/result.js";
import { startFastBot, type FastBot } from "../support/fast-bot.js";

const log: Array<Record<string, unknown>> = [];
const logger = pino(
  { level: "info" },
  new Writable({
    write(chunk, _encoding, done) {
      log.push(JSON.parse(String(chunk)));
      done();
    },
  }),
);

const oneQuestion: Flow = {
  id: "one-question",
  menuKey: "menu-status",
  async run(conversation, ctx) {
    const answer = await ask(conversation, ctx, {
      prompt: "prereg-ask-address",
      errors: ERROR_MESSAGE_FAMILIES.find((family) => family.prefix === "prereg-address-error")!,
      back: false,
      parse: (reply) => ok(reply.kind === "text" ? reply.text : ""),
    });
    if (answer.kind === "answer") await ctx.reply(`got ${answer.value}`);
  },
};

function failingFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.hears("fail", () => {
    throw new Error("handler bug");
  });
  feature.callbackQuery("fail", () => {
    throw new Error("button bug");
  });
  return feature;
}

describe("createBot", () => {
  let bot: FastBot;
  const t = (key: string, params?: Record<string, string | number>) => bot.translate(key, params);
  beforeAll(async () => {
    bot = await startFastBot({
      seed: false,
      logger,
      journeys: () => ({
        flows: [oneQuestion],
        pages: { "menu-help": (ctx) => ctx.reply("help page") },
        features: [failingFeature()],
      }),
    });
  });
  afterAll(() => bot.close());

  it("greets on /start and maps menu buttons to their flow, their page, or an honest notice", async () => {
    const user = bot.user(9101, { first_name: "Sara" });
    expect((await user.say("/start")).at(-1)?.text).toBe(t("welcome", { name: "Sara" }));
    expect((await user.press(t("menu-help"))).at(-1)?.text).toBe("help page");
    expect((await user.press(t("menu-booking"))).at(-1)?.text).toBe(t("journey-not-available", { journey: t("menu-booking") }));
    expect((await user.press(t("menu-status"))).at(-1)?.text).toBe(t("prereg-ask-address"));
    expect((await user.say("Tehran")).at(-1)?.text).toBe("got Tehran");
  });

  it("keeps conversation state in Redis under the bot's own prefix", async () => {
    const user = bot.user(9102);
    await user.say(t("menu-status"));
    const keys = await bot.redisKeys("bot4343:conversation:*");
    expect(keys.filter((key) => key.endsWith("9102"))).toHaveLength(1);
    await user.say("done");
    // A finished conversation leaves no state behind.
    expect((await bot.redisKeys("bot4343:conversation:*")).filter((key) => key.endsWith("9102"))).toHaveLength(0);
  });

  it("answers what no journey takes: unknown buttons in a popup, stickers and text with the menu", async () => {
    const user = bot.user(9103);
    const before = bot.calls.length;
    await user.deliver({ callback_query: { id: "x", from: { id: 9103, is_bot: false, first_name: "x" }, chat_instance: "c", data: "nobody:1" } });
    expect(bot.calls.slice(before).find((call) => call.method === "answerCallbackQuery")?.payload).toMatchObject({ text: t("unhandled-old-button") });
    expect((await user.say("hello")).at(-1)?.text).toBe(t("unhandled-text"));
  });

  it("drops an update delivered twice", async () => {
    const user = bot.user(9104);
    const update = {
      update_id: 555_000,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 9104, type: "private" as const, first_name: "x" },
        from: { id: 9104, is_bot: false, first_name: "x" },
        text: "hello",
      },
    };
    await bot.deliverRaw(update);
    await bot.deliverRaw(update);
    expect(user.replies.filter((reply) => reply.text === t("unhandled-text"))).toHaveLength(1);
  });

  it("apologises with a reference the log carries too, and answers a failed button press", async () => {
    const user = bot.user(9105);
    const replies = await user.say("fail");
    const ref = /[A-Z]{4}-[A-Z]{4}/.exec(replies.at(-1)?.text ?? "")?.[0];
    expect(replies.at(-1)?.text).toBe(t("error-apology", { ref: ref! }));
    expect(log.find((line) => line.ref === ref)).toMatchObject({ msg: "update failed", err: { message: "handler bug" } });

    const before = bot.calls.length;
    await user.deliver({
      callback_query: {
        id: "f",
        from: { id: 9105, is_bot: false, first_name: "x" },
        chat_instance: "c",
        data: "fail",
        message: { message_id: 1, date: 0, chat: { id: 9105, type: "private", first_name: "x" } } as never,
      },
    });
    const after = bot.calls.slice(before).map((call) => call.method);
    expect(after).toEqual(["answerCallbackQuery", "sendMessage"]);
  });

  it("makes references of two groups of four letters without digits or look-alikes", () => {
    for (let i = 0; i < 50; i++) expect(newErrorReference()).toMatch(/^[ACDEFGHJKLMNPQRTUVWXY]{4}-[ACDEFGHJKLMNPQRTUVWXY]{4}$/);
  });
});

describe("createBot flood protection", () => {
  let bot: FastBot;
  beforeAll(async () => {
    bot = await startFastBot({ seed: false, env: { FLOOD_LIMIT_PER_MINUTE: "3" }, journeys: () => ({ flows: [] }) });
  });
  afterAll(() => bot.close());

  it("tells a flooding user once, then ignores the rest of the minute; others are not affected", async () => {
    const flooder = bot.user(9201);
    for (let i = 0; i < 3; i++) await flooder.say(`hello ${i}`);
    expect((await flooder.say("one too many")).map((reply) => reply.text)).toEqual([bot.translate("flood-slow-down")]);
    expect(await flooder.say("and another")).toEqual([]);
    expect((await bot.user(9202).say("hello")).at(-1)?.text).toBe(bot.translate("unhandled-text"));
  });
});
