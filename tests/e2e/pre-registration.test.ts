// Pre-registration end to end: the real bot, the sandbox gateway over HTTP, PostgreSQL and Redis.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formatTrackingCode,
  generateTrackingCode,
  mayBeReversedGroups,
  parseTrackingCode,
  type TrackingCode,
} from "../../src/domain/application/tracking-code.js";

const reversedGroups = (code: string) => (code.match(/\d{4}/g) ?? []).reverse().join("");
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";
import { ALI, decideOnSandbox, inPersianDigits, payOnSandbox, payUrlOf, preRegister, trackingCodeIn, upToBirthDate } from "./citizen-steps.js";

describe("pre-registration, payment, status and recovery", () => {
  let world: BotWorld;

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
  });
  afterAll(() => world.close());

  it("takes a citizen from the menu to a paid application with a tracking code, then status and recovery", async () => {
    const user = world.api.user(2001, { profile: { first_name: "علی" } });
    const paymentMessage = await preRegister(user);
    expect(paymentMessage.text).toContain("۲۰٬۰۰۰ تومان");

    const resultPage = await payOnSandbox(payUrlOf(paymentMessage));
    expect(resultPage).toContain("پرداخت با موفقیت انجام شد");
    const confirmation = await user.waitForBotMessage("کد رهگیری شما");
    const trackingCode = trackingCodeIn(confirmation.text);
    expect(trackingCode).toMatch(/^[1-9]\d{11}$/);
    // Shown in a left-to-right isolate, so a right-to-left screen keeps its groups in order.
    expect(confirmation.text).toContain(`\u2066${inPersianDigits(formatTrackingCode(trackingCode as TrackingCode))}\u2069`);

    // Pressing "I have paid" again and again adds popups, never another message or code.
    for (let i = 0; i < 3; i++) await user.press("✅ پرداخت کردم", { messageId: paymentMessage.message_id });
    const transcript = await user.transcript();
    expect(transcript.messages.filter((m) => m.sender === "bot" && m.text?.includes("کد رهگیری شما:"))).toHaveLength(1);
    const payments = await world.database.open();
    try {
      expect(await payments.prisma.payment.count({ where: { status: "paid" } })).toBe(1);
      expect(await payments.prisma.application.count({ where: { nationalId: ALI.nationalId, trackingCode } })).toBe(1);
    } finally {
      await payments.close();
    }

    await user.press("🔎 پیگیری وضعیت");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(ALI.nationalId);
    await user.waitForBotMessage("کد رهگیری ۱۲ رقمی");
    await user.say(inPersianDigits(trackingCode));
    const status = await user.waitForBotMessage("وضعیت پرونده‌ی شما");
    expect(status.text).toContain("پرداخت شده، در انتظار نوبت‌گیری");
    expect(status.text).toMatch(/[۰-۹]{4}/); // Jalali year in Persian digits

    await user.press("🔑 بازیابی کد رهگیری");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(ALI.nationalId);
    await user.waitForBotMessage("تاریخ تولد خود را");
    await user.say("1370-5-12");
    const recovered = await user.waitForBotMessage("کد رهگیری شما:");
    expect(trackingCodeIn(recovered.text)).toBe(trackingCode);

    // A code copied with its groups reversed (as an unisolated right-to-left screen shows it) is called a
    // typo with a hint about the order, not "no such application". Give Ali a code whose reversal is valid.
    const reversible = Array.from({ length: 2000 }, () => generateTrackingCode(randomInt)).find((code) => {
      // Typed reversed, it must still pass the check digit: otherwise the typo message comes from the check alone.
      const typed = parseTrackingCode(reversedGroups(code));
      return typed.ok && mayBeReversedGroups(typed.value);
    })!;
    const db = world.database.open();
    try {
      await db.prisma.application.updateMany({ where: { trackingCode }, data: { trackingCode: reversible } });
    } finally {
      await db.close();
    }
    await user.press("🔎 پیگیری وضعیت");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(ALI.nationalId);
    await user.waitForBotMessage("کد رهگیری ۱۲ رقمی");
    await user.say(inPersianDigits(formatTrackingCode(reversedGroups(reversible) as TrackingCode)));
    await user.waitForBotMessage("جابه‌جا نوشته شده‌اند");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(ALI.nationalId);
    await user.waitForBotMessage("کد رهگیری ۱۲ رقمی");
    await user.say(inPersianDigits(formatTrackingCode(reversible)));
    await user.waitForBotMessage("وضعیت پرونده‌ی شما");
  });

  it("after a payment cancelled on the gateway page, «✅ پرداخت کردم» starts a fresh one at once, with nothing asked again", async () => {
    const user = world.api.user(2005, { profile: { first_name: "زهرا" } });
    const zahra = { nationalId: "4806064548", birthDate: "1365/11/30", firstName: "زهرا", lastName: "احمدی", fatherName: "رضا" };
    const first = await preRegister(user, zahra);
    expect(await decideOnSandbox(payUrlOf(first), "cancel")).toContain("پرداخت لغو شد");

    await user.press("✅ پرداخت کردم", { messageId: first.message_id });
    const fresh = await user.waitForBotMessage("مبلغ قابل پرداخت");
    expect(fresh.message_id).toBeGreaterThan(first.message_id);
    expect(payUrlOf(fresh)).not.toBe(payUrlOf(first));
    // A second press of the old button does not send a third link.
    await user.press("✅ پرداخت کردم", { messageId: first.message_id });
    const links = (await user.transcript()).messages.filter((m) => m.sender === "bot" && m.text?.includes("مبلغ قابل پرداخت"));
    expect(links).toHaveLength(2);

    await payOnSandbox(payUrlOf(fresh));
    expect(trackingCodeIn((await user.waitForBotMessage("کد رهگیری شما:")).text)).toMatch(/^[1-9]\d{11}$/);
  });

  it("does not charge a citizen who already paid", async () => {
    const user = world.api.user(2002);
    await upToBirthDate(user, ALI.nationalId);
    await user.say(ALI.birthDate);
    const answer = await user.waitForBotMessage("قبلاً انجام");
    expect(answer.text).toContain("هزینه‌ی دوباره‌ای لازم نیست");
    const transcript = await user.transcript();
    expect(transcript.messages.some((m) => m.text?.includes("مبلغ قابل پرداخت"))).toBe(false);
  });

  it("catches a mistyped tracking code as mistyped", async () => {
    const user = world.api.user(2003);
    await user.say("/start");
    await user.waitForBotMessage("خوش آمدید");
    await user.press("🔎 پیگیری وضعیت");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(ALI.nationalId);
    await user.waitForBotMessage("کد رهگیری ۱۲ رقمی");
    const valid = generateTrackingCode(randomInt);
    const mistyped = valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10);
    await user.say(mistyped);
    const refusal = await user.nextBotMessage();
    expect(refusal.text).toContain("اشتباه تایپ شده");
    expect((await user.nextBotMessage()).text).toContain("کد رهگیری ۱۲ رقمی");
  });
});
