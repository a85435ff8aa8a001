// Pre-registration through the real bot in this process (tests/support/fast-bot.ts): each branch in milliseconds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentCheckData } from "../../src/bot/callback-data/index.js";
import { startFastBot, type FastBot, type FastUser } from "../support/fast-bot.js";

const ALI = { nationalId: "6383233564", birthDate: "1370/05/12" };

describe("pre-registration (fast, in process)", () => {
  let bot: FastBot;
  beforeAll(async () => {
    bot = await startFastBot();
  });
  afterAll(() => bot.close());

  async function answerUntilSummary(user: FastUser): Promise<void> {
    await user.say("/start");
    await user.press("📝 پیش‌ثبت‌نام");
    await user.say("۶۳۸۳۲۳۳۵۶۴");
    await user.say("۱۳۷۰/۰۵/۱۲");
    await user.press("خیر، ساکن ایران هستم");
    await user.press("✅ بله، درست است");
    await user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989121234567" });
    await user.say("٠٢١ ٨٨٧٧ ٦٦٥٥");
    await user.say("13456-78911");
    await user.say("خیابان آزادی، کوچه‌ی دوازدهم، پلاک ۳، واحد ۴");
    await user.press("تهران");
    const summary = await user.say("تهران");
    expect(summary.at(-1)?.text).toContain("لطفاً اطلاعات خود را بررسی کنید");
  }

  it("walks from the menu to the payment message, whose button carries the chat and the payment", async () => {
    const user = bot.user(5001, { first_name: "علی" });
    await answerUntilSummary(user);
    const replies = await user.press("✅ تأیید و پرداخت");
    const payment = replies.find((reply) => reply.text?.includes("مبلغ قابل پرداخت"));
    expect(payment?.text).toContain("۲۰٬۰۰۰ تومان");
    const paid = payment?.replyMarkup?.inline_keyboard?.flat().find((button) => button.text === "✅ پرداخت کردم");
    const decoded = paymentCheckData.decode((paid as { callback_data: string }).callback_data);
    expect(decoded.kind === "ok" && decoded.value.chatId).toBe(5001);

    // Not paid yet at the sandbox: the button answers in a popup, never a new message.
    const before = user.replies.length;
    await user.press("✅ پرداخت کردم");
    expect(user.replies.length).toBe(before);
    expect(user.popups.at(-1)).toBe(bot.translate("payment-check-not-paid"));
  });

  it("explains a wrong national ID and asks the same question again", async () => {
    const user = bot.user(5002);
    await user.say("/start");
    await user.press("📝 پیش‌ثبت‌نام");
    const replies = await user.say("1234567890");
    expect(replies).toHaveLength(2);
    expect(replies[1]!.text).toContain("کد ملی ۱۰ رقمی");
    expect(replies[0]!.text).not.toBe(replies[1]!.text);
  });

  it("goes one question back, and cancel returns to the main menu", async () => {
    const user = bot.user(5003);
    await user.say("/start");
    await user.press("📝 پیش‌ثبت‌نام");
    await user.say(ALI.nationalId);
    const back = await user.press("⬅️ بازگشت");
    expect(back.at(-1)?.text).toContain("کد ملی ۱۰ رقمی");
    const cancelled = await user.press("❌ انصراف");
    expect(
      cancelled
        .at(-1)
        ?.replyMarkup?.keyboard?.flat()
        .map((b) => (typeof b === "string" ? b : b.text)),
    ).toContain("📝 پیش‌ثبت‌نام");
  });

  it("answers a button of a version the code no longer builds as an old button", async () => {
    const user = bot.user(5004);
    await user.say("/start");
    await user.deliver({
      callback_query: {
        id: "stale-1",
        from: { id: 5004, is_bot: false, first_name: "x" },
        chat_instance: "c",
        data: "paid:0:5004:AAAAAAAAAAAAAAAAAAAAAA",
        message: { message_id: 1, date: 0, chat: { id: 5004, type: "private", first_name: "x" } } as never,
      },
    });
    const answer = bot.calls.filter((call) => call.method === "answerCallbackQuery").at(-1);
    expect(answer?.payload.text).toBe(bot.translate("unhandled-old-button"));
  });
});
