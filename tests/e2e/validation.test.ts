// Every rule of pre-registration refuses bad input with its own Persian message and asks the same
// question again, keeping what was already answered; status and recovery stop guessing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedUser } from "../harness/simulated-user.js";
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";
import { firstEligibleDay } from "../../src/domain/citizen/birth-date.js";
import { formatJalaliDateOnly } from "../../src/domain/time/persian-format.js";
import { jalaliDateInTehran } from "../../src/domain/time/tehran-clock.js";
import { ALI, inArabicIndicDigits, inPersianDigits, upToBirthDate } from "./citizen-steps.js";

/** Sends a wrong answer and checks the explanation, then that the same question comes again. */
async function refused(user: SimulatedUser, answer: string, explanation: string, question: string) {
  await user.say(answer);
  expect((await user.nextBotMessage()).text).toContain(explanation);
  expect((await user.nextBotMessage()).text).toContain(question);
}

describe("pre-registration validation", () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld();
    // The age checks below hold on this day (1405/09/10), whatever year the tests run in.
    await world.startBot({ IDCARD_TEST_NOW: "2026-12-01T08:00:00Z" });
  });
  afterAll(() => world.close());

  it("explains each wrong answer and asks again, in any digit script", async () => {
    const user = world.api.user(3001);
    await user.say("/start");
    await user.waitForBotMessage("خوش آمدید");
    await user.press("📝 پیش‌ثبت‌نام");
    // The intro says how many questions come and what to have at hand; each question says where it stands.
    expect((await user.waitForBotMessage("پرسش کوتاه")).text).toMatch(/۱۰ پرسش کوتاه.*کد پستی/su);
    expect((await user.waitForBotMessage("کد ملی ۱۰ رقمی")).text).toMatch(/^پرسش ۱ از ۱۰\n/);

    const nid = "کد ملی ۱۰ رقمی";
    await refused(user, "۱۲۳۴۵", "دقیقاً ۱۰ رقم", nid);
    await refused(user, "12345abcde", "فقط از رقم", nid);
    await refused(user, "1234567890", "رقم کنترل", nid);
    await refused(user, "1111111111", "کد ملی معتبری نیست", nid);
    await user.sendSticker();
    expect((await user.nextBotMessage()).text).toContain("به صورت متن");
    expect((await user.nextBotMessage()).text).toContain(nid);
    // Arabic-Indic digits, with a direction mark and a dash inside.
    await user.say(`\u200f${inArabicIndicDigits("638323-3564")}`);

    const birth = "تاریخ تولد خود را";
    expect((await user.waitForBotMessage(birth)).text).toMatch(/^پرسش ۲ از ۱۰\n/);
    await refused(user, "1370/13/01", "چنین تاریخی", birth);
    await refused(user, "1402/12/30", "چنین تاریخی", birth); // 1402 is not a leap year
    await refused(user, "1499/01/01", "نمی‌تواند در آینده", birth);
    await refused(user, "یک تیر", "قالب تاریخ", birth);
    // A real date of someone else: the registry's single answer, then the national ID again.
    await user.say("1371/05/12");
    expect((await user.nextBotMessage()).text).toContain("پیدا نشد");
    await user.waitForBotMessage(nid);
    await user.say(ALI.nationalId);
    await user.waitForBotMessage(birth);
    await user.say(inPersianDigits(ALI.birthDate));
    await user.waitForBotMessage("خارج از کشور");
    await refused(user, "شاید", "یکی از دو دکمه", "خارج از کشور");
    await user.press("خیر، ساکن ایران هستم");

    // The civil registry's names, to confirm rather than type (names that disagree with it are never taken).
    const names = "نام شما در ثبت احوال";
    const shown = await user.waitForBotMessage(names);
    for (const name of ["علی", "محمدی", "حسن"]) expect(shown.text).toContain(name);
    await refused(user, "شاید", "یکی از دو دکمه", names);
    // Back keeps the flow going one question up.
    await user.press("⬅️ بازگشت");
    await user.waitForBotMessage("خارج از کشور");
    await user.press("خیر، ساکن ایران هستم");
    await user.waitForBotMessage(names);
    await user.say("بله");

    const mobile = "تلفن همراه خود را";
    await user.waitForBotMessage(mobile);
    await refused(user, "0912123", "۱۱ رقم", mobile);
    await user.shareContact("+989350000000", { userId: 999999 });
    expect((await user.nextBotMessage()).text).toContain("فقط شماره‌ی خودتان");
    expect((await user.nextBotMessage()).text).toContain(mobile);
    await user.say("+98 912 123 4567");

    const landline = "تلفن ثابت";
    await user.waitForBotMessage(landline);
    await refused(user, "88776655", "۱۱ رقم", landline);
    await refused(user, "09988776655", "پیش‌شماره", landline);
    // No landline at home: accepted, with what the office will ask instead.
    await user.say("ندارم");
    expect((await user.nextBotMessage()).text).toContain("شماره‌ی تماس دیگر");

    const postal = "کد پستی ۱۰ رقمی";
    await user.waitForBotMessage(postal);
    await refused(user, "1234", "دقیقاً ۱۰ رقم", postal);
    await refused(user, "1020345678", "رقم ۰ و ۲", postal);
    await user.say("۱۳۴۵۶۷۸۹۱۱");

    await user.waitForBotMessage("نشانی کامل");
    await refused(user, "کوچه", "خیلی کوتاه", "نشانی کامل");
    await user.say("خیابان آزادی، کوچه‌ی دوازدهم، پلاک ۳");

    await user.waitForBotMessage("استان محل سکونت");
    await refused(user, "لندن", "استانی با این نام پیدا نشد", "استان محل سکونت");
    await user.say("اصفه"); // part of a name
    await user.waitForBotMessage("شهر محل سکونت در استان اصفهان");
    await user.say("کاشان");

    const summary = await user.waitForBotMessage("لطفاً اطلاعات خود را بررسی کنید");
    // Nothing answered before a refusal was lost.
    for (const part of ["۶۳۸۳۲۳۳۵۶۴", "علی", "محمدی", "حسن", "۰۹۱۲۱۲۳۴۵۶۷", "تلفن ثابت: ندارم", "۱۳۴۵۶۷۸۹۱۱", "اصفهان، کاشان"]) {
      expect(summary.text).toContain(part);
    }
    // Change one answer from the summary and come back to it.
    await user.press("✏️ تلفن ثابت");
    await user.waitForBotMessage(landline);
    await user.say("۰۳۱-۳۳۴۴۵۵۶۶"); // with a dash, in Persian digits
    const again = await user.waitForBotMessage("لطفاً اطلاعات خود را بررسی کنید");
    expect(again.text).toContain("۰۳۱۳۳۴۴۵۵۶۶");
    await user.press("❌ انصراف");
    expect((await user.nextBotMessage()).text).toContain("لغو شد");
  });

  it("ends the journey for someone under 15 with the day they may apply, instead of asking for another date", async () => {
    const user = world.api.user(3003);
    await upToBirthDate(user, ALI.nationalId);
    // Ten years old today, whatever year the test runs in.
    const today = jalaliDateInTehran(new Date());
    const birth = { year: today.year - 10, month: 1, day: 1 };
    await user.say(`${birth.year}/01/01`);
    const answer = await user.waitForBotMessage("۱۵ سال تمام");
    expect(answer.text).toContain(formatJalaliDateOnly(firstEligibleDay(birth)));
    // Back at the main menu: the birth date is not asked again.
    expect(user.buttons(answer)).toContain("📝 پیش‌ثبت‌نام");
  });

  it("tells someone living abroad about the old card and charges nothing", async () => {
    const user = world.api.user(3002);
    await user.say("/start");
    await user.waitForBotMessage("خوش آمدید");
    await user.press("📝 پیش‌ثبت‌نام");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say("4806064548");
    await user.waitForBotMessage("تاریخ تولد خود را");
    await user.say("1365/11/30");
    await user.waitForBotMessage("خارج از کشور");
    // Typed instead of pressed: "yes" in spoken Persian.
    await user.say("آره");
    const answer = await user.nextBotMessage();
    expect(answer.text).toContain("کارت ملی قدیمی");
  });
});

