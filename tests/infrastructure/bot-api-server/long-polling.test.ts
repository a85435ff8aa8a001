// Getting updates by long polling: a grammY bot under bot.start(), and getUpdates' own rules.

import { run } from "@grammyjs/runner";
import { Bot, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPolling, type RunningBot } from "../../harness/grammy-bots.js";
import { startLocalBotApi, type LocalBotApi } from "../../harness/local-bot-api.js";

const token = "123:abc";
let api: LocalBotApi;

beforeAll(async () => {
  api = await startLocalBotApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

describe("a grammY bot under bot.start()", () => {
  let running: RunningBot | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it("gets /start from a simulated user and its reply shows in the transcript", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    const seen: string[] = [];
    bot.command("start", async (ctx) => {
      seen.push(`${ctx.from?.id}:${ctx.match}`);
      await ctx.reply("به ربات کارت ملی هوشمند خوش آمدید");
    });
    running = await startPolling(bot);

    const user = api.user(42, { token, profile: { first_name: "Sara" } });
    await user.say("/start ref-1");
    const reply = await user.nextBotMessage();

    expect(seen).toEqual(["42:ref-1"]);
    expect(reply).toMatchObject({ sender: "bot", kind: "text", text: "به ربات کارت ملی هوشمند خوش آمدید" });
    const transcript = await user.transcript();
    expect(transcript.user.first_name).toBe("Sara");
    expect(transcript.messages.map((message) => [message.sender, message.text])).toEqual([
      ["user", "/start ref-1"],
      ["bot", "به ربات کارت ملی هوشمند خوش آمدید"],
    ]);
  });

  it("keeps one user's messages in order and answers each", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    bot.on("message:text", (ctx) => ctx.reply(`echo ${ctx.message.text}`));
    running = await startPolling(bot);
    const user = api.user(5, { token });
    for (const text of ["a", "b", "c"]) await user.say(text);
    await user.waitForBotMessage("echo c", { after: 0 });
    const texts = (await user.transcript()).messages.map((message) => message.text);
    expect(texts.filter((text) => text?.startsWith("echo"))).toEqual(["echo a", "echo b", "echo c"]);
  });
});

describe("a grammY bot under @grammyjs/runner", () => {
  it("answers each user and receives only the allowed update types", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    const types: string[] = [];
    bot.use((ctx, next) => {
      types.push(
        Object.keys(ctx.update)
          .filter((key) => key !== "update_id")
          .join(),
      );
      return next();
    });
    bot.on("message:text", (ctx) => ctx.reply(`echo ${ctx.message.text}`));
    await bot.init();
    const runner = run(bot, { runner: { fetch: { allowed_updates: ["message"] } } });
    try {
      const alice = api.user(71, { token });
      const bob = api.user(72, { token });
      await alice.say("from alice");
      await alice.sendSticker();
      await bob.say("from bob");
      await alice.waitForBotMessage("echo from alice");
      await bob.waitForBotMessage("echo from bob");
      // An edit is an edited_message update, which the bot did not ask for.
      const said = await alice.say("second");
      if (said.kind !== "message") throw new Error("expected a message");
      const edit = await alice.editMessage(said.message.message_id, "second, edited");
      expect(edit).toMatchObject({ update_id: null });
      await alice.waitForBotMessage("echo second", { after: said.message.message_id });
      expect(types.every((type) => type === "message")).toBe(true);
      expect(types).toHaveLength(4);
    } finally {
      await runner.stop();
    }
  });
});

describe("getUpdates", () => {
  const bot = () => new Bot(token, { client: { apiRoot: api.url } });

  it("holds a long poll open while nothing happens", async () => {
    await bot().api.getMe();
    const started = Date.now();
    const updates = await bot().api.getUpdates({ timeout: 1 });
    expect(updates).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("returns a long poll as soon as an update arrives", async () => {
    await bot().api.getMe();
    const started = Date.now();
    const poll = bot().api.getUpdates({ timeout: 20 });
    setTimeout(() => void api.user(9, { token }).say("ping"), 150);
    const updates = await poll;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.message?.text).toBe("ping");
  });

  it("confirms updates below the offset and numbers updates in increasing order", async () => {
    const user = api.user(9, { token });
    for (const text of ["one", "two", "three"]) await user.say(text);
    const all = await bot().api.getUpdates();
    const ids = all.map((update: Update) => update.update_id);
    expect(ids).toHaveLength(3);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);

    const rest = await bot().api.getUpdates({ offset: ids[1] });
    expect(rest.map((update) => update.message?.text)).toEqual(["two", "three"]);
    // The first is gone for good once confirmed.
    expect((await bot().api.getUpdates()).map((update) => update.message?.text)).toEqual(["two", "three"]);
    expect(await bot().api.getUpdates({ offset: -1 })).toHaveLength(1);
  });

  it("honours limit", async () => {
    const user = api.user(9, { token });
    for (const text of ["one", "two", "three"]) await user.say(text);
    expect(await bot().api.getUpdates({ limit: 2 })).toHaveLength(2);
  });

  it("answers 409 while a webhook is set, and ends a waiting poll when one is set", async () => {
    const poller = bot();
    const poll = poller.api.getUpdates({ timeout: 20 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await poller.api.setWebhook("http://127.0.0.1:9/unreachable");
    const ended = await poll;
    expect(ended).toBeInstanceOf(GrammyError);
    expect((ended as GrammyError).error_code).toBe(409);
    expect((ended as GrammyError).description).toBe("Conflict: terminated by setWebhook request");

    const refused = await poller.api.getUpdates().catch((error: unknown) => error);
    expect((refused as GrammyError).description).toMatch(/^Conflict: can't use getUpdates method while webhook is active/);
    await poller.api.deleteWebhook();
    expect(await poller.api.getUpdates()).toEqual([]);
  });
});
