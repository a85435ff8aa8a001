// The citizen's case journeys through the real bot: an overcharge report told its verdict and routed to the
// office type's hotline, a home-service request for two household members, «پرونده‌های من», the limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/infrastructure/database/database.js";
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";
import { ALI } from "./citizen-steps.js";
import { caseNumberIn, reportOvercharge, requestHomeService, ZAHRA } from "./case-steps.js";

describe("citizens' cases", () => {
  let world: BotWorld;
  let db: Database;

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
    db = world.database.open();
  });
  afterAll(async () => {
    await db.close();
    await world.close();
  });

  it("reports 45,000 toman charged: over the legal 31,000 by 14,000; the case reaches the office type's hotline with the receipt", async () => {
    const user = world.api.user(9101, { profile: { first_name: "علی" } });
    await user.say("/start");
    await user.waitForBotMessage("خوش آمدید");
    const { verdict, sent } = await reportOvercharge(user, "۴۵٬۰۰۰", { receipt: true });
    expect(verdict).toContain("۴۵٬۰۰۰ تومان پرداخته‌اید");
    expect(verdict).toContain("۳۱٬۰۰۰ تومان");
    expect(verdict).toContain("۱۴٬۰۰۰ تومان بیش از مبلغ قانونی");
    const number = caseNumberIn(sent);
    const [row] = await db.sql.query<{
      kind: string;
      status: string;
      anonymous: boolean;
      unit: string;
      phones: string[];
      office_type: string;
      attachments: number;
    }>(
      `SELECT c.kind, c.status, c.anonymous, u.code AS unit, u.phones, o.type AS office_type,
              (SELECT count(*)::int FROM case_attachments a WHERE a.case_id = c.id AND a.purpose = 'receipt') AS attachments
         FROM cases c JOIN staff_units u ON u.id = c.unit_id JOIN offices o ON o.id = c.office_id WHERE c.number = $1`,
      [number],
    );
    expect(row).toMatchObject({ kind: "overcharge", status: "new", anonymous: true, attachments: 1 });
    expect(row!.unit).toBe({ pishkhan: "pishkhan-hotline", post: "post-hotline", civil_registration: "civil-registration-hotline" }[row!.office_type]);
    // The hotline of that office type, in Persian digits kept in order.
    const phone = { pishkhan: "۰۲۱-۶۱۹۱۲۲۲۲", post: "۰۲۱-۸۴۴۷۰۰۰۰", civil_registration: "۰۲۱-۶۶۷۴۲۸۷۶" }[row!.office_type]!;
    expect(sent).toContain(`\u2066${phone}\u2069`);

    await user.press("📂 پرونده‌های من");
    const list = await user.waitForBotMessage("پرونده‌های شما");
    expect(list.text).toContain("گزارش تخلف");
    await user.press(user.buttons(list)[0]!);
    const view = await user.waitForBotMessage("سابقه:");
    expect(view.text).toContain("ثبت شده، در صف رسیدگی");
    expect(view.text).toContain("چهل و پنج هزار");
  });

  it("files a home-service request for two household members checked with the registry; it reaches Tehran's home-service unit", async () => {
    const user = world.api.user(9102, { profile: { first_name: "زهرا" } });
    await user.say("/start");
    await user.waitForBotMessage("خوش آمدید");
    const sent = await requestHomeService(user, [ALI, ZAHRA]);
    const number = caseNumberIn(sent);
    const [row] = await db.sql.query<{ unit: string; members: number; details: { location: unknown; need: string } }>(
      `SELECT u.code AS unit, c.details, (SELECT count(*)::int FROM home_service_members m WHERE m.case_id = c.id) AS members
         FROM cases c JOIN staff_units u ON u.id = c.unit_id WHERE c.number = $1`,
      [number],
    );
    expect(row).toMatchObject({ unit: "home-service-8", members: 2, details: { need: "both", location: { latitude: 35.7, longitude: 51.4 } } });
  });

  it("refuses a household member the registry does not know, and the same member twice", async () => {
    const user = world.api.user(9103);
    await user.say("/start");
    await user.waitForBotMessage("خوش آمدید");
    await user.press("♿ خدمت در منزل برای معلولان");
    await user.waitForBotMessage("به چه خدمتی نیاز دارید");
    await user.press("🪪 تحویل کارت در منزل");
    await user.waitForBotMessage("نوع معلولیت حرکتی");
    await user.press("بستری در منزل");
    await user.waitForBotMessage("گواهی پزشکی");
    await user.sendSticker();
    await user.waitForBotMessage("یک عکس بفرستید یا");
    await user.press("⏭ رد شدن");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(ALI.nationalId);
    await user.waitForBotMessage("تاریخ تولد خود را");
    await user.say("1371/05/12");
    await user.waitForBotMessage("پیدا نشد");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(ALI.nationalId);
    await user.waitForBotMessage("تاریخ تولد خود را");
    await user.say(ALI.birthDate);
    await user.waitForBotMessage("عضو دیگری از خانوار");
    await user.press("➕ بله، نفر دیگری هم هست");
    await user.waitForBotMessage("کد ملی ۱۰ رقمی");
    await user.say(ALI.nationalId);
    await user.waitForBotMessage("پیش‌تر در همین درخواست");
    await user.say("/cancel");
    await user.waitForBotMessage("کار نیمه‌تمام لغو شد");
  });

  it("allows a few open cases at once, then says so in Persian", async () => {
    const user = world.api.user(9104);
    await user.say("/start");
    await user.waitForBotMessage("خوش آمدید");
    for (let i = 0; i < 3; i++) await reportOvercharge(user, "50000");
    await user.press("🚨 گزارش تخلف");
    const refused = await user.waitForBotMessage("پرونده‌ی باز دارید");
    expect(refused.text).toContain("۳ پرونده‌ی باز");
  });
});
