// One failed send inside a conversation: retried like any other call, and a failure that remains keeps the journey.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotProcess } from "../support/bot-process.js";
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";
import { ALI } from "./citizen-steps.js";

describe("a send that fails inside pre-registration", () => {
  let world: BotWorld;
  let bot: BotProcess;
  beforeAll(async () => {
    world = await createBotWorld();
    // Paced as against a real platform: the retries of a failed send wait their turn in the same queue.
    bot = await world.startBot({ BOT_API_PACING: "on" });
  });
  afterAll(() => world.close());

  /** Opens pre-registration and answers the national ID: the next reply asks for the birth date. */
  async function atBirthDateQuestion(userId: number) {
    const user = world.api.user(userId);
    await user.say("/start");
    await user.waitForBotMessage("خوش آمدید");
    await user.press("📝 پیش‌ثبت‌نام");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(ALI.nationalId);
    await user.waitForBotMessage("تاریخ تولد خود را");
    return user;
  }

  for (const [label, errorCode] of [
    ["a 429", 429],
    ["a 500", 500],
    ["a network error", 0],
  ] as const) {
    it(`rides out ${label} on the reply and the journey goes on`, async () => {
      const user = await atBirthDateQuestion(9100 + errorCode);
      await world.api.injectFault({ method: "sendMessage", error_code: errorCode, chat_id: user.userId, times: 1 });
      await user.say(ALI.birthDate);
      expect((await user.waitForBotMessage("خارج از کشور", { timeoutMs: 30_000 })).text).toContain("خارج از کشور");
      const texts = (await user.botMessages()).map((message) => message.text ?? "");
      expect(texts.some((text) => text.includes("متأسفیم"))).toBe(false);
    });
  }

  it("keeps the answers when a send still fails: the citizen resumes at the same question", async () => {
    const user = await atBirthDateQuestion(9200);
    // 400 is not retried: the reply to the birth date fails for good.
    await world.api.injectFault({ method: "sendMessage", error_code: 400, description: "Bad Request: injected", chat_id: user.userId, times: 1 });
    await user.say(ALI.birthDate);
    await user.waitForBotMessage("متأسفیم");
    await user.say(ALI.birthDate);
    expect((await user.waitForBotMessage(/خارج از کشور|متوجه/)).text).toContain("خارج از کشور");

    const failure = await bot.waitForLog((line) => line.msg === "Bot API call failed after its retries" && line.description === "Bad Request: injected");
    expect(failure.method).toBe("sendMessage");
    const failed = bot.logs.find((line) => line.msg === "update failed" && JSON.stringify(line).includes("injected"));
    expect(failed).toBeDefined();
    // The cause is told, and no message body reaches the log.
    expect(JSON.stringify(failed)).not.toContain("[object Object]");
    expect(JSON.stringify(bot.logs)).not.toContain("کشور");
  });
});
