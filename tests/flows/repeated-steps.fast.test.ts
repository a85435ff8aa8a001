// A step with a side effect, repeated after its answer was lost, answers with its own earlier success
// (issue 9, defect 2): the booking (and the cancellation) is not reported as failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FastBotFailure, startFastBot, type FastBot } from "../support/fast-bot.js";
import { answerUntilSummary, CITIZENS, registerAndPay as registerAndPayCitizen } from "./fast-steps.js";
import { registerAndPay } from "./paid-citizen.js";

const TEHRAN = { latitude: 35.6997, longitude: 51.338 };
/** Texts whose next send fails once (the bot "dies" before the citizen sees it). */
const failOnce = new Set<string>();

let bot: FastBot;
beforeAll(async () => {
  bot = await startFastBot({
    answer: (method, payload) => {
      if (method !== "sendMessage") return undefined;
      for (const start of failOnce) {
        if (String(payload.text).startsWith(start)) {
          failOnce.delete(start);
          return new FastBotFailure("Bad Request: injected");
        }
      }
      return undefined;
    },
  });
});
afterAll(() => bot.close());

describe("a confirmation pressed again after its answer was lost", () => {
  it("books once and answers with the booked appointment, then cancels once", async () => {
    const user = bot.user(8001, { first_name: "علی" });
    await registerAndPay(bot, user, "314159265358");
    await user.say("/start");
    await user.press("📅 نوبت‌گیری");
    // Day first, the last day offered: far enough ahead to be cancelled afterwards.
    await user.press("📆 اول روز، بعد ساعت");
    await user.press("همه‌ی دفترها");
    await user.shareLocation(TEHRAN.latitude, TEHRAN.longitude);
    const days = user.buttons().filter((label) => label.includes("نوبت)"));
    await user.press(days[days.length - 1]!);
    await user.press(user.buttons()[0]!);
    expect(user.lastReply().text).toContain("تأیید کنید");

    failOnce.add("نوبت شما ثبت شد");
    const first = await user.press("✅ تأیید نوبت");
    expect(first.map((reply) => reply.text).join("\n")).toContain("متأسفیم");
    const again = await user.press("✅ تأیید نوبت");
    const shown = again.map((reply) => reply.text).join("\n");
    expect(shown).toContain("نوبت شما ثبت شد");
    expect(shown).not.toContain(bot.translate("booking-refused"));
    const active = await bot.database.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM appointments WHERE status = 'active'`);
    expect(active[0]!.count).toBe(1);

    const current = await user.press("📅 نوبت‌گیری");
    if (!user.buttons().includes("🗑 لغو نوبت")) throw new Error(current.map((r) => r.text).join("\n"));
    await user.press("🗑 لغو نوبت");
    failOnce.add(bot.translate("booking-cancelled").slice(0, 10));
    await user.press("بله، لغو شود");
    const cancelledAgain = await user.press("بله، لغو شود");
    expect(cancelledAgain.map((reply) => reply.text).join("\n")).toContain(bot.translate("booking-cancelled"));
  });

  it("moves once and answers with the moved appointment when the move is confirmed again", async () => {
    const user = bot.user(8002, { first_name: "زهرا" });
    await registerAndPayCitizen(bot, user, CITIZENS[1]);
    /** Day first, the last day offered (far enough ahead to be moved), the `nth` time of that day. */
    const chooseOnLastDay = async (nth: number) => {
      await user.press("📆 اول روز، بعد ساعت");
      await user.press("همه‌ی دفترها");
      await user.shareLocation(TEHRAN.latitude, TEHRAN.longitude);
      const days = user.buttons().filter((label) => label.includes("نوبت)"));
      await user.press(days[days.length - 1]!);
      await user.press(user.buttons()[nth]!);
    };
    await user.say("/start");
    await user.press("📅 نوبت‌گیری");
    await chooseOnLastDay(0);
    await user.press("✅ تأیید نوبت");
    expect(user.lastReply().text).toContain("نوبت شما ثبت شد");

    await user.press("📅 نوبت‌گیری");
    await user.press("🔁 تغییر زمان یا محل");
    await chooseOnLastDay(1);
    expect(user.lastReply().text).toContain("منتقل شود");

    failOnce.add("نوبت شما منتقل شد");
    const first = await user.press("✅ تأیید نوبت");
    expect(first.map((reply) => reply.text).join("\n")).toContain("متأسفیم");
    const again = (await user.press("✅ تأیید نوبت")).map((reply) => reply.text).join("\n");
    expect(again).toContain("نوبت شما منتقل شد");
    expect(again).not.toContain(bot.translate("booking-refused"));
    const rows = await bot.database.sql.query<{ status: string }>(
      `SELECT a.status FROM appointments a JOIN applications p ON p.id = a.application_id WHERE p.national_id = $1 ORDER BY a.created_at`,
      [CITIZENS[1].nationalId],
    );
    expect(rows.map((row) => row.status)).toEqual(["moved", "active"]);
  });

  it("hands out the same payment when the payment start is confirmed again after its link was lost", async () => {
    const user = bot.user(8003);
    await answerUntilSummary(user, CITIZENS[2]);
    failOnce.add(bot.translate("prereg-pay-link", { amount: "", expiresAt: "" }).slice(0, 8));
    const first = await user.press("✅ تأیید و پرداخت");
    expect(first.map((reply) => reply.text).join("\n")).toContain("متأسفیم");
    const again = await user.press("✅ تأیید و پرداخت");
    const link = again.find((reply) => reply.text?.includes("مبلغ قابل پرداخت"));
    expect(link, again.map((reply) => reply.text).join("\n")).toBeDefined();
    const payments = await bot.database.sql.query<{ status: string; pay_url: string }>(
      `SELECT y.status, y.pay_url FROM payments y JOIN applications p ON p.id = y.application_id WHERE p.national_id = $1`,
      [CITIZENS[2].nationalId],
    );
    expect(payments).toHaveLength(1);
    const url = link!.replyMarkup?.inline_keyboard?.flat().find((button) => "url" in button) as { url: string } | undefined;
    expect(url?.url).toBe(payments[0]!.pay_url);
  });
});
