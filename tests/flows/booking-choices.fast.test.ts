// Booking through the real bot in this process (tests/support/fast-bot.ts), on a clock the test sets:
// times a citizen can reach, the truth about a refused time, one step back, pages, typed times and
// city names, a city's offices by type in Persian order, alternatives of the chosen type, the words of
// the messages (reminders promised only as planned, names without a repeated type, the phone after a
// move, the cancellation in the status history, پنج‌شنبه), the reminders' contents, buttons with words.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "../../src/domain/booking/book-appointment.js";
import { generateTrackingCode } from "../../src/domain/application/tracking-code.js";
import { parseClockTime } from "../../src/domain/time/clock-time.js";
import { addDays, weekdayOf, type JalaliDate } from "../../src/domain/time/jalali.js";
import { formatJalaliDate, formatTehranTime } from "../../src/domain/time/persian-format.js";
import { jalaliDateInTehran, tehranWallTimeToInstant } from "../../src/domain/time/tehran-clock.js";
import { reminderDelivery } from "../../src/infrastructure/jobs/booking-jobs.js";
import { startFastBot, type FastBot, type FastUser } from "../support/fast-bot.js";

/** The sample office «دفتر پیشخوان دولت شماره ۸۰۴۳ تهران»: Saturday to Wednesday 08:00-16:00, one counter. */
const PISHKHAN_8043 = { latitude: 35.748959, longitude: 51.43576 };
const BACK = "⬅️ بازگشت";

/** A Saturday at least three days after today (Tehran), so the test's week lies ahead of any real clock. */
function aSaturdayAhead(): JalaliDate {
  let date = addDays(jalaliDateInTehran(new Date()), 3);
  while (weekdayOf(date) !== 0) date = addDays(date, 1);
  return date;
}

const SATURDAY = aSaturdayAhead();
const SUNDAY = addDays(SATURDAY, 1);
const at = (date: JalaliDate, hour: number, minute: number) => tehranWallTimeToInstant(date, hour, minute);

/** The n-th made-up national ID of these tests, with a valid check digit. */
function nationalIdNumber(n: number): string {
  const body = String(300000000 + 7919 * n + 12345);
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const r = sum % 11;
  return `${body}${r < 2 ? r : 11 - r}`;
}

