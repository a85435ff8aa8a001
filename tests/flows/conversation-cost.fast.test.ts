// The stored state of a conversation stays small however long the journey gets (issue 13, item 3): the answers
// live in the chat's draft, and the replay log holds one question's worth of updates.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFastBot, type FastBot, type FastUser } from "../support/fast-bot.js";
import { REDIS_URL } from "../support/services.js";
import { registerAndPay } from "./paid-citizen.js";

/** The bound issue 13 sets on one conversation in flight: its replay log plus its draft. */
const BOUND = 8 * 1024;
const BACK = "⬅️ بازگشت";

let bot: FastBot;
let redis: Redis;
beforeAll(async () => {
  bot = await startFastBot();
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  redis.disconnect();
  await bot.close();
});

/** Bytes stored for this chat's conversation in flight: the conversation key and the draft key. */
async function stateBytes(chatId: number): Promise<number> {
  const keys = [...(await bot.redisKeys(`*conversation:${chatId}`)), ...(await bot.redisKeys(`*draft:${chatId}`))];
  let bytes = 0;
  for (const key of keys) bytes += await redis.strlen(key);
  return bytes;
}

/** Runs each action, measuring the stored state after it; returns the largest and the sizes in order. */
async function measured(user: FastUser, actions: Array<() => Promise<unknown>>): Promise<{ max: number; sizes: number[] }> {
  const sizes: number[] = [];
  for (const action of actions) {
    await action();
    sizes.push(await stateBytes(user.id));
  }
  return { max: Math.max(...sizes), sizes };
}

describe("the stored state of one conversation in flight", () => {
  it("stays under 8 KB through a pre-registration of 200 updates: back and forth, corrections, a province of 113 cities", async () => {
    const user = bot.user(9301);
    const edit = (field: string) => bot.translate("prereg-edit", { field: bot.translate(`prereg-field-${field}`) });
    const actions: Array<() => Promise<unknown>> = [
      () => user.say("/start"),
      () => user.press("📝 پیش‌ثبت‌نام"),
      () => user.say("6383233564"),
      () => user.say("1370/05/12"),
      // Back and forth between the first questions.
      () => user.press(BACK),
      () => user.say("1370/05/12"),
      () => user.press("خیر، ساکن ایران هستم"),
      () => user.press("✅ بله، درست است"),
      () => user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989121234567" }),
      () => user.say("02188776655"),
      () => user.say("13456-78911"),
      () => user.say("خیابان آزادی، کوچه‌ی دوازدهم، پلاک ۳، واحد ۴"),
      // The province with the most cities: its city question is the largest of the journey.
      () => user.press("فارس"),
      () => user.press(BACK),
      () => user.press("تهران"),
      () => user.say("تهران"),
    ];
    for (let i = 0; i < 37; i++) {
      actions.push(() => user.press(edit("address")));
      actions.push(() => user.say(`خیابان آزادی، کوچه‌ی ${i + 1}، پلاک ۳، واحد ۴`));
      actions.push(() => user.press(edit("mobile")));
      actions.push(() => user.press(BACK));
    }
    for (let i = 0; i < 10; i++) {
      actions.push(() => user.press(edit("province")));
      actions.push(() => user.press(i % 2 === 0 ? "فارس" : "تهران"));
      actions.push(() => user.press(user.buttons()[0]!));
    }
    // A new national ID: its birth date and the registry check follow, then the summary again.
    actions.push(() => user.press(edit("nationalId")));
    actions.push(() => user.say("4806064548"));
    actions.push(() => user.say("1365/11/30"));
    // An interruption, carried on from.
    actions.push(() => user.say("/start"));
    actions.push(() => user.press(bot.translate("flow-interrupted-go-on")));
    const { max, sizes } = await measured(user, actions);
    expect(actions.length).toBeGreaterThanOrEqual(195);
    expect(user.lastReply().text).toContain("لطفاً اطلاعات خود را بررسی کنید");
    // The summary shows the last answers: the draft, not the log, carried them.
    expect(user.lastReply().text).toMatch(/کوچه‌ی (37|۳۷)،/);
    expect(max).toBeLessThanOrEqual(BOUND);
    // The 200th update's state is no larger than the 16th's (the first summary) by more than a question's worth.
    expect(sizes.at(-1)!).toBeLessThanOrEqual(sizes[15]! + 1024);

    const replies = await user.press(bot.translate("prereg-confirm"));
    expect(replies.some((reply) => reply.text?.includes("مبلغ قابل پرداخت"))).toBe(true);
    // Done: neither the replay log nor the draft stays behind.
    expect(await stateBytes(user.id)).toBe(0);
  });

  it("stays under 8 KB while booking goes back and forth between its steps", async () => {
    const user = bot.user(9302);
    await registerAndPay(bot, user);
    await user.say("/start");
    await user.press("📅 نوبت‌گیری");
    const actions: Array<() => Promise<unknown>> = [];
    for (let i = 0; i < 25; i++) {
      actions.push(() => user.press("🏙 انتخاب استان و شهر"));
      actions.push(() => user.press("فارس"));
      actions.push(() => user.press(BACK));
      actions.push(() => user.press("تهران"));
      actions.push(() => user.say("تهران"));
      actions.push(() => user.press(BACK));
      actions.push(() => user.press(BACK));
      actions.push(() => user.press(BACK));
    }
    const { max } = await measured(user, actions);
    expect(user.lastReply().text).toContain("چطور انتخاب می‌کنید");
    expect(max).toBeLessThanOrEqual(BOUND);
  });
});
