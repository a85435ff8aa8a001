// Steps of the case journeys shared by the end-to-end tests.
import { expect } from "vitest";
import type { SimulatedUser } from "../harness/simulated-user.js";
import { inPersianDigits, toLatin } from "./citizen-steps.js";

export const ZAHRA = { nationalId: "4806064548", birthDate: "1365/11/30" };

/** The case number in a bot message (Persian digits, 4-4, isolated), in Latin digits without the dash. */
export function caseNumberIn(text: string | undefined): string {
  const match = text?.match(/[۰-۹]{4}-[۰-۹]{4}/);
  if (!match) throw new Error(`no case number in: ${text}`);
  return toLatin(match[0]).replace("-", "");
}

/** From the menu to the case number: an office in Tehran charged `totalToman` in total. */
export async function reportOvercharge(user: SimulatedUser, totalToman: string, opts: { receipt?: boolean } = {}): Promise<{ verdict: string; sent: string; office: string }> {
  await user.press("🚨 گزارش تخلف");
  await user.waitForBotMessage("گزارش تخلف:");
  await user.waitForBotMessage("دفتر در کدام استان");
  await user.press("تهران");
  await user.waitForBotMessage("دفتر در کدام شهر");
  await user.say("تهران");
  const offices = await user.waitForBotMessage("دفتر را انتخاب کنید");
  const office = user.buttons(offices)[0]!;
  expect(office).toMatch(/^۱\. /);
  await user.press(office);
  await user.waitForBotMessage("چه روزی به دفتر مراجعه کردید");
  await user.press("امروز");
  await user.waitForBotMessage("چطور وارد می‌کنید");
  await user.press("💵 جمع کل پرداختی");
  await user.waitForBotMessage("جمع کل مبلغی");
  await user.say(totalToman);
  const verdict = (await user.waitForBotMessage(/مبلغ قانونی/)).text ?? "";
  await user.waitForBotMessage("رسید یا فیش");
  if (opts.receipt) await user.sendPhoto("receipt");
  else await user.press("⏭ رد شدن");
  await user.waitForBotMessage("کوتاه بنویسید چه اتفاقی افتاد");
  await user.say("برای تکمیل ثبت‌نام چهل و پنج هزار تومان گرفتند و رسید ندادند.");
  await user.waitForBotMessage("نام شما به دفتر گفته شود");
  await user.press("🙈 نه، ناشناس بمانم");
  await user.waitForBotMessage("لطفاً گزارش را بررسی کنید");
  await user.press("✅ ثبت و ارسال");
  const sent = (await user.waitForBotMessage("گزارش شما ثبت شد")).text ?? "";
  return { verdict, sent, office };
}

/** The home-service request for the given household (first person is the requester). */
export async function requestHomeService(user: SimulatedUser, members: Array<{ nationalId: string; birthDate: string }>): Promise<string> {
  await user.press("♿ خدمت در منزل برای معلولان");
  await user.waitForBotMessage("به چه خدمتی نیاز دارید");
  await user.press("هر دو");
  await user.waitForBotMessage("نوع معلولیت حرکتی");
  await user.press("ویلچر");
  await user.waitForBotMessage("گواهی پزشکی");
  await user.press("⏭ رد شدن");
  for (const [i, member] of members.entries()) {
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(inPersianDigits(member.nationalId));
    await user.waitForBotMessage("تاریخ تولد خود را");
    await user.say(inPersianDigits(member.birthDate));
    await user.waitForBotMessage("عضو دیگری از خانوار");
    await user.press(i < members.length - 1 ? "➕ بله، نفر دیگری هم هست" : "نه، ادامه");
  }
  await user.waitForBotMessage("منزل در کدام استان");
  await user.press("تهران");
  await user.waitForBotMessage("موقعیت منزل");
  await user.shareLocation(35.7, 51.4);
  await user.waitForBotMessage("نشانی کامل منزل");
  await user.say("تهران، خیابان انقلاب، کوچه‌ی دوم، پلاک ۵، طبقه‌ی همکف");
  await user.waitForBotMessage("تلفن همراه");
  await user.say("۰۹۱۲۱۲۳۴۵۶۷");
  await user.waitForBotMessage("چه روزهایی");
  await user.press("هر روز کاری");
  await user.waitForBotMessage("چه ساعتی");
  await user.press("صبح (۸ تا ۱۲)");
  await user.waitForBotMessage("لطفاً درخواست را بررسی کنید");
  await user.press("✅ ثبت و ارسال");
  return (await user.waitForBotMessage("درخواست خدمت در منزل ثبت شد")).text ?? "";
}
