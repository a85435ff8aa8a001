// The booking journey through the real bot in this process: every way of choosing, the current appointment, refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReminderPlanner } from "../../src/domain/booking/reminder-planner.js";
import { startFastBot, type FastBot, type FastUser } from "../support/fast-bot.js";
import { answerUntilSummary, CITIZENS, confirmAndGetPayment, registerAndPay, TEHRAN } from "./fast-steps.js";

/** Records what the flow asked of the reminders, as the BullMQ queue would receive it. */
function recordingReminders(): ReminderPlanner & { scheduled: Array<[string, Date]>; withdrawn: Array<[string, Date]> } {
  const scheduled: Array<[string, Date]> = [];
  const withdrawn: Array<[string, Date]> = [];
  return {
    scheduled,
    withdrawn,
    schedule: async (id, startsAt) => {
      scheduled.push([id, startsAt]);
      return ["day-before", "two-hours"];
    },
    withdraw: async (id, startsAt) => void withdrawn.push([id, startsAt]),
  };
}

describe("booking (fast, in process)", () => {
  let bot: FastBot;
  const reminders = recordingReminders();
  beforeAll(async () => {
    bot = await startFastBot({ reminders });
  });
  afterAll(() => bot.close());

  /** Earliest time near Tehran, first office offered; returns the confirm text. */
  async function chooseEarliest(user: FastUser): Promise<string> {
    await user.press("⏱ زودترین نوبت نزدیک من");
    await user.press("همه‌ی دفترها");
    await user.shareLocation(TEHRAN.latitude, TEHRAN.longitude);
    const offices = user.buttons().filter((label) => /^[۰-۹]+\. /.test(label));
    expect(offices.length).toBeGreaterThan(0);
    const confirm = await user.press(offices[0]!);
    return confirm.at(-1)!.text!;
  }

  /** Nearest offices near Tehran, the first one, its last bookable day, its first time there; returns the confirm text. */
  async function chooseLastDayAtNearest(user: FastUser): Promise<string> {
    await user.press("📍 نزدیک‌ترین دفترها به من");
    await user.press("همه‌ی دفترها");
    await user.shareLocation(TEHRAN.latitude, TEHRAN.longitude);
    await user.press(user.buttons().find((label) => /^[۰-۹]+\. /.test(label))!);
    const days = user.buttons().filter((label) => label.includes("نوبت)"));
    await user.press(days.at(-1)!);
    const confirm = await user.press(user.buttons().find((label) => /^[۰-۹]{2}:[۰-۹]{2}$/.test(label))!);
    return confirm.at(-1)!.text!;
  }

  it("offers the earliest times near me, each office with its earliest time", async () => {
    const user = bot.user(7003);
    await registerAndPay(bot, user, CITIZENS[2]);
    await user.press("📅 نوبت‌گیری");
    expect(await chooseEarliest(user)).toContain("تأیید کنید");
    // One step back: the list of earliest times, not the first question.
    const back = await user.press("⬅️ بازگشت");
    expect(back.at(-1)?.text).toContain("دفتر مورد نظر را انتخاب کنید");
  });

  it("books a day weeks ahead at the nearest office, and after a replay cancels it with the time the first update found", async () => {
    const user = bot.user(7001, { first_name: "علی" });
    await registerAndPay(bot, user, CITIZENS[0]);
    const intro = await user.press("📅 نوبت‌گیری");
    expect(intro.map((r) => r.text).join("\n")).toContain("نوبت‌گیری برای");
    expect(await chooseLastDayAtNearest(user)).toContain("تأیید کنید");
    const done = await user.press("✅ تأیید نوبت");
    expect(done.at(-1)?.text).toContain("نوبت شما ثبت شد");
    // Reminders planned (this bot has a planner): the message promises exactly those.
    expect(done.at(-1)?.text).toContain("یک روز پیش و دو ساعت پیش از نوبت یادآوری می‌فرستیم");
    const appointment = await bot.database.prisma.appointment.findFirstOrThrow({ where: { status: "active" } });
    expect(reminders.scheduled.at(-1)).toEqual([appointment.id, appointment.startsAt]);

    // The current appointment is found in one update and used two updates later, replayed from the
    // conversation's JSON state: the reminders withdrawn must name the same instant, as a Date.
    const current = await user.press("📅 نوبت‌گیری");
    expect(current.at(-1)?.text).toContain("شما این نوبت را دارید");
    await user.press("🗑 لغو نوبت");
    const cancelled = await user.press("بله، لغو شود");
    expect(cancelled.at(-1)?.text).toContain("نوبت شما لغو شد");
    expect(reminders.withdrawn.at(-1)).toEqual([appointment.id, appointment.startsAt]);
    expect(reminders.withdrawn.at(-1)![1]).toBeInstanceOf(Date);
  });

  it("tells a citizen who has not paid yet, and one from another chat is asked for the tracking code", async () => {
    const unpaid = bot.user(7002);
    await answerUntilSummary(unpaid, CITIZENS[1]);
    await confirmAndGetPayment(unpaid);
    const asked = await unpaid.press("📅 نوبت‌گیری");
    // Its only application awaits payment, so this chat has none to book for: it is asked to identify one.
    expect(asked.map((r) => r.text).join("\n")).toContain("کد ملی");
  });
});
