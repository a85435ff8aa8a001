// /start or a menu button in the middle of a journey asks before dropping anything (fast, in process).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFastBot, type FastBot, type FastUser } from "../support/fast-bot.js";

describe("a journey interrupted by /start or a menu button", () => {
  let bot: FastBot;
  beforeAll(async () => {
    bot = await startFastBot();
  });
  afterAll(() => bot.close());

  async function upToFirstName(user: FastUser): Promise<void> {
    await user.say("/start");
    await user.press("📝 پیش‌ثبت‌نام");
    await user.say("۶۳۸۳۲۳۳۵۶۴");
    await user.say("۱۳۷۰/۰۵/۱۲");
    const replies = await user.press("خیر، ساکن ایران هستم");
    expect(replies.at(-1)?.text).toContain("نام شما در ثبت احوال");
  }

  it("asks on /start, and carrying on keeps every answer and repeats the same question", async () => {
    const user = bot.user(6101, { first_name: "علی" });
    await upToFirstName(user);
    const asked = await user.say("/start");
    expect(asked.at(-1)?.text).toBe(bot.translate("flow-interrupted"));
    const again = await user.press(bot.translate("flow-interrupted-go-on"));
    expect(again.at(-1)?.text).toContain("نام شما در ثبت احوال");
    // The answers before the interruption are still there: the names the registry gave for this national ID.
    expect(again.at(-1)?.text).toContain("محمدی");
    const next = await user.press("✅ بله، درست است");
    expect(next.at(-1)?.text).toContain("تلفن همراه");
  });

  it("asks on a main-menu button, and leaving goes to the main menu", async () => {
    const user = bot.user(6102);
    await upToFirstName(user);
    const asked = await user.say(bot.translate("menu-status"));
    expect(asked.at(-1)?.text).toBe(bot.translate("flow-interrupted"));
    const left = await user.press(bot.translate("flow-interrupted-leave"));
    expect(left.at(-1)?.text).toBe(bot.translate("flow-cancelled"));
    const menu = left
      .at(-1)
      ?.replyMarkup?.keyboard?.flat()
      .map((button) => (typeof button === "string" ? button : button.text));
    expect(menu).toContain(bot.translate("menu-pre-registration"));
  });

  it("takes a typed yes as carrying on, and a second /start as leaving", async () => {
    const user = bot.user(6103);
    await upToFirstName(user);
    await user.say("/menu");
    const yes = await user.say("بله");
    expect(yes.at(-1)?.text).toContain("نام شما در ثبت احوال");
    await user.say("/start");
    const left = await user.say("/start");
    expect(left.at(-1)?.text).toBe(bot.translate("flow-cancelled"));
  });

  it("still leaves at once on the cancel button", async () => {
    const user = bot.user(6104);
    await upToFirstName(user);
    const left = await user.press(bot.translate("flow-cancel"));
    expect(left.at(-1)?.text).toBe(bot.translate("flow-cancelled"));
  });
});

describe("/help in the middle of a journey", () => {
  let bot: FastBot;
  beforeAll(async () => {
    bot = await startFastBot();
  });
  afterAll(() => bot.close());

  it("shows the help, then the same question", async () => {
    const user = bot.user(6201);
    await user.say("/start");
    await user.press("📝 پیش‌ثبت‌نام");
    const replies = await user.say("/help");
    expect(replies.map((reply) => reply.text)).toEqual([bot.translate("help"), expect.stringContaining(bot.translate("prereg-ask-national-id"))]);
  });
});
