// Steps a citizen takes, shared by the end-to-end tests: they read like the chat they drive.
import { expect } from "vitest";
import type { SimulatedUser } from "../harness/simulated-user.js";
import type { TranscriptMessage } from "../../src/infrastructure/bot-api-server/transcript.js";

/** A made-up citizen of prisma/seed-data/sample-citizens.csv. */
export const ALI = { nationalId: "6383233564", birthDate: "1370/05/12", firstName: "علی", lastName: "محمدی", fatherName: "حسن" };

const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";
export const inPersianDigits = (text: string) => text.replace(/[0-9]/g, (d) => PERSIAN[Number(d)]!);
export const inArabicIndicDigits = (text: string) => text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);
export const toLatin = (text: string) => text.replace(/[۰-۹]/g, (d) => String(PERSIAN.indexOf(d))).replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d)));

/** From the main menu to the payment message: every question answered, Persian digits where typed. */
export async function preRegister(user: SimulatedUser, citizen = ALI): Promise<TranscriptMessage> {
  await preRegisterUntilSummary(user, citizen);
  await user.press("✅ تأیید و پرداخت");
  return user.waitForBotMessage("مبلغ قابل پرداخت");
}

/** From /start into pre-registration, the national ID typed as given, until the birth date is asked. */
export async function upToBirthDate(user: SimulatedUser, nationalId: string): Promise<TranscriptMessage> {
  await user.say("/start");
  await user.waitForBotMessage("خوش آمدید");
  await user.press("📝 پیش‌ثبت‌نام");
  await user.waitForBotMessage("کد ملی ۱۰ رقمی");
  await user.say(nationalId);
  return user.waitForBotMessage("تاریخ تولد خود را");
}

/** Every question answered, up to the summary (not yet confirmed). */
export async function preRegisterUntilSummary(user: SimulatedUser, citizen = ALI): Promise<TranscriptMessage> {
  await upToBirthDate(user, inPersianDigits(citizen.nationalId));
  await user.say(inPersianDigits(citizen.birthDate));
  await user.waitForBotMessage("خارج از کشور");
  await user.press("خیر، ساکن ایران هستم");
  // The names come from the civil registry: the citizen confirms them instead of typing them.
  await user.waitForBotMessage("نام شما در ثبت احوال");
  await user.press("✅ بله، درست است");
  await user.waitForBotMessage("تلفن همراه");
  await user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989121234567" });
  await user.waitForBotMessage("تلفن ثابت");
  await user.say(inArabicIndicDigits("021 8877 6655"));
  await user.waitForBotMessage("کد پستی");
  await user.say("13456-78911");
  await user.waitForBotMessage("نشانی کامل");
  await user.say("خیابان آزادی، کوچه‌ی دوازدهم، پلاک ۳، واحد ۴");
  await user.waitForBotMessage("استان محل سکونت");
  await user.press("تهران");
  await user.waitForBotMessage("شهر محل سکونت");
  await user.say("تهران");
  const summary = await user.waitForBotMessage("لطفاً اطلاعات خود را بررسی کنید");
  expect(summary.text).toContain(inPersianDigits(citizen.nationalId));
  expect(summary.text).toContain("۰۹۱۲۱۲۳۴۵۶۷");
  expect(summary.text).toContain("۰۲۱۸۸۷۷۶۶۵۵");
  return summary;
}

/** The URL button's link on a bot message. */
export function payUrlOf(message: TranscriptMessage): string {
  const markup = message.reply_markup as { inline_keyboard?: Array<Array<{ url?: string }>> } | undefined;
  const url = markup?.inline_keyboard?.flat().find((button) => button.url)?.url;
  if (!url) throw new Error("no URL button on the payment message");
  return url;
}

/** Pays on the sandbox gateway's page and follows its redirect to our callback; returns the result page. */
export function payOnSandbox(payUrl: string): Promise<string> {
  return decideOnSandbox(payUrl, "pay");
}

/** Presses pay or cancel on the sandbox gateway's page and follows its redirect to our callback; returns the result page. */
export async function decideOnSandbox(payUrl: string, action: "pay" | "cancel"): Promise<string> {
  const page = await fetch(payUrl);
  expect(page.status).toBe(200);
  const decided = await fetch(`${payUrl}/${action}`, { method: "POST", redirect: "manual" });
  expect(decided.status).toBe(303);
  const callback = decided.headers.get("location")!;
  return (await fetch(new URL(callback, payUrl))).text();
}

/** The tracking code in a bot message, in Latin digits without dashes. */
export function trackingCodeIn(text: string | undefined): string {
  const match = text?.match(/[۰-۹]{4}-[۰-۹]{4}-[۰-۹]{4}/);
  if (!match) throw new Error(`no tracking code in: ${text}`);
  return toLatin(match[0]).replace(/-/g, "");
}

/** The centre of Tehran, where the sample offices are dense. */
export const TEHRAN = { latitude: 35.6997, longitude: 51.338 };

/** From the menu to the confirm screen by "earliest time near me"; returns the confirm text. */
export async function chooseEarliestNearby(user: SimulatedUser): Promise<string> {
  await user.waitForBotMessage("چطور انتخاب می‌کنید");
  await user.press("⏱ زودترین نوبت نزدیک من");
  await user.waitForBotMessage("کدام نوع دفتر");
  await user.press("همه‌ی دفترها");
  await user.waitForBotMessage("موقعیت خود را");
  await user.shareLocation(TEHRAN.latitude, TEHRAN.longitude);
  const offers = await user.waitForBotMessage("دفتر مورد نظر را انتخاب کنید");
  await user.press(user.buttons(offers)[0]!);
  return (await user.waitForBotMessage(/تأیید کنید|منتقل شود/)).text ?? "";
}
