// Pre-registration's branches through the real bot in this process: leaving, ineligible, already registered,
// resuming, correcting the summary, someone else's contact, and the registry or gateway not answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFastBot, type BotReply, type FastBot, type FastUser } from "../support/fast-bot.js";
import { ALI, answerUntilSummary, CITIZENS, confirmAndGetPayment, registerAndPay, toPersianDigits } from "./fast-steps.js";

/** A national ID with a valid check digit that the sample registry does not hold. */
const UNKNOWN_ID = "1234567891";

describe("pre-registration branches (fast, in process)", () => {
  let bot: FastBot;
  const t = (key: string, params?: Record<string, string | number>) => bot.translate(key, params);
  const last = (replies: BotReply[]) => replies.at(-1)?.text ?? "";
  beforeAll(async () => {
    bot = await startFastBot();
  });
  afterAll(() => bot.close());

  async function start(id: number): Promise<FastUser> {
    const user = bot.user(id);
    await user.say("/start");
    await user.press(t("menu-pre-registration"));
    return user;
  }

  it("ends with the abroad notice when the citizen lives abroad", async () => {
    const user = await start(6001);
    await user.say(CITIZENS[3].nationalId);
    await user.say(CITIZENS[3].birthDate);
    const replies = await user.press(t("prereg-abroad-yes"));
    expect(last(replies)).toBe(t("prereg-abroad-answer"));
    expect(user.buttons()).toContain(t("menu-pre-registration"));
  });

  it("says a national ID and birth date the registry does not know are not eligible, and asks again from the start", async () => {
    const user = await start(6002);
    await user.say(UNKNOWN_ID);
    const replies = await user.say("1370/01/01");
    expect(replies.map((reply) => reply.text)).toContain(t("prereg-not-eligible"));
    expect(last(replies)).toContain(t("prereg-ask-national-id"));
  });

  it("refuses someone else's contact card for the mobile number", async () => {
    const user = await start(6003);
    for (const answer of [CITIZENS[4].nationalId, CITIZENS[4].birthDate]) await user.say(answer);
    await user.press(t("prereg-abroad-no"));
    await user.press(t("prereg-registry-names-yes"));
    const replies = await user.send({ contact: { phone_number: "+989121234567", first_name: "x", user_id: 1 } });
    expect(replies.map((reply) => reply.text)).toContain(t("prereg-mobile-error-not_own_contact"));
    expect(last(replies)).toContain(t("prereg-ask-mobile"));
  });

  it("corrects an answer from the summary, and a changed province asks for the city again", async () => {
    const user = bot.user(6004);
    await answerUntilSummary(user, CITIZENS[1]);
    const typed = await user.say("something else");
    expect(typed.map((reply) => reply.text)).toContain(t("prereg-summary-use-buttons"));

    await user.press(t("prereg-edit", { field: t("prereg-field-mobile") }));
    const summary = await user.say("09351234567");
    expect(last(summary)).toContain("۰۹۳۵۱۲۳۴۵۶۷");
    expect(last(summary)).toContain("لطفاً اطلاعات خود را بررسی کنید");

    await user.press(t("prereg-edit", { field: t("prereg-field-province") }));
    const city = await user.press("اصفهان");
    expect(last(city)).toContain(t("prereg-ask-city", { province: "اصفهان" }));
    const again = await user.say("اصفهان");
    expect(last(again)).toContain("اصفهان");
    expect(last(again)).toContain("لطفاً اطلاعات خود را بررسی کنید");
  });

  it("resumes a draft still awaiting payment, and stops a citizen who has paid: with the code in their own chat, without it elsewhere", async () => {
    const first = bot.user(6005);
    await answerUntilSummary(first, CITIZENS[2]);
    await confirmAndGetPayment(first);
    // Registering again before paying goes all the way to a payment again.
    await answerUntilSummary(first, CITIZENS[2]);
    expect((await confirmAndGetPayment(first)).text).toContain("مبلغ قابل پرداخت");

    const paid = bot.user(6006, { first_name: "علی" });
    const code = await registerAndPay(bot, paid, ALI);
    const tryAgain = async (user: typeof paid) => {
      await user.say("/start");
      await user.press(t("menu-pre-registration"));
      await user.say(ALI.nationalId);
      return user.say(ALI.birthDate);
    };
    const grouped = toPersianDigits(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
    const own = await tryAgain(paid);
    expect(last(own)).toBe(t("prereg-already-registered", { name: "علی", trackingCode: grouped }));
    const elsewhere = await tryAgain(bot.user(6007));
    expect(last(elsewhere)).toBe(t("prereg-already-registered-elsewhere"));
  });

  it("keeps the answers when the registry does not answer, and goes on after «try again»", async () => {
    const user = await start(6008);
    await user.say(CITIZENS[3].nationalId);
    await bot.database.sql.query("ALTER TABLE registry_citizens RENAME TO registry_citizens_away");
    try {
      const down = await user.say(CITIZENS[3].birthDate);
      expect(last(down)).toContain(t("prereg-registry-unavailable"));
      expect(user.buttons()).toContain(t("prereg-retry-button"));
    } finally {
      await bot.database.sql.query("ALTER TABLE registry_citizens_away RENAME TO registry_citizens");
    }
    const back = await user.press(t("prereg-retry-button"));
    expect(last(back)).toContain(t("prereg-ask-abroad"));
  });

  it("keeps the saved application when the gateway does not answer, and pays after «try again»", async () => {
    const user = bot.user(6009);
    await answerUntilSummary(user, CITIZENS[4]);
    await bot.database.sql.query("ALTER TABLE sandbox_transactions RENAME TO sandbox_transactions_away");
    try {
      const down = await user.press(t("prereg-confirm"));
      expect(last(down)).toContain(t("prereg-gateway-unavailable"));
    } finally {
      await bot.database.sql.query("ALTER TABLE sandbox_transactions_away RENAME TO sandbox_transactions");
    }
    const paid = await user.press(t("prereg-retry-button"));
    expect(paid.some((reply) => reply.text?.includes("مبلغ قابل پرداخت"))).toBe(true);
    expect(await bot.database.prisma.application.count({ where: { nationalId: CITIZENS[4].nationalId } })).toBe(1);
  });
});