describe("guessing limits", () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
  });
  afterAll(() => world.close());

  async function failRecovery(user: SimulatedUser, nationalId: string) {
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(nationalId);
    const next = await user.nextBotMessage();
    if (next.text?.includes("موقتاً بسته")) return next;
    await user.say("1370/01/01");
    await user.waitForBotMessage("پیدا نشد");
    return undefined;
  }

  it("stops recovery after 5 failures in a chat and says until when", async () => {
    const user = world.api.user(4001);
    await user.say("/start");
    await user.waitForBotMessage("خوش آمدید");
    await user.press("🔑 بازیابی کد رهگیری");
    for (let i = 0; i < 5; i++) expect(await failRecovery(user, "1021153087")).toBeUndefined();
    const blocked = await failRecovery(user, "1021153087");
    expect(blocked?.text).toContain("از ");
    expect(blocked?.text).toMatch(/[۰-۹]{2}:[۰-۹]{2}/); // Tehran time in Persian digits
  });

  it("stops lookups of one national ID after 10 failures, from any chat", async () => {
    for (const id of [4101, 4102]) {
      const user = world.api.user(id);
      await user.say("/start");
      await user.waitForBotMessage("خوش آمدید");
      await user.press("🔑 بازیابی کد رهگیری");
      for (let i = 0; i < 5; i++) await failRecovery(user, "1610890892");
    }
    const third = world.api.user(4103);
    await third.say("/start");
    await third.waitForBotMessage("خوش آمدید");
    await third.press("🔑 بازیابی کد رهگیری");
    const blocked = await failRecovery(third, "1610890892");
    expect(blocked?.text).toContain("موقتاً بسته");
  });
});
