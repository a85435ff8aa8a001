// Booking end to end: a paid citizen books by location, gets reminder jobs, reschedules, cancels; a
// missed appointment blocks booking for 3 days; concurrent attempts on one seat through two instances.
import { DEFAULT_BOOKING_POLICY } from "../../src/domain/booking/booking-policy.js";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepNoShows } from "../../src/domain/booking/no-show.js";
import { createSqlBookingStore } from "../../src/infrastructure/database/booking-store.js";
import { createSqlOfficeDirectory } from "../../src/infrastructure/database/office-directory.js";
import type { Database } from "../../src/infrastructure/database/database.js";
import { closeDayAndTell } from "../../src/infrastructure/jobs/office-closure.js";
import { ReminderQueue } from "../../src/infrastructure/jobs/reminder-queue.js";
import { jalaliDateInTehran } from "../../src/domain/time/tehran-clock.js";
import type { SimulatedUser } from "../harness/simulated-user.js";
import { createBotWorld, newWebhookSecret, startLoadBalancer, type BotWorld, type LoadBalancer } from "../support/bot-fixture.js";
import { ALI, chooseEarliestNearby, payOnSandbox, payUrlOf, preRegister, TEHRAN, trackingCodeIn } from "./citizen-steps.js";

/** "Day first, then time": a day across the nearest offices, then a time at any of them. */
async function chooseDayFirst(user: SimulatedUser): Promise<string> {
  await user.waitForBotMessage("چطور انتخاب می‌کنید");
  await user.press("📆 اول روز، بعد ساعت");
  await user.waitForBotMessage("کدام نوع دفتر");
  await user.press("همه‌ی دفترها");
  await user.waitForBotMessage("موقعیت خود را");
  await user.shareLocation(TEHRAN.latitude, TEHRAN.longitude);
  const days = await user.waitForBotMessage("نوبت‌های خالی دفترهای نزدیک شما");
  const dayLabels = user.buttons(days).filter((label) => label.includes("نوبت)"));
  expect(dayLabels[0]).toMatch(/^(شنبه|یکشنبه|دوشنبه|سه‌شنبه|چهارشنبه|پنج\u200cشنبه) /);
  await user.press(dayLabels[dayLabels.length - 1]!);
  const times = await user.waitForBotMessage("ساعت مراجعه");
  const first = user.buttons(times)[0]!;
  expect(first).toMatch(/^[۰-۹]{2}:[۰-۹]{2} — /);
  await user.press(first);
  return (await user.waitForBotMessage("تأیید کنید")).text ?? "";
}

