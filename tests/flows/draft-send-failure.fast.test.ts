// A send that fails after an answer was taken leaves the journey where it was: neither its state nor the draft of
// answers (outside the replay log) is written, as the draft is stored with the state (conversation-storage.ts).
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIS_URL } from "../support/services.js";
import { FastBotFailure, startFastBot, type FastBot } from "../support/fast-bot.js";
import { answerUntilSummary } from "./fast-steps.js";

let bot: FastBot;
let redis: Redis;
/** Text that makes the next sendMessage containing it fail once (as Telegram refusing it). */
let failOnce: string | undefined;
beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  bot = await startFastBot({
    answer: (method, payload) => {
      if (method !== "sendMessage" || failOnce === undefined || !String(payload.text ?? "").includes(failOnce)) return undefined;
      failOnce = undefined;
      return new FastBotFailure("Bad Request: chat not found");
    },
  });
});
afterAll(async () => {
  redis.disconnect();
  await bot.close();
});

/** The chat's stored conversation state and draft, as Redis holds them. */
async function stored(chatId: number): Promise<(string | null)[]> {
  const [state] = await bot.redisKeys(`*conversation:${chatId}`);
  const [draft] = await bot.redisKeys(`*draft:${chatId}`);
  return redis.mget(state!, draft!);
}

describe("a send that fails mid-journey", () => {
  it("keeps the question the citizen was at, whatever the draft says, and the journey goes on from it", async () => {
    const user = bot.user(9401);
    await answerUntilSummary(user);
    const edit = (field: string) => bot.translate("prereg-edit", { field: bot.translate(`prereg-field-${field}`) });

    // "Change the address" is taken and written to the draft, but the address question cannot be sent.
    const before = await stored(9401);
    expect(before[1]).toContain("خیابان آزادی");
    failOnce = bot.translate("prereg-ask-address").slice(0, 12);
    await user.press(edit("address"));
    expect(failOnce).toBeUndefined();
    // Neither the state nor the draft moved: they are stored together, and this update stored nothing.
    expect(await stored(9401)).toEqual(before);

    // The conversation is still at the summary: another of its buttons works, and the mobile is asked.
    const asked = await user.press(edit("mobile"));
    expect(asked.at(-1)?.text).toContain(bot.translate("prereg-ask-mobile").slice(0, 12));
    await user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989351112233" });
    const summary = user.lastReply().text ?? "";
    expect(summary).toContain("لطفاً اطلاعات خود را بررسی کنید");
    expect(summary).toContain("۰۹۳۵۱۱۱۲۲۳۳");
    // Nothing of the lost correction leaked into the answers: the address is the one typed before.
    expect(summary).toContain("خیابان آزادی، کوچه‌ی دوازدهم");
  });
});
