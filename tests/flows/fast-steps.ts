// Steps a citizen takes in the fast flow tests (the real bot in process): they read like the chat they drive.
import { expect } from "vitest";
import { createSandboxBank } from "../../src/infrastructure/payments/sandbox-bank.js";
import type { BotReply, FastBot, FastUser } from "../support/fast-bot.js";

/** A made-up citizen of prisma/seed-data/sample-citizens.csv. */
export const ALI = { nationalId: "6383233564", birthDate: "1370/05/12", firstName: "علی", lastName: "محمدی", fatherName: "حسن" };
/** More sample citizens (a national ID registers once per database, and each test file has its own). */
export const CITIZENS = [
  ALI,
  { nationalId: "4806064548", birthDate: "1365/11/30" },
  { nationalId: "1021153087", birthDate: "1380/01/01" },
  { nationalId: "1610890892", birthDate: "1355/07/20" },
  { nationalId: "0673337421", birthDate: "1375/12/29" },
] as const;

export const TEHRAN = { latitude: 35.6997, longitude: 51.338 };

/** From the main menu up to the summary (not yet confirmed), in Persian and Arabic-Indic digits. */
export async function answerUntilSummary(user: FastUser, citizen: { nationalId: string; birthDate: string } = ALI): Promise<BotReply> {
  await user.say("/start");
  await user.press("📝 پیش‌ثبت‌نام");
  await user.say(toPersianDigits(citizen.nationalId));
  await user.say(toPersianDigits(citizen.birthDate));
  await user.press("خیر، ساکن ایران هستم");
  // The names come from the civil registry: confirmed, not typed.
  await user.press("✅ بله، درست است");
  await user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989121234567" });
  await user.say("٠٢١ ٨٨٧٧ ٦٦٥٥");
  await user.say("13456-78911");
  await user.say("خیابان آزادی، کوچه‌ی دوازدهم، پلاک ۳، واحد ۴");
  await user.press("تهران");
  const summary = (await user.say("تهران")).at(-1)!;
  expect(summary.text).toContain("لطفاً اطلاعات خود را بررسی کنید");
  return summary;
}

/** Confirms the summary; returns the payment message (with the pay link and "I have paid"). */
export async function confirmAndGetPayment(user: FastUser): Promise<BotReply> {
  const replies = await user.press("✅ تأیید و پرداخت");
  const payment = replies.find((reply) => reply.text?.includes("مبلغ قابل پرداخت"));
  if (!payment) throw new Error(`no payment message; got ${JSON.stringify(replies.map((r) => r.text))}`);
  return payment;
}

/** Pays at the sandbox gateway (as its web page would) and presses "I have paid"; returns the popup. */
export async function payAndConfirm(bot: FastBot, user: FastUser, payment: BotReply): Promise<string | undefined> {
  const url = payment.replyMarkup?.inline_keyboard?.flat().find((button) => "url" in button)?.url as string;
  const authority = decodeURIComponent(new URL(url).pathname.split("/").at(-1)!);
  await createSandboxBank(bot.database.sql).decide(authority, "paid");
  await user.press("✅ پرداخت کردم", { messageId: payment.messageId });
  return user.popups.at(-1);
}

/** A citizen registered and paid from this chat; returns the tracking code in Latin digits. */
export async function registerAndPay(bot: FastBot, user: FastUser, citizen: { nationalId: string; birthDate: string } = ALI): Promise<string> {
  await answerUntilSummary(user, citizen);
  const popup = await payAndConfirm(bot, user, await confirmAndGetPayment(user));
  expect(popup).toBe(bot.translate("payment-check-settled"));
  const application = await bot.database.prisma.application.findFirstOrThrow({ where: { nationalId: citizen.nationalId, chatId: BigInt(user.id) } });
  return application.trackingCode!;
}

const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
export const toPersianDigits = (text: string) => text.replace(/[0-9]/g, (d) => PERSIAN[Number(d)]!);
