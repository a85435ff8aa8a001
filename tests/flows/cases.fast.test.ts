// Branches of the case journeys through the real bot in this process (tests/support/fast-bot.ts): item-by-item
// charges with the tracking-code violation, a charge within the legal total, paging and narrowing the offices,
// wrong amounts and dates, the daily limit, closing and rating in «پرونده‌های من», a mistyped case number.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CASE_LIMITS } from "../../src/domain/cases/case-limits.js";
import { caseNumberFromSequence, formatCaseNumber } from "../../src/domain/cases/case-number.js";
import { createSqlCaseStore } from "../../src/infrastructure/database/cases/case-store.js";
import { startFastBot, type FastBot, type FastUser } from "../support/fast-bot.js";

const texts = (replies: Array<{ text?: string }>) => replies.map((r) => r.text ?? "").join("\n");

describe("case journeys (fast, in process)", () => {
  let bot: FastBot;
  beforeAll(async () => {
    bot = await startFastBot();
  });
  afterAll(() => bot.close());

  async function toCharges(user: FastUser): Promise<void> {
    await user.say("/start");
    await user.press("🚨 گزارش تخلف");
    await user.press("تهران");
    const offices = await user.say("تهران");
    expect(texts(offices)).toMatch(/صفحه‌ی ۱ از [۰-۹]+/);
    // The next page, then narrowing by part of a name.
    const second = await user.press("➡️ دفترهای بیشتر");
    expect(texts(second)).toContain("صفحه‌ی ۲ از");
    await user.say("دفتر پیشخوان دولت شماره ۸۰۴۲ تهران");
    const day = await user.say("۱۴۰۵/۱۳/۰۱");
    expect(texts(day)).toContain("چنین تاریخی در تقویم نیست");
    await user.press("امروز");
  }

  it("holds each item to its own fee and calls charging for the tracking code a violation of its own", async () => {
    const user = bot.user(7101);
    await toCharges(user);
    await user.press("🧾 جزء به جزء");
    const wrong = await user.say("چهل هزار");
    expect(texts(wrong)).toContain("فقط با رقم");
    await user.say("۹٬۰۰۰");
    await user.say("5000");
    const verdict = await user.press("هیچ (۰)");
    const verdictText = texts(verdict);
    expect(verdictText).toContain("۱۴٬۰۰۰ تومان پرداخته‌اید");
    expect(verdictText).toContain("۹٬۰۰۰ تومان بوده است");
    expect(verdictText).toContain("۵٬۰۰۰ تومان بیش از مبلغ قانونی");
    expect(verdictText).toContain("کد رهگیری رایگان است");
  });

  it("says plainly when the total is within the legal fees, and files nothing when the citizen says so", async () => {
    const user = bot.user(7102);
    await toCharges(user);
    await user.press("💵 جمع کل پرداختی");
    const verdict = await user.say("31000");
    expect(texts(verdict)).toContain("بیش از مبلغ قانونی گرفته نشده است");
    const done = await user.press("نه، نیازی نیست");
    expect(texts(done)).toContain("گزارشی ثبت نشد");
    expect(await createSqlCaseStore(bot.database.sql).casesOfChat(7102)).toEqual([]);
  });

  it("refuses a fourth new case in one day and says from when", async () => {
    const store = createSqlCaseStore(bot.database.sql);
    for (let i = 0; i < 3; i++) {
      const opened = await store.openCase({
        kind: "complaint",
        chatId: 7103,
        summary: "x",
        details: {},
        description: "something happened",
        requestKey: randomUUID(),
        limits: DEFAULT_CASE_LIMITS,
        now: new Date(),
      });
      if (opened.kind === "opened") await store.citizenClose({ caseId: opened.caseId, chatId: 7103, now: new Date() });
    }
    const user = bot.user(7103);
    await user.say("/start");
    const refused = await user.press("♿ خدمت در منزل برای معلولان");
    expect(texts(refused)).toMatch(/امروز ۳ پرونده ثبت کرده‌اید.*از .*[۰-۹]{2}:[۰-۹]{2} می‌توانید/s);
  });

  it("closes a case and rates it from «پرونده‌های من»; a second rating is refused", async () => {
    const store = createSqlCaseStore(bot.database.sql);
    const opened = await store.openCase({
      kind: "complaint",
      chatId: 7104,
      summary: "x",
      details: {},
      description: "something happened",
      requestKey: randomUUID(),
      limits: DEFAULT_CASE_LIMITS,
      now: new Date(),
    });
    if (opened.kind !== "opened") throw new Error("not opened");
    const user = bot.user(7104);
    await user.say("/start");
    await user.press("📂 پرونده‌های من");
    const view = await user.press(user.buttons().find((b) => b.startsWith("📁"))!);
    expect(texts(view)).toContain("ثبت شد: something happened");
    await user.press("🗂 بستن پرونده");
    const closed = await user.press("بله، بسته شود");
    expect(texts(closed)).toContain("بسته شد");
    await user.press("📂 پرونده‌های من");
    await user.press(user.buttons().find((b) => b.startsWith("📁"))!);
    await user.press("⭐ امتیاز به پاسخ");
    const rated = await user.press("۴");
    expect(texts(rated)).toContain("سپاس از امتیاز شما");
    expect(await store.citizenRate({ caseId: opened.caseId, chatId: 7104, rating: 2, now: new Date() })).toEqual({ kind: "already" });
  });

  it("catches a misheard case number by its check digit (staff, by number)", async () => {
    const store = createSqlCaseStore(bot.database.sql);
    const opened = await store.openCase({
      kind: "complaint",
      chatId: 7105,
      officeType: "pishkhan",
      summary: "x",
      details: {},
      description: "something happened",
      requestKey: randomUUID(),
      limits: DEFAULT_CASE_LIMITS,
      now: new Date(),
    });
    if (opened.kind !== "opened") throw new Error("not opened");
    const [unit] = await bot.database.sql.query<{ id: number }>(`SELECT id FROM staff_units WHERE code = 'pishkhan-hotline'`);
    await bot.database.sql.query(`INSERT INTO staff_members (user_id, display_name, role, unit_id) VALUES (7199, 'agent', 'hotline_agent', $1)`, [unit!.id]);
    const agent = bot.user(7199);
    await agent.say("/case");
    const good = opened.number;
    const misheard = `${good.slice(0, 6)}${good[7]}${good[6]}`;
    if (misheard !== good) expect(texts(await agent.say(misheard))).toContain("رقم کنترل آن نمی‌خواند");
    expect(caseNumberFromSequence(Number(good.slice(0, 7)))).toBe(good);
    const card = await agent.say(formatCaseNumber(good).replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!));
    expect(texts(card)).toContain("سابقه (🔒");
  });
});