describe("booking (fast, in process, on the test's clock)", () => {
  let bot: FastBot;
  let clock = at(SATURDAY, 10, 7);
  let nextCitizen = 0;

  beforeAll(async () => {
    bot = await startFastBot({ now: () => clock });
  });
  afterAll(() => bot.close());

  /** A paid application registered from the user's chat; returns its id, national ID and tracking code. */
  async function paidCitizen(user: FastUser, firstName = "علی") {
    const nationalId = nationalIdNumber(nextCitizen++);
    const trackingCode = generateTrackingCode(randomInt);
    const [row] = await bot.database.sql.query<{ id: string }>(
      `INSERT INTO applications (national_id, birth_date, first_name, last_name, father_name, mobile, landline, postal_code,
                                 address, city_id, chat_id, status, tracking_code, fee_rial)
       VALUES ($1, '1370/05/12', $2, 'محمدی', 'حسن', '09121234567', '02188776655', '1345678911', 'تهران', 399, $3, 'paid', $4, 200000)
       RETURNING id::text AS id`,
      [nationalId, firstName, user.id, trackingCode],
    );
    await bot.database.sql.query(`INSERT INTO application_events (application_id, status, at) VALUES ($1::uuid, 'paid', now())`, [row!.id]);
    return { id: row!.id, nationalId, trackingCode };
  }

  async function openBooking(user: FastUser): Promise<void> {
    await user.say("/start");
    const replies = await user.press("📅 نوبت‌گیری");
    expect(replies.map((reply) => reply.text).join("\n")).toContain("نوبت‌گیری برای");
  }

  /** From the menu to the list of an office's days: nearest offices of one type around a point. */
  async function nearestOfficeDays(user: FastUser, type: string, point = PISHKHAN_8043): Promise<void> {
    await openBooking(user);
    await user.press("📍 نزدیک‌ترین دفترها به من");
    await user.press(type);
    await user.shareLocation(point.latitude, point.longitude);
    await user.press(user.buttons()[0]!);
    expect(user.lastReply().text).toContain("روز مراجعه");
  }

  const dayLabel = (user: FastUser, date: JalaliDate) => {
    const label = user.buttons().find((button) => button.startsWith(formatJalaliDate(at(date, 12, 0))));
    if (!label) throw new Error(`no button for ${formatJalaliDate(at(date, 12, 0))} in ${JSON.stringify(user.buttons())}`);
    return label;
  };
  const texts = (user: FastUser) => user.replies.map((reply) => reply.text ?? "");

  it("offers only times a citizen can reach, warns before confirming one inside the cut-off, and says a time passed or came too close, not that it filled", async () => {
    clock = at(SATURDAY, 10, 7);
    const user = bot.user(7101, { first_name: "علی" });
    await paidCitizen(user);
    await nearestOfficeDays(user, "دفتر پیشخوان دولت");
    await user.press(dayLabel(user, SATURDAY));
    // 10:07 now, an hour's lead: the first time on offer is 11:15 (the office's 15-minute grid).
    expect(user.buttons()[0]).toBe(formatTehranTime(at(SATURDAY, 11, 15)));
    const warned = await user.press(formatTehranTime(at(SATURDAY, 11, 15)));
    expect(warned[0]!.text).toContain("پس از تأیید، دیگر نمی‌توانید آن را تغییر دهید یا لغو کنید");
    expect(warned[1]!.text).toContain("لطفاً نوبت را تأیید کنید");

    // Twenty minutes of hesitation: 11:15 is now under an hour away.
    clock = at(SATURDAY, 10, 30);
    const tooSoon = await user.press("✅ تأیید نوبت");
    expect(tooSoon[0]!.text).toContain("خیلی نزدیک است");
    expect(tooSoon.map((reply) => reply.text).join("\n")).not.toContain("پر شد");
    // Back from the alternatives: the list of times again, from the new now.
    await user.press(BACK);
    expect(user.lastReply().text).toContain("ساعت مراجعه");
    expect(user.buttons()[0]).toBe(formatTehranTime(at(SATURDAY, 11, 30)));
    await user.press(formatTehranTime(at(SATURDAY, 11, 30)));

    // The citizen comes back after the time itself.
    clock = at(SATURDAY, 11, 40);
    const passed = await user.press("✅ تأیید نوبت");
    expect(passed[0]!.text).toContain("این زمان گذشته است");
    expect(passed.map((reply) => reply.text).join("\n")).not.toContain("پر شد");
    const alternatives = user.buttons().filter((label) => /^[۰-۹]+\) /.test(label));
    expect(alternatives.length).toBeGreaterThan(0);

    // Far enough ahead: no warning, and the booking is made.
    clock = at(SATURDAY, 10, 7);
    await user.press(BACK);
    await user.press(formatTehranTime(at(SATURDAY, 13, 0)));
    expect(user.lastReply().text).toContain("لطفاً نوبت را تأیید کنید");
    expect(user.replies.at(-2)!.text).not.toContain("پس از تأیید");
    const done = await user.press("✅ تأیید نوبت");
    expect(done.at(-1)!.text).toContain("نوبت شما ثبت شد");
  });

  it("goes back exactly one step at every step of booking", async () => {
    clock = at(SATURDAY, 10, 7);
    const user = bot.user(7102);
    await paidCitizen(user);
    await openBooking(user);
    await user.press("📍 نزدیک‌ترین دفترها به من");
    await user.press("دفتر پیشخوان دولت");
    await user.shareLocation(PISHKHAN_8043.latitude, PISHKHAN_8043.longitude);
    const office = user.buttons()[0]!;
    await user.press(office);
    await user.press(dayLabel(user, SUNDAY));
    await user.press(formatTehranTime(at(SUNDAY, 9, 0)));
    expect(user.lastReply().text).toContain("لطفاً نوبت را تأیید کنید");

    const steps: Array<[string, string]> = [
      ["confirm → times", "ساعت مراجعه"],
      ["times → days", "روز مراجعه"],
      ["days → offices", "دفتر مورد نظر را انتخاب کنید"],
      ["offices → location", "موقعیت خود را"],
      ["location → office type", "کدام نوع دفتر"],
      ["office type → way of choosing", "چطور انتخاب می‌کنید"],
    ];
    for (const [step, expected] of steps) {
      await user.press(BACK);
      expect(user.lastReply().text, step).toContain(expected);
    }

    // The province and city path too: offices → type in the city → city → province → way of choosing.
    await user.press("🏙 انتخاب استان و شهر");
    await user.press("تهران");
    await user.say("تهران");
    await user.press(user.buttons().find((label) => label.startsWith("اداره‌ی ثبت احوال"))!);
    expect(user.lastReply().text).toContain("دفتر مورد نظر را انتخاب کنید");
    for (const expected of ["کدام نوع دفتر را می‌خواهید", "شهر دفتر مورد نظر", "استان دفتر مورد نظر", "چطور انتخاب می‌کنید"]) {
      await user.press(BACK);
      expect(user.lastReply().text).toContain(expected);
    }
  });

  it("pages through a day's times, every one of them, and takes a typed time in any digits", async () => {
    clock = at(SATURDAY, 10, 7);
    const user = bot.user(7103);
    await paidCitizen(user);
    await nearestOfficeDays(user, "دفتر پیشخوان دولت");
    const sunday = dayLabel(user, SUNDAY);
    // 08:00-16:00 in 15 minutes: 32 times, labelled so, on two pages.
    expect(sunday).toContain("(۳۲ نوبت)");
    await user.press(sunday);
    const firstPage = user.buttons().filter((label) => /^[۰-۹]{2}:[۰-۹]{2}$/.test(label));
    expect(firstPage).toHaveLength(24);
    const next = user.buttons().find((label) => label.startsWith("صفحه‌ی بعد"))!;
    expect(next).toContain("۲ از ۲");
    await user.press(next);
    const secondPage = user.buttons().filter((label) => /^[۰-۹]{2}:[۰-۹]{2}$/.test(label));
    expect(secondPage).toHaveLength(8);
    expect(secondPage.at(-1)).toBe(formatTehranTime(at(SUNDAY, 15, 45)));
    expect(user.buttons().some((label) => label.startsWith("▶️ صفحه‌ی قبل"))).toBe(true);

    for (const typed of ["25:00", "ساعت هفت"]) {
      const refused = await user.say(typed);
      expect(refused[0]!.text).toContain("۱۴:۳۰");
    }
    const notFree = await user.say("۷:۰۰");
    expect(notFree[0]!.text).toContain("نوبت خالی ندارد");
    const typed = await user.say("۱۴٫۳۰");
    expect(typed.at(-1)!.text).toContain("لطفاً نوبت را تأیید کنید");
    expect(typed.at(-1)!.text).toContain(`ساعت ${formatTehranTime(at(SUNDAY, 14, 30))}`);
    await user.press(BACK);
    const latin = await user.say("14:45");
    expect(latin.at(-1)!.text).toContain(`ساعت ${formatTehranTime(at(SUNDAY, 14, 45))}`);
  });

  it("pages through day-first times across offices and takes a typed time there too", async () => {
    clock = at(SATURDAY, 10, 7);
    const user = bot.user(7104);
    await paidCitizen(user);
    await openBooking(user);
    await user.press("📆 اول روز، بعد ساعت");
    await user.press("همه‌ی دفترها");
    await user.shareLocation(PISHKHAN_8043.latitude, PISHKHAN_8043.longitude);
    // Thursday with its half-space, in the day buttons.
    expect(user.buttons().some((label) => label.startsWith("پنج\u200cشنبه"))).toBe(true);
    expect(user.buttons().some((label) => label.includes("پنجشنبه"))).toBe(false);
    await user.press(dayLabel(user, SUNDAY));
    const firstPage = user.buttons().filter((label) => label.includes(" — "));
    expect(firstPage).toHaveLength(8);
    await user.press(user.buttons().find((label) => label.startsWith("صفحه‌ی بعد"))!);
    const secondPage = user.buttons().filter((label) => label.includes(" — "));
    expect(secondPage).toHaveLength(8);
    expect(secondPage[0]).not.toBe(firstPage[0]);
    const typed = await user.say("15:30");
    expect(typed.at(-1)!.text).toContain(`ساعت ${formatTehranTime(at(SUNDAY, 15, 30))}`);
  });

  it("lists a city's offices by type, page by page, in Persian order with numbers by value", async () => {
    clock = at(SATURDAY, 10, 7);
    const user = bot.user(7105);
    await paidCitizen(user);
    await openBooking(user);
    await user.press("🏙 انتخاب استان و شهر");
    await user.press("تهران");
    await user.say("تهران");
    const types = user.buttons();
    expect(types).toContain("دفتر پیشخوان دولت (۱۴۵ دفتر)");
    expect(types).toContain("دفتر پست (۵۳ دفتر)");
    expect(types).toContain("اداره‌ی ثبت احوال (۱۶ دفتر)");
    expect(types).toContain("همه‌ی دفترها (۲۱۴ دفتر)");

    const list = await user.press("اداره‌ی ثبت احوال (۱۶ دفتر)");
    const firstPage = list[0]!.text!;
    expect(firstPage).toContain("دفترهای تهران");
    const order = ["تهران ناحیه ۲ ", "تهران ناحیه ۳ ", "تهران ناحیه ۹ ", "تهران ناحیه ۱۰ "].map((name) => firstPage.indexOf(name));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(firstPage).not.toContain("ناحیه ۱۶");
    expect(firstPage).not.toContain("پیشخوان");
    // The name says its type already: no «(اداره‌ی ثبت احوال)» after it.
    expect(firstPage).not.toContain("(اداره‌ی ثبت احوال)");
    const page2 = await user.press(user.buttons().find((label) => label.startsWith("صفحه‌ی بعد"))!);
    expect(page2[0]!.text).toContain("۱۱. اداره ثبت احوال تهران ناحیه ۱۱");
    expect(page2[0]!.text).toContain("۱۶. اداره ثبت احوال تهران ناحیه ۱۶");
    await user.press("۱۶. اداره ثبت احوال تهران ناحیه ۱۶");
    expect(user.lastReply().text).toContain("روز مراجعه به اداره ثبت احوال تهران ناحیه ۱۶");
  });

  it("takes a typed city name at the location step, and points to the province and city choice when it knows none", async () => {
    clock = at(SATURDAY, 10, 7);
    const user = bot.user(7106);
    await paidCitizen(user);
    await openBooking(user);
    await user.press("📍 نزدیک‌ترین دفترها به من");
    await user.press("همه‌ی دفترها");
    expect(user.buttons()).toContain("🏙 انتخاب استان و شهر");
    const unknown = await user.say("ناکجاآباد");
    expect(unknown[0]!.text).toContain("«ناکجاآباد» پیدا نشد");
    expect(unknown[0]!.text).toContain("«🏙 انتخاب استان و شهر»");
    const found = await user.say("اصفهان");
    expect(found.map((reply) => reply.text).join("\n")).toContain("مرکز شهر اصفهان");
    expect(found.map((reply) => reply.text).join("\n")).toContain("نزدیک‌ترین دفترها به شما");
    // Two provinces have a «خرم آباد»: the citizen says which.
    await user.press(BACK);
    const which = await user.say("خرم آباد");
    expect(which.at(-1)!.text).toContain("کدام شهر");
    const cities = user.buttons().filter((label) => label.includes("(استان "));
    expect(cities).toHaveLength(2);
    const picked = await user.press(cities[1]!);
    expect(picked.map((reply) => reply.text).join("\n")).toContain("نزدیک‌ترین دفترها به شما");
    await user.press(BACK);
    await user.press("🏙 انتخاب استان و شهر");
    expect(user.lastReply().text).toContain("استان دفتر مورد نظر");
  });

  it("offers alternatives of the office type the citizen chose when the time fills", async () => {
    clock = at(SATURDAY, 10, 7);
    const user = bot.user(7107);
    await paidCitizen(user);
    await nearestOfficeDays(user, "دفتر پست");
    await user.press(dayLabel(user, SUNDAY));
    const label = user.buttons()[3]!;
    const time = parseClockTime(label)!;
    const startsAt = at(SUNDAY, time.hour, time.minute);
    await user.press(label);
    const confirm = user.lastReply().text!;
    expect(confirm).toContain("پست");
    // Others take every seat of that time at that office while this citizen reads.
    const [office] = await bot.database.sql.query<{ id: number; counters: number }>(`SELECT id, counters FROM offices WHERE name = $1`, [
      /🏢 (.+)/.exec(confirm)![1]!.trim(),
    ]);
    for (let seat = 0; seat < office!.counters; seat++) {
      const rival = await paidCitizen(bot.user(7200 + seat));
      expect(await bookAppointment(bot.citizens.booking, { applicationId: rival.id, officeId: office!.id, startsAt, now: clock })).toMatchObject({ ok: true });
    }
    const refused = await user.press("✅ تأیید نوبت");
    expect(refused[0]!.text).toContain("پر شد");
    const alternatives = user.buttons().filter((label) => /^[۰-۹]+\) /.test(label));
    expect(alternatives.length).toBeGreaterThan(3);
    for (const label of alternatives) expect(label).toContain("پست");
  });

  it("promises only the reminders it plans, names offices once, keeps the phone after a move, and shows the cancellation in the status history", async () => {
    clock = at(SATURDAY, 10, 7);
    const user = bot.user(7108);
    const citizen = await paidCitizen(user, "مریم");
    await nearestOfficeDays(user, "دفتر پیشخوان دولت");
    await user.press(dayLabel(user, SUNDAY));
    await user.press(formatTehranTime(at(SUNDAY, 10, 0)));
    const done = (await user.press("✅ تأیید نوبت")).at(-1)!.text!;
    expect(done).toContain("نوبت شما ثبت شد");
    // No reminder planner in this bot (as in local mode without Redis): no promise of one.
    expect(done).toContain("یادآوری فرستاده نمی‌شود");
    expect(done).not.toContain("یک روز پیش");
    expect(done).not.toContain("(دفتر پیشخوان دولت)");
    expect(done).toContain("☎️");

    await user.press("📅 نوبت‌گیری");
    await user.press("🔁 تغییر زمان یا محل");
    await user.press("📍 نزدیک‌ترین دفترها به من");
    await user.press("دفتر پیشخوان دولت");
    await user.shareLocation(PISHKHAN_8043.latitude, PISHKHAN_8043.longitude);
    await user.press(user.buttons()[0]!);
    await user.press(dayLabel(user, SUNDAY));
    await user.press(formatTehranTime(at(SUNDAY, 11, 0)));
    expect(user.lastReply().text).toContain("منتقل شود");
    expect(user.lastReply().text).toContain("☎️");
    const moved = (await user.press("✅ تأیید نوبت")).at(-1)!.text!;
    expect(moved).toContain("نوبت شما منتقل شد");
    expect(moved).toContain("☎️");

    await user.press("📅 نوبت‌گیری");
    await user.press("🗑 لغو نوبت");
    await user.press("بله، لغو شود");
    expect(user.lastReply().text).toContain("نوبت شما لغو شد");

    await user.press("🔎 پیگیری وضعیت");
    await user.say(citizen.nationalId);
    const status = (await user.say(citizen.trackingCode)).at(-1)!.text!;
    expect(status).toContain("نوبت لغو شد");
    const history = status.slice(status.indexOf("سابقه"));
    expect(history.match(/در انتظار نوبت‌گیری/g) ?? []).toHaveLength(1);
  });

  it("reminds with the day, the time, the office and its address, and what to bring", async () => {
    clock = at(SATURDAY, 10, 7);
    const user = bot.user(7109);
    await paidCitizen(user);
    await nearestOfficeDays(user, "دفتر پیشخوان دولت");
    await user.press(dayLabel(user, SUNDAY));
    await user.press(formatTehranTime(at(SUNDAY, 12, 0)));
    await user.press("✅ تأیید نوبت");
    const [appointment] = await bot.database.sql.query<{ id: string; starts_at: Date; address: string; name: string }>(
      `SELECT a.id::text AS id, s.starts_at, o.address, o.name FROM appointments a JOIN slots s ON s.id = a.slot_id JOIN offices o ON o.id = s.office_id
        JOIN applications p ON p.id = a.application_id WHERE p.chat_id = $1 AND a.status = 'active'`,
      [user.id],
    );
    const deliver = reminderDelivery(bot.citizens.booking, bot.database.prisma, () => undefined);
    for (const kind of ["two-hours", "day-before"] as const) {
      expect(await deliver({ appointmentId: appointment!.id, kind, startsAt: appointment!.starts_at.toISOString() })).toBe("queued");
      await bot.dispatchNotifications();
      const reminder = user.lastReply().text!;
      expect(reminder, kind).toContain(formatJalaliDate(at(SUNDAY, 12, 0)));
      expect(reminder, kind).toContain(formatTehranTime(at(SUNDAY, 12, 0)));
      expect(reminder, kind).toContain(appointment!.name);
      expect(reminder, kind).toContain(appointment!.address);
      expect(reminder, kind).toContain("اصل شناسنامه‌ی عکس‌دار");
      expect(reminder, kind).toContain("کد پستی");
      expect(reminder, kind).toContain("تلفن ثابت و همراه");
    }
  });

  it("labels every booking button in words (an emoji is never the whole label)", () => {
    const labels = new Set<string>();
    for (const id of [7101, 7102, 7103, 7104, 7105, 7106, 7107, 7108]) {
      for (const reply of bot.user(id).replies) {
        for (const row of reply.replyMarkup?.keyboard ?? []) for (const button of row) labels.add(typeof button === "string" ? button : button.text);
        for (const row of reply.replyMarkup?.inline_keyboard ?? []) for (const button of row) labels.add(button.text);
      }
    }
    expect(labels.size).toBeGreaterThan(40);
    const wordless = [...labels].filter((label) => !/[\p{L}\p{N}]/u.test(label));
    expect(wordless).toEqual([]);
    expect(texts(bot.user(7101)).length).toBeGreaterThan(0);
  });
});
