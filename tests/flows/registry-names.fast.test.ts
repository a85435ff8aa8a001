// Names from the civil registry (fast, in process): confirmed, never retyped; wrong ones end the journey with
// where to correct them; a registry record without names falls back to asking them, checked as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFastBot, type FastBot, type FastUser } from "../support/fast-bot.js";
import { toPersianDigits } from "./fast-steps.js";

describe("names from the civil registry", () => {
  let bot: FastBot;
  beforeAll(async () => {
    bot = await startFastBot();
    // A registry record without its names (an older record): valid by checksum, made up.
    await bot.database.sql.query(
      `INSERT INTO registry_citizens (national_id, birth_date, first_name, last_name, father_name) VALUES ('0499370899', '1368/04/04', '', '', '')`,
    );
  });
  afterAll(() => bot.close());

  async function upToNames(user: FastUser, nationalId: string, birthDate: string) {
    await user.say("/start");
    await user.press("📝 پیش‌ثبت‌نام");
    await user.say(toPersianDigits(nationalId));
    await user.say(toPersianDigits(birthDate));
    return user.press("خیر، ساکن ایران هستم");
  }

  it("shows the registry's names to confirm, counts ten questions, and the summary offers no name to retype", async () => {
    const user = bot.user(7401);
    const asked = await upToNames(user, "6383233564", "1370/05/12");
    const text = asked.at(-1)?.text ?? "";
    expect(text).toMatch(/^پرسش ۴ از ۱۰\n/);
    for (const name of ["علی", "محمدی", "حسن"]) expect(text).toContain(name);
    expect(user.buttons()).toContain(bot.translate("prereg-registry-names-yes"));

    const next = await user.press(bot.translate("prereg-registry-names-yes"));
    expect(next.at(-1)?.text).toMatch(/^پرسش ۵ از ۱۰\n/);
    await user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989121234567" });
    for (const answer of ["02188776655", "1345678911", "خیابان آزادی، پلاک ۳"]) await user.say(answer);
    await user.press("تهران");
    const summary = (await user.say("تهران")).at(-1)!;
    expect(summary.text).toContain("محمدی");
    const edits = user.buttons();
    expect(edits.some((label) => label.includes(bot.translate("prereg-field-lastName")))).toBe(false);
    expect(edits.some((label) => label.includes(bot.translate("prereg-field-mobile")))).toBe(true);
  });

  it("ends the journey with where to correct the names when the citizen says they are wrong", async () => {
    const user = bot.user(7402);
    await upToNames(user, "4806064548", "1365/11/30");
    const left = await user.press(bot.translate("prereg-registry-names-no"));
    expect(left.at(-1)?.text).toBe(bot.translate("prereg-registry-names-wrong"));
    expect(user.buttons()).toContain(bot.translate("menu-pre-registration"));
  });

  it("asks the names, checked as before, when the registry record has none", async () => {
    const user = bot.user(7403);
    const asked = await upToNames(user, "0499370899", "1368/04/04");
    expect(asked.at(-1)?.text).toContain(bot.translate("prereg-ask-first-name"));
    expect(asked.at(-1)?.text).toMatch(/^پرسش ۴ از ۱۲\n/);
    const refused = await user.say("Ali");
    expect(refused[0]?.text).toContain("حروف فارسی");
    await user.say("علي"); // Arabic yeh, normalised
    await user.say("محمدی");
    const next = await user.say("حسن");
    expect(next.at(-1)?.text).toContain("تلفن همراه");
  });
});
