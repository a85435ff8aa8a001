// A question that keeps getting wrong answers does not grow the conversation's stored state (issue 9, defect 5).
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFastBot, type FastBot } from "../support/fast-bot.js";
import { REDIS_URL } from "../support/services.js";

let bot: FastBot;
let redis: Redis;
beforeAll(async () => {
  bot = await startFastBot({ seed: false });
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  redis.disconnect();
  await bot.close();
});

async function stateBytes(chatId: number): Promise<number> {
  const [key] = await redis.keys(`${bot.config.redisKeyPrefix}*conversation:${chatId}`);
  return key ? redis.strlen(key) : 0;
}

describe("the stored state of a conversation", () => {
  it("stays the same size under 300 wrong 4096-character answers to one question", async () => {
    const user = bot.user(9001);
    await user.say("/start");
    await user.press("📝 پیش‌ثبت‌نام");
    const wrong = "۱".repeat(4096);
    await user.say(wrong);
    const afterOne = await stateBytes(9001);
    expect(afterOne).toBeGreaterThan(0);
    for (let i = 0; i < 300; i++) await user.say(wrong);
    const afterMany = await stateBytes(9001);
    // Each wrong answer is explained and the question asked again, and nothing of it is kept.
    expect(user.lastReply().text).toContain("کد ملی ۱۰ رقمی");
    expect(afterMany).toBeLessThanOrEqual(afterOne);
    // The journey goes on from the same question.
    const next = await user.say("6383233564");
    expect(next.at(-1)?.text).toContain("تاریخ تولد");
  });
});
