// Booking's branches through the real bot in this process: by city, day first, rescheduling, keeping an
// appointment, a time that fills before confirming, a no-show ban, and booking from another chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "../../src/domain/time/persian-format.js";
import { startFastBot, type BotReply, type FastBot, type FastUser } from "../support/fast-bot.js";
import { CITIZENS, registerAndPay, TEHRAN, toPersianDigits } from "./fast-steps.js";

describe("booking branches (fast, in process)", () => {
  let bot: FastBot;
  const t = (key: string, params?: Record<string, string | number>) => bot.translate(key, params);
  const texts = (replies: BotReply[]) => replies.map((reply) => reply.text ?? "");
  beforeAll(async () => {
    bot = await startFastBot();
  });
  afterAll(() => bot.close());

  const numbered = (user: FastUser) => user.buttons().filter((label) => /^[۰-۹]+\. /.test(label));
  const days = (user: FastUser) => user.buttons().filter((label) => label.includes("نوبت)"));
  const times = (user: FastUser) => user.buttons().filter((label) => /^[۰-۹]{2}:[۰-۹]{2}/.test(label));

  /** By city (Tehran), its first office, the last day offered, the first time; returns the confirm screen. */
  async function byCity(user: FastUser): Promise<string> {
    await user.press(t("booking-mode-city"));
    await user.press("تهران");
    await user.say("تهران");
    // Which kind of office in that city, then the list.
    const offices = await user.press(user.buttons().find((label) => label.startsWith(t("booking-type-any")))!);
    expect(texts(offices).join("\n")).toContain(t("booking-city-list", { city: "تهران" }));
    await user.press(numbered(user)[0]!);
    await user.press(days(user).at(-1)!);
    return texts(await user.press(times(user)[0]!)).at(-1)!;
  }

  it("books by province and city, then moves the appointment with a new time and keeps the old seat until then", async () => {
    const user = bot.user(7101);
    await registerAndPay(bot, user, CITIZENS[0]);
    await user.press(t("menu-booking"));
    expect(await byCity(user)).toContain("لطفاً نوبت را تأیید کنید");
    await user.press(t("booking-confirm-button"));
    const first = await bot.database.prisma.appointment.findFirstOrThrow({ where: { status: "active" } });

    await user.press(t("menu-booking"));
    await user.press(t("booking-reschedule"));
    // Day first this time: a day across the nearest offices, then a time at any of them.
    await user.press(t("booking-mode-day"));
    await user.press(t("booking-type-any"));
    await user.shareLocation(TEHRAN.latitude, TEHRAN.longitude);
    await user.press(days(user)[days(user).length - 2]!);
    const confirm = await user.press(times(user)[0]!);
    expect(texts(confirm).at(-1)).toContain("منتقل شود");
    const moved = await user.press(t("booking-confirm-button"));
    expect(texts(moved).at(-1)).toContain("منتقل شد");
    const after = await bot.database.prisma.appointment.findMany({ where: { applicationId: first.applicationId }, orderBy: { createdAt: "asc" } });
    expect(after.map((a) => a.status)).toEqual(["moved", "active"]);
  });

  it("keeps the appointment when the citizen says no to cancelling", async () => {
    const user = bot.user(7102);
    await registerAndPay(bot, user, CITIZENS[1]);
    await user.press(t("menu-booking"));
    await byCity(user);
    await user.press(t("booking-confirm-button"));
    await user.press(t("menu-booking"));
    await user.press(t("booking-cancel-appointment"));
    expect(texts(await user.press(t("booking-cancel-keep"))).at(-1)).toBe(t("booking-kept"));
    const application = await bot.database.prisma.application.findFirstOrThrow({ where: { nationalId: CITIZENS[1].nationalId } });
    expect(await bot.database.prisma.appointment.count({ where: { status: "active", applicationId: application.id } })).toBe(1);
  });

  it("offers the nearest other times when the chosen one filled before confirming", async () => {
    const user = bot.user(7103);
    await registerAndPay(bot, user, CITIZENS[2]);
    await user.press(t("menu-booking"));
    await byCity(user);
    // Someone else took the last seat meanwhile.
    await bot.database.sql.query("UPDATE slots SET booked = capacity");
    const taken = await user.press(t("booking-confirm-button"));
    expect(texts(taken).join("\n")).toContain(t("booking-time-refused-filled"));
    await bot.database.sql.query(
      "UPDATE slots SET booked = 0 WHERE NOT EXISTS (SELECT 1 FROM appointments a WHERE a.slot_id = slots.id AND a.status = 'active')",
    );
    const alternatives = user.buttons().filter((label) => /^[۰-۹]+\) /.test(label) || /^\d+\) /.test(label));
    expect(alternatives.length).toBeGreaterThan(0);
    await user.press(alternatives[0]!);
    expect(texts(await user.press(t("booking-confirm-button"))).at(-1)).toContain("نوبت شما ثبت شد");
  });

  it("refuses to book during a no-show ban and says when it ends", async () => {
    const user = bot.user(7104);
    await registerAndPay(bot, user, CITIZENS[3]);
    const application = await bot.database.prisma.application.findFirstOrThrow({ where: { nationalId: CITIZENS[3].nationalId } });
    await user.press(t("menu-booking"));
    await byCity(user);
    await user.press(t("booking-confirm-button"));
    const reopens = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    await bot.database.sql.query(`UPDATE appointments SET status = 'no_show', missed_at = now(), booking_reopens_at = $2 WHERE application_id = $1::uuid`, [
      application.id,
      reopens,
    ]);
    await bot.database.sql.query(`SELECT application_move(ARRAY[$1::uuid], ARRAY['booked'], 'no_show', now())`, [application.id]);
    const refused = await user.press(t("menu-booking"));
    expect(texts(refused).at(-1)).toBe(t("booking-no-show-ban", { reopensAt: formatDateTime(reopens) }));
    expect(user.buttons()).toContain(t("menu-booking"));
  });

  it("books from another chat with the national ID and tracking code", async () => {
    const owner = bot.user(7105);
    const code = await registerAndPay(bot, owner, CITIZENS[4]);
    const helper = bot.user(7106);
    await helper.say("/start");
    expect(texts(await helper.press(t("menu-booking"))).join("\n")).toContain(t("booking-identify"));
    await helper.say(CITIZENS[4].nationalId);
    const found = await helper.say(toPersianDigits(code));
    expect(texts(found).at(-1)).toBe(t("booking-ask-mode"));
  });
});
