// Steps of the case journeys shared by the end-to-end tests.
import { expect } from "vitest";
import type { SimulatedUser } from "../harness/simulated-user.js";
import type { TranscriptMessage } from "../../src/infrastructure/bot-api-server/transcript.js";
import { inPersianDigits, toLatin } from "./citizen-steps.js";

export const ZAHRA = { nationalId: "4806064548", birthDate: "1365/11/30" };

/** The case number in a bot message (Persian digits, 4-4, isolated), in Latin digits without the dash. */
export function caseNumberIn(text: string | undefined): string {
  const match = text?.match(/[۰-۹]{4}-[۰-۹]{4}/);
  if (!match) throw new Error(`no case number in: ${text}`);
  return toLatin(match[0]).replace("-", "");
}

/** From the menu to the case number: an office in Tehran charged `totalToman` in total. */
export async function reportOvercharge(
  user: SimulatedUser,
  totalToman: string,
  opts: { receipt?: boolean; officeName?: string } = {},
): Promise<{ verdict: string; sent: string; office: string }> {
  await user.press("🚨 گزارش تخلف");
  await user.waitForBotMessage("گزارش تخلف:");
  await user.waitForBotMessage("دفتر در کدام استان");
  await user.press("تهران");
  await user.waitForBotMessage("دفتر در کدام شهر");
  await user.say("تهران");
  const offices = await user.waitForBotMessage("دفتر را انتخاب کنید");
  const office = opts.officeName ?? user.buttons(offices)[0]!;
  if (opts.officeName) await user.say(opts.officeName);
  else {
    expect(office).toMatch(/^۱\. /);
    await user.press(office);
  }
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

/** A sample pishkhan office in Tehran (prisma/seed-data/offices-sample.csv), typed to narrow the list to it. */
export const TEHRAN_PISHKHAN = "دفتر پیشخوان دولت شماره ۸۰۴۲ تهران";

/** The sample hotline people local mode seeds (prisma/seed-data/sample-case-staff.csv). */
export const SAMPLE_STAFF = { pishkhanAgent: 9000001, pishkhanSupervisor: 9000002, civilAgent: 9000003, tehranHomeAgent: 9000004 };

/** The inline button on a message whose label starts with `prefix`. */
export function buttonStarting(user: SimulatedUser, message: { reply_markup?: unknown }, prefix: string): string {
  const label = user.buttons(message as never).find((b) => b.startsWith(prefix));
  if (!label) throw new Error(`no button starting with ${prefix}: ${user.buttons(message as never).join(" | ")}`);
  return label;
}

/** An agent opens the first case of a queue from the staff menu and gets its card. */
export async function openFromQueue(agent: SimulatedUser, queuePrefix: string, number: string): Promise<TranscriptMessage> {
  await agent.say("/cases");
  const menu = await agent.waitForBotMessage("صف پرونده‌های واحد شما");
  await agent.press(buttonStarting(agent, menu, queuePrefix));
  const page = await agent.waitForBotMessage(/صفحه‌ی/);
  await agent.press(buttonStarting(agent, page, `📁 \u2066${inPersianDigits(number.slice(0, 4))}-${inPersianDigits(number.slice(4))}`));
  return agent.waitForBotMessage((m) => (m.text ?? "").includes("📁 پرونده‌ی") && (m.text ?? "").includes("سابقه"));
}
