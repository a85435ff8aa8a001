// Buttons that name a record answer only in the chat that owns it: forged or copied callback data from
// another chat learns nothing (defect 7 of issue 9).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentCheckData } from "../../src/bot/callback-data/index.js";
import { startFastBot, type FastBot, type FastUser } from "../support/fast-bot.js";

describe("the «I have paid» button pressed from another chat", () => {
  let bot: FastBot;
  beforeAll(async () => {
    bot = await startFastBot();
  });
  afterAll(() => bot.close());

  async function paidApplication(user: FastUser): Promise<{ paymentId: string; trackingCode: string }> {
    await user.say("/start");
    await user.press("📝 پیش‌ثبت‌نام");
    for (const answer of ["۶۳۸۳۲۳۳۵۶۴", "۱۳۷۰/۰۵/۱۲"]) await user.say(answer);
    await user.press("خیر، ساکن ایران هستم");
    await user.press("✅ بله، درست است");
    await user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989121234567" });
    for (const answer of ["02188776655", "1345678911", "خیابان آزادی، پلاک ۳"]) await user.say(answer);
    await user.press("تهران");
    await user.say("تهران");
    const replies = await user.press("✅ تأیید و پرداخت");
    const button = replies.flatMap((reply) => reply.replyMarkup?.inline_keyboard?.flat() ?? []).find((b) => b.text === "✅ پرداخت کردم");
    const decoded = paymentCheckData.decode((button as { callback_data: string }).callback_data);
    if (decoded.kind !== "ok") throw new Error("no payment button");
    const settled = await bot.citizens
      .payments()
      .ledger.settlePaid({ paymentId: decoded.value.paymentId, receipt: "r-1", at: new Date(), newTrackingCode: () => "123456789012" });
    if (settled.kind !== "settled") throw new Error(`not settled: ${settled.kind}`);
    return { paymentId: decoded.value.paymentId, trackingCode: settled.trackingCode };
  }

  it("shows no tracking code, whichever chat the data claims", async () => {
    const owner = bot.user(6101, { first_name: "علی" });
    const { paymentId, trackingCode } = await paidApplication(owner);
    const stranger = bot.user(6102);
    await stranger.say("/start");
    const shown = trackingCode
      .replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!)
      .match(/.{4}/g)!
      .join("-");
    for (const claimedChat of [6102, 6101]) {
      const queryId = `forged-${claimedChat}`;
      await stranger.deliver({
        callback_query: {
          id: queryId,
          from: { id: 6102, is_bot: false, first_name: "x" },
          chat_instance: "ci",
          message: { message_id: 1, date: 0, chat: { id: 6102, type: "private", first_name: "x" } } as never,
          data: paymentCheckData.encode({ chatId: claimedChat, paymentId }),
        },
      });
      const answer = bot.calls.find((call) => call.method === "answerCallbackQuery" && call.payload.callback_query_id === queryId);
      expect(answer).toBeDefined();
      expect(String(answer!.payload.text ?? "")).not.toContain(shown);
      expect(answer!.payload.text).toBe(bot.translate("payment-check-not-found"));
    }
    // The owner still gets the answer.
    await owner.press("✅ پرداخت کردم");
    expect(owner.popups.at(-1)).toContain(shown);
  });
});