describe("booking", () => {
  let world: BotWorld;
  let db: Database;

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
    db = world.database.open();
  });
  afterAll(async () => {
    await db.close();
    await world.close();
  });

  it("books by nearest office with distances, plans reminders, reschedules and cancels, all in Persian", async () => {
    const user = world.api.user(9001, { profile: { first_name: "علی" } });
    await payOnSandbox(payUrlOf(await preRegister(user)));
    await user.waitForBotMessage("کد رهگیری شما:");

    await user.press("📅 نوبت‌گیری");
    await user.waitForBotMessage("نوبت‌گیری برای علی");
    await user.waitForBotMessage("چطور انتخاب می‌کنید");
    await user.press("📍 نزدیک‌ترین دفترها به من");
    await user.waitForBotMessage("کدام نوع دفتر");
    await user.press("دفتر پست");
    await user.waitForBotMessage("موقعیت خود را");
    await user.shareLocation(TEHRAN.latitude, TEHRAN.longitude);
    const list = await user.waitForBotMessage("نزدیک‌ترین دفترها به شما");
    expect(list.text).toMatch(/[۰-۹]+٫?[۰-۹]* کیلومتر/u);
    expect(list.text).toContain("پست");
    const officeQuestion = await user.waitForBotMessage("دفتر مورد نظر را انتخاب کنید");
    await user.press(user.buttons(officeQuestion)[0]!);
    const days = await user.waitForBotMessage("روز مراجعه");
    const dayButtons = user.buttons(days).filter((label) => label.includes("نوبت)"));
    // The last offered day: far enough ahead for the 2-hour change cut-off, whatever the time of the run.
    const laterDay = dayButtons[dayButtons.length - 1]!;
    expect(laterDay).toMatch(/(شنبه|یکشنبه|دوشنبه|سه‌شنبه|چهارشنبه|پنج\u200cشنبه) [۰-۹]+ [^ ]+ ۱۴[۰-۹]{2} \([۰-۹]+ نوبت\)/);
    await user.press(laterDay);
    const times = await user.waitForBotMessage("ساعت مراجعه");
    expect(user.buttons(times)[0]).toMatch(/^[۰-۹]{2}:[۰-۹]{2}$/);
    await user.press(user.buttons(times)[0]!);
    const confirm = await user.waitForBotMessage("لطفاً نوبت را تأیید کنید");
    expect(confirm.text).toMatch(/[۰-۹]{4}/);
    await user.press("✅ تأیید نوبت");
    const done = await user.waitForBotMessage("نوبت شما ثبت شد");
    // Reminders run here (Redis): the message promises the ones planned, both for a time days ahead.
    expect(done.text).toContain("یک روز پیش و دو ساعت پیش از نوبت یادآوری می‌فرستیم");

    const first = await db.prisma.$queryRaw<Array<{ id: string; starts_at: Date; status: string }>>`
      SELECT a.id, s.starts_at, a.status FROM appointments a JOIN slots s ON s.id = a.slot_id
      JOIN applications p ON p.id = a.application_id WHERE p.national_id = ${ALI.nationalId}`;
    expect(first).toHaveLength(1);
    const reminders = new ReminderQueue(world.redis.redis, world.redis.prefix);
    try {
      const planned = await reminders.plannedFor(first[0]!.id);
      expect(planned.map((job) => job.kind).sort()).toEqual(
        ["day-before", "two-hours"].filter((kind) => first[0]!.starts_at.getTime() - (kind === "day-before" ? 24 : 2) * 3600_000 > Date.now()).sort(),
      );
    } finally {
      await reminders.close();
    }

    await user.press("📅 نوبت‌گیری");
    await user.waitForBotMessage("شما این نوبت را دارید");
    await user.press("🔁 تغییر زمان یا محل");
    await user.waitForBotMessage("چطور انتخاب می‌کنید");
    await user.press("📍 نزدیک‌ترین دفترها به من");
    await user.waitForBotMessage("کدام نوع دفتر");
    await user.press("دفتر پیشخوان دولت");
    await user.waitForBotMessage("موقعیت خود را");
    await user.say("۳۵٫۶۹۹۷، ۵۱٫۳۳۸"); // typed, in Persian digits
    await user.press(user.buttons(await user.waitForBotMessage("دفتر مورد نظر را انتخاب کنید"))[0]!);
    const newDays = user.buttons(await user.waitForBotMessage("روز مراجعه")).filter((label) => label.includes("نوبت)"));
    await user.press(newDays[newDays.length - 1]!);
    await user.press(user.buttons(await user.waitForBotMessage("ساعت مراجعه"))[0]!);
    expect((await user.waitForBotMessage("منتقل شود")).text).toContain("دفتر پیشخوان دولت");
    await user.press("✅ تأیید نوبت");
    await user.waitForBotMessage("نوبت شما منتقل شد");
    const moved = await db.prisma.$queryRaw<Array<{ status: string }>>`
      SELECT a.status FROM appointments a JOIN applications p ON p.id = a.application_id
      WHERE p.national_id = ${ALI.nationalId} ORDER BY a.created_at`;
    expect(moved.map((row) => row.status)).toEqual(["moved", "active"]);

    // The cancel dialog offers "yes, cancel it" and "keep my appointment", not a second "cancel"; a typed no keeps it.
    await user.press("📅 نوبت‌گیری");
    await user.waitForBotMessage("شما این نوبت را دارید");
    await user.press("🗑 لغو نوبت");
    const sure = await user.waitForBotMessage("مطمئنید");
    expect(user.buttons(sure)).toEqual(["بله، لغو شود", "نه، نوبتم بماند"]);
    await user.say("نه");
    await user.waitForBotMessage("بدون تغییر باقی ماند");
    const kept = await db.prisma.$queryRaw<Array<{ status: string }>>`
      SELECT a.status FROM appointments a JOIN applications p ON p.id = a.application_id
      WHERE p.national_id = ${ALI.nationalId} ORDER BY a.created_at`;
    expect(kept.map((row) => row.status)).toEqual(["moved", "active"]);

    await user.press("📅 نوبت‌گیری");
    await user.waitForBotMessage("شما این نوبت را دارید");
    await user.press("🗑 لغو نوبت");
    await user.waitForBotMessage("مطمئنید");
    await user.press("بله، لغو شود");
    await user.waitForBotMessage("نوبت شما لغو شد");
    const application = await db.prisma.application.findFirstOrThrow({ where: { nationalId: ALI.nationalId } });
    expect(application.status).toBe("paid");
  });

  it("tells each citizen when their office closes the day, with one tap to book again", async () => {
    const user = world.api.user(9003, { profile: { first_name: "مریم" } });
    const maryam = { nationalId: "1021153087", birthDate: "1380/01/01", firstName: "مریم", lastName: "حسینی", fatherName: "محمود" };
    await payOnSandbox(payUrlOf(await preRegister(user, maryam)));
    const paid = await user.waitForBotMessage("کد رهگیری شما:");
    // Straight from the payment confirmation into booking.
    await user.press("📅 نوبت‌گیری", { messageId: paid.message_id });
    await user.waitForBotMessage("نوبت‌گیری برای مریم");
    await chooseEarliestNearby(user);
    await user.press("✅ تأیید نوبت");
    await user.waitForBotMessage("نوبت شما ثبت شد");

    const [appointment] = await db.prisma.$queryRaw<Array<{ office_id: number; starts_at: Date }>>`
      SELECT s.office_id, s.starts_at FROM appointments a JOIN slots s ON s.id = a.slot_id JOIN applications p ON p.id = a.application_id
      WHERE p.national_id = ${maryam.nationalId} AND a.status = 'active'`;
    const deps = { offices: createSqlOfficeDirectory(db.sql), store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY };
    const closed = await closeDayAndTell(deps, db.prisma, {
      officeId: appointment!.office_id,
      date: jalaliDateInTehran(appointment!.starts_at),
      now: new Date(),
    });
    expect(closed).toEqual({ ok: true, told: 1 });

    const notice = await user.waitForBotMessage("تعطیل شد");
    expect(user.buttons(notice)).toEqual(["📅 گرفتن نوبت تازه"]);
    expect((await db.prisma.application.findFirstOrThrow({ where: { nationalId: maryam.nationalId } })).status).toBe("paid");
    await user.press("📅 گرفتن نوبت تازه", { messageId: notice.message_id });
    await user.waitForBotMessage("نوبت‌گیری برای مریم");
    await user.waitForBotMessage("چطور انتخاب می‌کنید");
  });

  it("blocks booking for 3 days after a missed appointment, saying exactly when it reopens", async () => {
    const user = world.api.user(9002, { profile: { first_name: "زهرا" } });
    const zahra = { nationalId: "4806064548", birthDate: "1365/11/30", firstName: "زهرا", lastName: "احمدی", fatherName: "رضا" };
    await payOnSandbox(payUrlOf(await preRegister(user, zahra)));
    const trackingCode = trackingCodeIn((await user.waitForBotMessage("کد رهگیری شما:")).text);
    await user.press("📅 نوبت‌گیری");
    await chooseDayFirst(user);
    await user.press("✅ تأیید نوبت");
    await user.waitForBotMessage("نوبت شما ثبت شد");

    // The scheduled sweep, run as if a day had passed since the appointment.
    const [booked] = await db.prisma.$queryRaw<Array<{ starts_at: Date }>>`
      SELECT s.starts_at FROM appointments a JOIN slots s ON s.id = a.slot_id JOIN applications p ON p.id = a.application_id
      WHERE p.national_id = ${zahra.nationalId} AND a.status = 'active'`;
    const deps = { offices: createSqlOfficeDirectory(db.sql), store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY };
    const missed = await sweepNoShows(deps, { now: new Date(booked!.starts_at.getTime() + 24 * 3600_000) });
    expect(missed.map((m) => m.chatId)).toContain(9002);
    // Pretend the appointment was yesterday, so the ban is still running now.
    const reopensAt = missed.find((m) => m.chatId === 9002)!.bookingReopensAt;
    expect(reopensAt.getTime() - booked!.starts_at.getTime()).toBe(72 * 3600_000);

    await user.press("📅 نوبت‌گیری");
    const refusal = await user.waitForBotMessage("حاضر نشدید");
    const { formatDateTime } = await import("../../src/domain/time/persian-format.js");
    expect(refusal.text).toContain(formatDateTime(reopensAt));

    await user.press("🔎 پیگیری وضعیت");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(zahra.nationalId);
    await user.waitForBotMessage("کد رهگیری ۱۲ رقمی");
    await user.say(trackingCode);
    const status = await user.waitForBotMessage("وضعیت پرونده‌ی شما");
    expect(status.text).toContain("عدم حضور در نوبت");
    expect(status.text).toContain(formatDateTime(reopensAt));
  });
});

