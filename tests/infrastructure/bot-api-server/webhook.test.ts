// Webhook delivery like Telegram's: secret header, one chat in order, chats in parallel, retries without reordering.

import { Bot } from "grammy";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "../../harness/grammy-bots.js";
import { startLocalBotApi, type LocalBotApi } from "../../harness/local-bot-api.js";

const token = "888:hook";
let api: LocalBotApi;
let receiver: WebhookReceiver | undefined;

beforeAll(async () => {
  api = await startLocalBotApi({ webhookRetryDelayMs: 100 });
});
afterAll(() => api.close());
beforeEach(() => api.reset());
afterEach(async () => {
  await new Bot(token, { client: { apiRoot: api.url } }).api.deleteWebhook({ drop_pending_updates: true });
  await receiver?.close();
  receiver = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 8000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe("webhook delivery", () => {
  it("posts updates with the secret header and the bot's replies reach the chat", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    bot.command("start", (ctx) => ctx.reply("سلام از وب‌هوک"));
    receiver = await startWebhookReceiver(bot, { secretToken: "s3cret-token" });
    await bot.api.setWebhook(receiver.url, { secret_token: "s3cret-token" });

    const user = api.user(31, { token });
    await user.say("/start");
    expect((await user.nextBotMessage()).text).toBe("سلام از وب‌هوک");
    expect(receiver.requests).toEqual([{ secretHeader: "s3cret-token" }]);
    const info = await bot.api.getWebhookInfo();
    expect(info).toMatchObject({ url: receiver.url, pending_update_count: 0, max_connections: 40, has_custom_certificate: false });
    expect(info.last_error_message).toBeUndefined();
  });

  it("keeps retrying an update the webhook refuses (wrong secret) until it is accepted", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    bot.on("message:text", (ctx) => ctx.reply(`got ${ctx.message.text}`));
    receiver = await startWebhookReceiver(bot, { secretToken: "expected" });
    await bot.api.setWebhook(receiver.url, { secret_token: "not-the-one" });

    const user = api.user(32, { token });
    await user.say("hello");
    await until(async () => (await bot.api.getWebhookInfo()).last_error_message !== undefined, "a webhook error");
    const failing = await bot.api.getWebhookInfo();
    expect(failing.last_error_message).toBe("Wrong response from the webhook: 401 Unauthorized");
    expect(failing.pending_update_count).toBe(1);

    await bot.api.setWebhook(receiver.url, { secret_token: "expected" });
    expect((await user.nextBotMessage()).text).toBe("got hello");
    expect((await bot.api.getWebhookInfo()).pending_update_count).toBe(0);
  });

  it("delivers one chat's updates one after another and other chats in parallel", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    const log: string[] = [];
    bot.on("message:text", async (ctx) => {
      const label = `${ctx.chat.id}:${ctx.message.text}`;
      log.push(`start ${label}`);
      await sleep(150);
      log.push(`end ${label}`);
    });
    receiver = await startWebhookReceiver(bot);
    await bot.api.setWebhook(receiver.url);

    const alice = api.user(41, { token });
    const bob = api.user(42, { token });
    for (const text of ["1", "2", "3"]) await alice.say(text);
    await bob.say("1");
    await until(() => log.length === 8, "all four updates handled");

    const alices = log.filter((entry) => entry.includes(" 41:"));
    expect(alices).toEqual(["start 41:1", "end 41:1", "start 41:2", "end 41:2", "start 41:3", "end 41:3"]);
    // Bob's update did not wait behind Alice's slow ones.
    expect(log.indexOf("start 42:1")).toBeLessThan(log.indexOf("end 41:1"));
  });

  it("holds different chats to max_connections", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    let active = 0;
    let mostActive = 0;
    bot.on("message:text", async () => {
      active += 1;
      mostActive = Math.max(mostActive, active);
      await sleep(80);
      active -= 1;
    });
    receiver = await startWebhookReceiver(bot);
    await bot.api.setWebhook(receiver.url, { max_connections: 1 });
    for (const userId of [51, 52, 53]) await api.user(userId, { token }).say("hi");
    await until(async () => receiver!.requests.length === 3 && (await bot.api.getWebhookInfo()).pending_update_count === 0, "three deliveries");
    expect(mostActive).toBe(1);
  });

  it("retries after a 500 from the bot and never lets a chat's later update overtake", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    const handled: string[] = [];
    let failedOnce = false;
    bot.on("message:text", (ctx) => {
      if (ctx.message.text === "2" && !failedOnce) {
        failedOnce = true;
        handled.push("2 failed");
        throw new Error("database hiccup");
      }
      handled.push(ctx.message.text);
    });
    receiver = await startWebhookReceiver(bot);
    await bot.api.setWebhook(receiver.url);

    const user = api.user(61, { token });
    for (const text of ["1", "2", "3"]) await user.say(text);
    await until(() => handled.includes("3"), "the third update");

    expect(handled).toEqual(["1", "2 failed", "2", "3"]);
    const info = await bot.api.getWebhookInfo();
    expect(info.last_error_message).toBe("Wrong response from the webhook: 500 Internal Server Error");
    expect(info.pending_update_count).toBe(0);
  });

  it("reports a webhook nobody listens on and delivers once one does", async () => {
    const bot = new Bot(token, { client: { apiRoot: api.url } });
    bot.on("message:text", (ctx) => ctx.reply("finally"));
    receiver = await startWebhookReceiver(bot);
    const deadUrl = receiver.url;
    await receiver.close();
    await bot.api.setWebhook(deadUrl);

    const user = api.user(71, { token });
    await user.say("anyone?");
    await until(async () => (await bot.api.getWebhookInfo()).last_error_message === "Connection refused", "Connection refused");
    expect((await bot.api.getWebhookInfo()).pending_update_count).toBe(1);

    receiver = await startWebhookReceiver(bot);
    await bot.api.setWebhook(receiver.url);
    expect((await user.nextBotMessage()).text).toBe("finally");
  });
});
