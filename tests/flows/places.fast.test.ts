// Choosing a province and a city in pre-registration (fast, in process): part of a name narrows the buttons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFastBot, type BotReply, type FastBot, type FastUser } from "../support/fast-bot.js";
import { ALI, toPersianDigits } from "./fast-steps.js";

const labels = (reply: BotReply | undefined) =>
  (reply?.replyMarkup?.keyboard ?? []).flat().map((button) => (typeof button === "string" ? button : button.text));

describe("province and city by part of the name", () => {
  let bot: FastBot;
  beforeAll(async () => {
    bot = await startFastBot();
  });
  afterAll(() => bot.close());

  async function upToProvince(user: FastUser): Promise<BotReply> {
    await user.say("/start");
    await user.press("📝 پیش‌ثبت‌نام");
    await user.say(toPersianDigits(ALI.nationalId));
    await user.say(toPersianDigits(ALI.birthDate));
    await user.press("خیر، ساکن ایران هستم");
    await user.press("✅ بله، درست است");
    await user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989121234567" });
    await user.say("02188776655");
    await user.say("1345678911");
    return (await user.say("خیابان آزادی، کوچه‌ی دوازدهم، پلاک ۳، واحد ۴")).at(-1)!;
  }

  it("lists provinces in Persian order, narrows «خراسان» to the three Khorasans, and shows corrected city names", async () => {
    const user = bot.user(7301);
    const asked = await upToProvince(user);
    const all = labels(asked);
    expect(all.indexOf("چهارمحال و بختیاری")).toBeLessThan(all.indexOf("همدان"));

    const narrowed = await user.say("خراسان");
    expect(narrowed[0]?.text).toBe(bot.translate("prereg-province-error-ambiguous"));
    expect(labels(narrowed.at(-1)).filter((label) => label.startsWith("خراسان"))).toEqual(["خراسان جنوبی", "خراسان رضوی", "خراسان شمالی"]);
    expect(labels(narrowed.at(-1))).not.toContain("تهران");

    // A name that matches nothing brings every province back.
    const none = await user.say("لندن");
    expect(labels(none.at(-1))).toContain("تهران");

    const cities = await user.say("اصفهان");
    expect(cities.at(-1)?.text).toContain("اصفهان");
    // حسن‌آباد of Isfahan province is written with its madda and half-space, not «حسن اباد».
    expect(labels(cities.at(-1))).toContain("حسن‌آباد");
    expect(labels(cities.at(-1))).not.toContain("حسن اباد");
    const summary = await user.say("حسن اباد");
    expect(summary.at(-1)?.text).toContain("حسن‌آباد");
  });
});
