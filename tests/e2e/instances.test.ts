// Several instances and restarts: state lives in Redis and PostgreSQL, never in a process.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBotWorld, newWebhookSecret, startLoadBalancer, type BotWorld, type LoadBalancer } from "../support/bot-fixture.js";
import { ALI, payUrlOf, preRegister } from "./citizen-steps.js";

describe("a conversation survives a crash", () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld();
  });
  afterAll(() => world.close());

  it("goes on at the same step after the process is killed and restarted", async () => {
    const first = await world.startBot();
    const user = world.api.user(5001);
    await user.say("/start");
    await user.waitForBotMessage("خوش آمدید");
    await user.press("📝 پیش‌ثبت‌نام");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(ALI.nationalId);
    const killedAt = (await user.waitForBotMessage("تاریخ تولد خود را")).message_id;
    // Polling does not redeliver an update the process dies in (README, deployment): kill it once the
    // answer is recorded (its handled-mark written after the conversation's state), between two updates.
    await expect
      .poll(
        async () => {
          const [marks] = await world.redis.redis.keys(`${world.redis.prefix}*handled:5001`);
          return marks ? world.redis.redis.llen(marks) : 0;
        },
        { timeout: 20_000 },
      )
      .toBe(3);
    await first.kill();

    await world.startBot();
    await user.say(ALI.birthDate);
    // The killed instance may have died holding the chat's lock: the answer can wait for its lease (10 s).
    // If it died after answering but before recording the update as handled, the platform redelivers it and
    // the birth-date question is asked once more: at-least-once, never a lost or skipped step.
    const next = await user.waitForBotMessage("خارج از کشور", { timeoutMs: 25_000 });
    expect(next.text).toContain("خارج از کشور");
    const after = (await user.transcript()).messages.filter((m) => m.sender === "bot" && m.message_id > killedAt);
    expect(after.every((m) => m.text?.includes("تاریخ تولد خود را") || m.text?.includes("خارج از کشور"))).toBe(true);
  });
});

describe("two instances in webhook mode behind one load balancer", () => {
  let world: BotWorld;
  let balancer: LoadBalancer;
  beforeAll(async () => {
    world = await createBotWorld();
    balancer = await startLoadBalancer();
    const secret = newWebhookSecret();
    const webhookEnv = { BOT_MODE: "webhook", PUBLIC_URL: balancer.url, WEBHOOK_SECRET: secret };
    const instances = [await world.startBot(webhookEnv), await world.startBot(webhookEnv)];
    balancer.setTargets(instances.map((instance) => instance.httpUrl));
  });
  afterEach(() => {
    balancer.duplicate = false;
  });
  afterAll(async () => {
    await world.close();
    await balancer.close();
  });

  it("answers a chat's updates in order, each exactly once, even when every update arrives twice", async () => {
    balancer.duplicate = true;
    const user = world.api.user(6001);
    // Sent without waiting: the platform queues them and delivers the chat's updates one by one.
    for (const text of ["/start", "📝 پیش‌ثبت‌نام", ALI.nationalId, ALI.birthDate, "خیر، ساکن ایران هستم", "✅ بله، درست است"]) {
      await user.say(text);
    }
    await user.waitForBotMessage("تلفن همراه خود را", { after: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a duplicate answer to show up
    const replies = (await user.transcript()).messages.filter((m) => m.sender === "bot").map((m) => m.text ?? "");
    const expected = [
      "خوش آمدید",
      "پیش‌ثبت‌نام کارت ملی هوشمند",
      "کد ملی ۱۰ رقمی",
      "تاریخ تولد خود را",
      "خارج از کشور",
      "نام شما در ثبت احوال",
      "تلفن همراه خود را",
    ];
    expect(replies).toHaveLength(expected.length);
    expected.forEach((fragment, i) => expect(replies[i]).toContain(fragment));
  });

  it("settles a payment once when its callback reaches both instances at once, twice over", async () => {
    const user = world.api.user(6002);
    const paymentMessage = await preRegister(user, {
      ...ALI,
      nationalId: "1021153087",
      birthDate: "1380/01/01",
      firstName: "مریم",
      lastName: "حسینی",
      fatherName: "محمود",
    });
    const payUrl = payUrlOf(paymentMessage);
    const paid = await fetch(`${payUrl}/pay`, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    const callback = new URL(paid.headers.get("location")!, payUrl);
    const callbackPath = callback.pathname + callback.search;
    balancer.duplicate = true;
    const pages = await Promise.all([fetch(balancer.url + callbackPath), fetch(balancer.url + callbackPath)].map(async (r) => (await r).text()));
    pages.forEach((page) => expect(page).toContain("پرداخت با موفقیت انجام شد"));

    await user.waitForBotMessage("کد رهگیری شما:");
    await new Promise((resolve) => setTimeout(resolve, 2500)); // longer than a dispatcher poll
    const confirmations = (await user.transcript()).messages.filter((m) => m.text?.includes("کد رهگیری شما:"));
    expect(confirmations).toHaveLength(1);
    const db = world.database.open();
    try {
      const application = await db.prisma.application.findFirstOrThrow({ where: { nationalId: "1021153087" }, include: { payments: true } });
      expect(application.status).toBe("paid");
      expect(application.payments.filter((p) => p.status === "paid")).toHaveLength(1);
      expect(await db.prisma.notification.count({ where: { chatId: 6002n } })).toBe(1);
    } finally {
      await db.close();
    }
  });
});

describe("graceful shutdown", () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld();
  });
  afterAll(() => world.close());

  it("stops taking updates on SIGTERM, finishes the one in flight and exits 0", async () => {
    // The welcome meets one 429: the update is then certainly in flight (auto-retry waits a second) when
    // SIGTERM arrives, instead of perhaps still in the runner's first getUpdates.
    await world.api.injectFault({ method: "sendMessage", error_code: 429, retry_after: 1, chat_id: 7001, times: 1 });
    const bot = await world.startBot();
    const user = world.api.user(7001);
    await user.say("/start");
    await bot.waitForLog((line) => line.msg.startsWith("the platform answered 429"));
    const exit = bot.stop();
    expect(await exit).toBe(0);
    expect((await user.transcript()).messages.some((m) => m.sender === "bot" && m.text?.includes("خوش آمدید"))).toBe(true);
    expect(bot.logs.map((line) => line.msg)).toContain("stopped");
  });
});
