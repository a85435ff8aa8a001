// A send that fails after an answer was taken leaves the journey where it was, although the draft of answers
// (outside the replay log) was already written: the stored log replays the draft it read (kit/journey.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FastBotFailure, startFastBot, type FastBot } from "../support/fast-bot.js";
import { answerUntilSummary } from "./fast-steps.js";

let bot: FastBot;
/** Text that makes the next sendMessage containing it fail once (as Telegram refusing it). */
let failOnce: string | undefined;
beforeAll(async () => {
  bot = await startFastBot({
    answer: (method, payload) => {
      if (method !== "sendMessage" || failOnce === undefined || !String(payload.text ?? "").includes(failOnce)) return undefined;
      failOnce = undefined;
      return new FastBotFailure("Bad Request: chat not found");
    },
  });
});
afterAll(() => bot.close());

describe("a send that fails mid-journey", () => {
  it("keeps the question the citizen was at, whatever the draft says, and the journey goes on from it", async () => {
    const user = bot.user(9401);
    await answerUntilSummary(user);
    const edit = (field: string) => bot.translate("prereg-edit", { field: bot.translate(`prereg-field-${field}`) });

    // "Change the address" is taken and written to the draft, but the address question cannot be sent.
    failOnce = bot.translate("prereg-ask-address").slice(0, 12);
    await user.press(edit("address"));
    expect(failOnce).toBeUndefined();

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
