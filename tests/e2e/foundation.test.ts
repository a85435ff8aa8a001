// The foundation end to end: the real bot process over HTTP against the local Bot API server,
// with the real PostgreSQL and Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotWorld, TEST_BOT_TOKEN, type BotWorld } from "../support/bot-fixture.js";
import type { BotProcess } from "../support/bot-process.js";

const MENU = [
  "📝 پیش‌ثبت‌نام",
  "📅 نوبت‌گیری",
  "🔎 پیگیری وضعیت",
  "🔑 بازیابی کد رهگیری",
  "📍 محل تحویل کارت",
  "💰 هزینه‌ها و مدارک",
  "♿ خدمت در منزل برای معلولان",
  "🚨 گزارش تخلف",
  "📂 پرونده‌های من",
  "❓ راهنما",
];

describe("the bot in long-polling mode", () => {
  let world: BotWorld;
  let bot: BotProcess;

  beforeAll(async () => {
    world = await createBotWorld();
    bot = await world.startBot();
  });
  afterAll(() => world.close());

  it("answers /start with the Persian main menu naming every journey", async () => {
    const user = world.api.user(1001, { profile: { first_name: "علی" } });
    await user.say("/start");
    const welcome = await user.nextBotMessage();
    expect(welcome.text).toContain("سلام علی");
    expect(user.buttons(welcome)).toEqual(MENU);
  });

  it("lists its commands in Persian and answers /help and /cancel outside a journey", async () => {
    const listed = await fetch(`${world.api.url}/bot${TEST_BOT_TOKEN}/getMyCommands`, { method: "POST" }).then(
      (r) => r.json() as Promise<{ result: Array<{ command: string; description: string }> }>,
    );
    expect(listed.result.map((entry) => entry.command)).toEqual(["start", "menu", "help", "cancel"]);
    expect(listed.result.every((entry) => /[\u0600-\u06FF]/.test(entry.description))).toBe(true);

    const user = world.api.user(1005);
    await user.say("/help");
    expect((await user.nextBotMessage()).text).toContain("راهنمای بات");
    await user.say("/cancel");
    expect((await user.nextBotMessage()).text).toContain("کار نیمه‌تمامی برای لغو نیست");
  });

  it('starts every journey of the menu (none answers "not available" any more)', async () => {
    const user = world.api.user(1002);
    await user.say("/start");
    await user.nextBotMessage();
    await user.press("♿ خدمت در منزل برای معلولان");
    expect((await user.waitForBotMessage("به چه خدمتی نیاز دارید")).text).not.toContain("هنوز در این بات راه‌اندازی نشده است");
    await user.say("/cancel");
    await user.waitForBotMessage("کار نیمه‌تمام لغو شد");
    await user.press("📂 پرونده‌های من");
    await user.waitForBotMessage("هنوز پرونده‌ای ندارید");
  });

  it("answers stickers, photos, unknown text and edits helpfully", async () => {
    const user = world.api.user(1003);
    await user.sendSticker();
    expect((await user.nextBotMessage()).text).toContain("استیکر");
    await user.sendPhoto();
    expect((await user.nextBotMessage()).text).toContain("عکس دریافت نمی‌کند");
    const said = await user.say("سلام");
    expect((await user.nextBotMessage()).text).toContain("متوجه پیام شما نشدم");
    await user.editMessage(said.last_message_id, "سلام دوباره");
    expect((await user.nextBotMessage()).text).toContain("ویرایش پیام");
  });

  it("turns a failing update into an apology with a reference id, logged, and goes on answering", async () => {
    const user = world.api.user(1004);
    await world.api.injectFault({ method: "sendMessage", error_code: 400, description: "Bad Request: simulated failure", times: 1 });
    await user.say("/start");
    const apology = await user.nextBotMessage();
    const ref = apology.text?.match(/[A-Z]{4}-[A-Z]{4}/)?.[0];
    expect(apology.text).toContain("متأسفیم");
    expect(ref).toBeDefined();
    const logged = await bot.waitForLog((line) => line.msg === "update failed" && line.ref === ref);
    expect(logged.level).toBe(50);
    await user.say("/start");
    expect(user.buttons(await user.nextBotMessage())).toEqual(MENU);
  });

  it("never writes a national ID or phone number into its logs", async () => {
    const user = world.api.user(1005);
    await user.say("/start");
    await user.nextBotMessage();
    await user.press("📝 پیش‌ثبت‌نام");
    await user.waitForBotMessage("کد ملی");
    await user.say("6383233564");
    await user.waitForBotMessage("تاریخ تولد");
    const everything = bot.logs.map((line) => JSON.stringify(line)).join("\n") + bot.stderr();
    expect(everything).not.toContain("6383233564");
  });
});

