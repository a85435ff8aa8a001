// The journey bench's harness drives whole journeys: the real bot, pre-registration, payment, tracking code, status.
import { describe, expect, it } from "vitest";
import { makeCitizens } from "../../scripts/bench-journeys/citizens.js";
import { loadLocaleTexts } from "../../scripts/bench-journeys/locale-texts.js";
import { runOnce } from "../../scripts/bench-journeys/run.js";
import { startRealBot } from "../../scripts/bench-journeys/targets.js";

describe("npm run bench:journeys, smoke", () => {
  it("recognises the bot's questions by their locale keys and nothing else", () => {
    const texts = loadLocaleTexts();
    const keys = ["prereg-ask-national-id", "prereg-ask-birth-date", "payment-confirmed"];
    expect(texts.recognise("کد ملی ۱۰ رقمی خود را بنویسید:", keys)).toBe("prereg-ask-national-id");
    const confirmed =
      "✅ پرداخت شما تأیید شد و پیش‌ثبت‌نام شما کامل شد.\nکد رهگیری شما: \u2066۱۲۳۴-۵۶۷۸-۹۰۱۲\u2069\nاین کد را نگه دارید؛ برای پیگیری وضعیت و نوبت‌گیری لازم است.\nاکنون می‌توانید از منوی «📅 نوبت‌گیری» برای مراجعه‌ی حضوری (عکس و اثر انگشت) نوبت بگیرید.";
    expect(texts.recognise(confirmed, keys)).toBe("payment-confirmed");
    // An error message is no question the journey knows: the citizen fails the run with its text.
    expect(texts.recognise("این کد ملی معتبر نیست (رقم کنترل آن نمی‌خواند).", keys)).toBeUndefined();
  });

  it("takes two citizens through the real bot to the tracking code and the status check", async () => {
    const citizens = makeCitizens(2_000_000 + Math.floor(Math.random() * 1_000_000), 2);
    const target = await startRealBot("smoke", "polling", 1, citizens, { countTransactions: false });
    try {
      const figures = await runOnce(target, loadLocaleTexts(), citizens, 2, 0);
      // runOnce resolves only when every journey reached the status answer (anything unexpected throws).
      expect(figures.journeys).toBe(2);
      expect(figures.updates).toBeGreaterThanOrEqual(2 * 12);
      expect(Number.isFinite(figures.paymentP50)).toBe(true);
      expect(figures.conversationBytesInFlight).toBeGreaterThan(0);
      expect(figures.botCpuPerUpdate).toBeGreaterThan(0);
      expect(target.api.calls.get("sendMessage")).toBeGreaterThanOrEqual(figures.updates);
    } finally {
      await target.close();
    }
  });
});
