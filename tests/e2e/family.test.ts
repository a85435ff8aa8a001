// A family sharing one phone: three people pre-registered, paid for and booked from one chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";
import { ALI, chooseEarliestNearby, payOnSandbox, payUrlOf, preRegister, trackingCodeIn } from "./citizen-steps.js";

const ZAHRA = { nationalId: "4806064548", birthDate: "1365/11/30", firstName: "زهرا", lastName: "احمدی", fatherName: "رضا" };
const MARYAM = { nationalId: "1021153087", birthDate: "1380/01/01", firstName: "مریم", lastName: "حسینی", fatherName: "محمود" };

describe("several applications from one chat", () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
  });
  afterAll(() => world.close());

  it("pre-registers and pays for three people, then asks whose appointment it is and books each", async () => {
    const user = world.api.user(9101, { profile: { first_name: "علی" } });
    const codes = new Map<string, string>();
    for (const person of [ALI, ZAHRA, MARYAM]) {
      await payOnSandbox(payUrlOf(await preRegister(user, person)));
      codes.set(person.nationalId, trackingCodeIn((await user.waitForBotMessage("کد رهگیری شما:")).text));
    }
    expect(new Set(codes.values()).size).toBe(3);

    for (const person of [ZAHRA, MARYAM]) {
      await user.press("📅 نوبت‌گیری");
      const asked = await user.waitForBotMessage("برای چه کسی");
      const buttons = user.buttons(asked);
      expect(buttons).toEqual(
        expect.arrayContaining(["علی محمدی (کد ملی …۳۵۶۴)", "زهرا احمدی (کد ملی …۴۵۴۸)", "مریم حسینی (کد ملی …۳۰۸۷)", "کس دیگری (با کد ملی و کد رهگیری)"]),
      );
      await user.press(buttons.find((label) => label.startsWith(`${person.firstName} `))!);
      await user.waitForBotMessage(`نوبت‌گیری برای ${person.firstName}`);
      await chooseEarliestNearby(user);
      await user.press("✅ تأیید نوبت");
      await user.waitForBotMessage("نوبت شما ثبت شد");
    }

    const db = world.database.open();
    try {
      const booked = await db.prisma.$queryRaw<Array<{ national_id: string }>>`
        SELECT p.national_id FROM appointments a JOIN applications p ON p.id = a.application_id
        WHERE a.status = 'active' ORDER BY p.national_id`;
      expect(booked.map((row) => row.national_id)).toEqual([MARYAM.nationalId, ZAHRA.nationalId].sort());
    } finally {
      await db.close();
    }
  });
});