describe("flood protection", () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot({ FLOOD_LIMIT_PER_MINUTE: "5" });
  });
  afterAll(() => world.close());

  it("answers up to the limit, says once to slow down, then ignores the rest of the minute", async () => {
    const user = world.api.user(1101);
    for (let i = 0; i < 9; i++) await user.say(`پیام ${i}`);
    await user.waitForBotMessage("یک دقیقه صبر کنید", { after: 0 });
    // The slow-down is told at arrival; the five answers before it leave at the per-chat pace (1/s).
    await expect.poll(async () => (await user.botMessages()).filter((m) => (m.text ?? "").includes("متوجه پیام شما نشدم")).length, { timeout: 20_000 }).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // room for replies that should not come
    const replies = (await user.transcript()).messages.filter((m) => m.sender === "bot").map((m) => m.text ?? "");
    expect(replies.filter((text) => text.includes("متوجه پیام شما نشدم"))).toHaveLength(5);
    expect(replies.filter((text) => text.includes("یک دقیقه صبر کنید"))).toHaveLength(1);
    expect(replies).toHaveLength(6);
  });
});

describe("configuration errors", () => {
  it("names every bad variable in one message and exits non-zero", async () => {
    const { runBotUntilExit } = await import("../support/bot-process.js");
    const result = await runBotUntilExit({ BOT_MODE: "webhook", HTTP_PORT: "eighty", BOT_PLATFORM: "whatsapp", REDIS_URL: "localhost" });
    expect(result.code).not.toBe(0);
    for (const variable of ["BOT_PLATFORM", "HTTP_PORT", "REDIS_URL", "PUBLIC_URL", "WEBHOOK_SECRET"]) {
      expect(result.stderr).toContain(`${variable}:`);
    }
    expect(result.stderr.match(/Invalid configuration/g)).toHaveLength(1);
  });
});

describe("local mode with no configuration at all", () => {
  it("runs on the embedded database and in-process store, against its own local Bot API server", async () => {
    const { mkdtemp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { startBotProcess } = await import("../support/bot-process.js");
    const { SimulatedUser } = await import("../harness/simulated-user.js");
    const dataDir = await mkdtemp(path.join(tmpdir(), "idcard-local-"));
    const bot = await startBotProcess({ DATA_DIR: dataDir, HTTP_PORT: "0" }, { timeoutMs: 60_000 });
    try {
      expect(bot.logs.some((line) => line.msg.startsWith("single-instance local mode"))).toBe(true);
      const local = bot.logs.find((line) => line.msg.startsWith("no BOT_TOKEN"));
      expect(local?.apiRoot).toBe(`${bot.httpUrl}/local-bot-api`);
      const user = new SimulatedUser(`${bot.httpUrl}/local-bot-api`, 8001, undefined, { first_name: "زهرا" });
      await user.say("/start");
      const menu = await user.nextBotMessage();
      expect(menu.text).toContain("سلام زهرا");
      expect(user.buttons(menu)).toEqual(MENU);
    } finally {
      await bot.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