describe("many citizens on one seat through two instances", () => {
  let world: BotWorld;
  let balancer: LoadBalancer;

  beforeAll(async () => {
    world = await createBotWorld();
    balancer = await startLoadBalancer();
    const env = { BOT_MODE: "webhook", PUBLIC_URL: balancer.url, WEBHOOK_SECRET: newWebhookSecret() };
    const instances = [await world.startBot(env), await world.startBot(env)];
    balancer.setTargets(instances.map((instance) => instance.httpUrl));
  });
  afterAll(async () => {
    await world.close();
    await balancer.close();
  });

  it("seats exactly as many as the office has counters; the rest are told and offered alternatives", async () => {
    const citizens = ["6383233564", "4806064548", "1021153087", "1610890892", "3757879821", "0673337421"];
    const db = world.database.open();
    try {
      // Setup: paid applications registered from each user's chat (the payment path has its own tests).
      for (const [i, nationalId] of citizens.entries()) {
        await db.prisma.application.create({
          data: {
            id: randomUUID(),
            nationalId,
            birthDate: "1370/01/01",
            firstName: "شهروند",
            lastName: "آزمایشی",
            fatherName: "پدر",
            mobile: "09120000000",
            landline: "02188776655",
            postalCode: "1345678911",
            address: "تهران، خیابان آزادی",
            cityId: 1,
            chatId: BigInt(9100 + i),
            status: "paid",
            trackingCode: `1${String(i).padStart(11, "0")}`,
            feeRial: 200000,
          },
        });
      }
    } finally {
      await db.close();
    }
    const users = citizens.map((_, i) => world.api.user(9100 + i));
    await Promise.all(
      users.map(async (user) => {
        await user.say("📅 نوبت‌گیری");
        await chooseEarliestNearby(user);
      }),
    );
    // Everyone was offered the same earliest seat; all confirm at once.
    const confirms = await Promise.all(users.map(async (user) => (await user.lastBotMessage()).text ?? ""));
    expect(new Set(confirms).size).toBe(1);
    await Promise.all(users.map((user) => user.press("✅ تأیید نوبت")));
    const answers = await Promise.all(users.map((user) => user.waitForBotMessage(/نوبت شما ثبت شد|همین حالا پر شد/)));
    const booked = answers.filter((answer) => answer.text?.includes("نوبت شما ثبت شد"));
    const check = world.database.open();
    try {
      const slots = await check.prisma.$queryRaw<Array<{ capacity: number; booked: number; active: number }>>`
        SELECT s.capacity, s.booked, (SELECT count(*)::int FROM appointments a WHERE a.slot_id = s.id AND a.status = 'active') AS active
        FROM slots s WHERE s.booked > 0`;
      expect(slots).toHaveLength(1);
      const [slot] = slots;
      expect(slot!.capacity).toBeLessThan(citizens.length);
      expect(booked).toHaveLength(slot!.capacity);
      expect(slot!.active).toBe(slot!.capacity);
    } finally {
      await check.close();
    }
    for (const user of users.filter((_, i) => !answers[i]!.text?.includes("ثبت شد"))) {
      const offered = await user.waitForBotMessage("یکی از این زمان‌ها را انتخاب کنید");
      expect(user.buttons(offered).length).toBeGreaterThan(0);
    }
  });
});
