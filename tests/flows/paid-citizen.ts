// A paid application for the fast (in-process) tests: pre-registered in a chat and settled in the ledger.
import { paymentCheckData } from "../../src/bot/callback-data/index.js";
import type { FastBot, FastUser } from "../support/fast-bot.js";

import { ALI } from "./fast-steps.js";

export { ALI };

export const persianDigits = (text: string) => text.replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);

/** Pre-registers ALI in this chat and settles the payment; returns the payment and its tracking code. */
export async function registerAndPay(bot: FastBot, user: FastUser, trackingCode = "123456789012"): Promise<{ paymentId: string; trackingCode: string }> {
  await user.say("/start");
  await user.press("📝 پیش‌ثبت‌نام");
  for (const answer of [ALI.nationalId, ALI.birthDate]) await user.say(answer);
  await user.press("خیر، ساکن ایران هستم");
  await user.press("✅ بله، درست است");
  await user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989121234567" });
  for (const answer of ["02188776655", "1345678911", "خیابان آزادی، پلاک ۳"]) await user.say(answer);
  await user.press("تهران");
  await user.say("تهران");
  const replies = await user.press("✅ تأیید و پرداخت");
  const button = replies.flatMap((reply) => reply.replyMarkup?.inline_keyboard?.flat() ?? []).find((b) => b.text === "✅ پرداخت کردم");
  const decoded = paymentCheckData.decode((button as { callback_data: string } | undefined)?.callback_data ?? "");
  if (decoded.kind !== "ok") throw new Error("no payment button");
  const settled = await bot.citizens
    .payments()
    .ledger.settlePaid({ paymentId: decoded.value.paymentId, receipt: `r-${user.id}`, at: new Date(), newTrackingCode: () => trackingCode });
  if (settled.kind !== "settled") throw new Error(`not settled: ${settled.kind}`);
  return { paymentId: decoded.value.paymentId, trackingCode: settled.trackingCode };
}
