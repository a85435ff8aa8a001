// Hotline staff through the real bot: the journey (a 45,000-toman report reaches the pishkhan hotline, an
// agent takes it once under a double press, asks, the citizen answers, forwards to civil registration, whose
// agent resolves it, the citizen rates it and never sees an internal note), every action audited; the home
// service: a visit proposed, confirmed and recorded moves the application; an unvisited request escalates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlCaseStore } from "../../src/infrastructure/database/cases/case-store.js";
import type { Database } from "../../src/infrastructure/database/database.js";
import { jalaliDateInTehran } from "../../src/domain/time/tehran-clock.js";
import { addDays, jalaliDateToString } from "../../src/domain/time/jalali.js";
import { caseRatingData, myCaseData, staffAssignData, staffCaseData, staffQueueData } from "../../src/bot/callback-data/index.js";
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";
import { popupOf } from "./staff-steps.js";
import { ALI, inPersianDigits, payOnSandbox, payUrlOf, preRegister } from "./citizen-steps.js";
import { caseNumberIn, openFromQueue, reportOvercharge, requestHomeService, SAMPLE_STAFF, TEHRAN_PISHKHAN, ZAHRA } from "./case-steps.js";

describe("hotline staff", () => {
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

  it("takes, asks, relays the answer, forwards and resolves; the citizen sees each visible step, never a note, and rates it", async () => {
    const citizen = world.api.user(9201, { profile: { first_name: "علی" } });
    await citizen.say("/start");
    await citizen.waitForBotMessage("خوش آمدید");
    const { verdict, sent } = await reportOvercharge(citizen, "45000", { officeName: TEHRAN_PISHKHAN });
    expect(verdict).toContain("۱۴٬۰۰۰ تومان بیش از مبلغ قانونی");
    expect(sent).toContain("\u2066۰۲۱-۶۱۹۱۲۲۲۲\u2069");
    const number = caseNumberIn(sent);

    const agent = world.api.user(SAMPLE_STAFF.pishkhanAgent);
    await agent.say("/start");
    await agent.waitForBotMessage(/کارشناس|سرپرست|منو/);
    const card = await openFromQueue(agent, "🆕", number);
    // Two presses of "take" at once: one take, the other told it is done already.
    await Promise.all([agent.press("✋ برداشتن", { messageId: card.message_id }), agent.press("✋ برداشتن", { messageId: card.message_id })]);
    const taken = await agent.waitForBotMessage((m) => m.message_id > card.message_id && agent.buttons(m).some((b) => b.startsWith("❓")));
    await citizen.waitForBotMessage("کارشناس رسیدگی به پرونده‌ی شما را آغاز کرد");

    await agent.press("🔒 یادداشت داخلی", { messageId: taken.message_id });
    await agent.waitForBotMessage("یادداشت داخلی را بنویسید");
    await agent.say("SECRET: این دفتر پیش‌تر هم گزارش داشته است");
    await agent.waitForBotMessage("انجام شد");

    await agent.press("❓ پرسش از شهروند", { messageId: taken.message_id });
    await agent.waitForBotMessage("پرسش از شهروند را بنویسید");
    await agent.say("آیا رسید پرداخت دارید؟");
    await agent.waitForBotMessage("منتظر پاسخ شما");

    const question = await citizen.waitForBotMessage("کارشناس پرسیده است");
    expect(question.text).toContain("آیا رسید پرداخت دارید؟");
    await citizen.press("✍️ پاسخ دادن", { messageId: question.message_id });
    await citizen.waitForBotMessage("چه کاری انجام دهیم");
    await citizen.press("✍️ پاسخ به پرسش");
    await citizen.waitForBotMessage("اطلاعات تازه را بنویسید");
    await citizen.say("رسید ندادند، ولی پرداخت با کارت بود.");
    await citizen.waitForBotMessage("اضافه شد");

    const again = await openFromQueue(agent, "🙋", number);
    expect(again.text).toContain("رسید ندادند");
    await agent.press("↗️ ارجاع", { messageId: again.message_id });
    await agent.waitForBotMessage("به کدام واحد ارجاع شود");
    await agent.press("سامانه‌ی رسیدگی ثبت احوال");
    await agent.waitForBotMessage("یادداشت ارجاع");
    await agent.say("SECRET: موضوع به ثبت احوال مربوط است");
    await agent.waitForBotMessage("ارجاع شده به واحد دیگر");
    await citizen.waitForBotMessage("سامانه‌ی رسیدگی ثبت احوال ارجاع شد");

    const civil = world.api.user(SAMPLE_STAFF.civilAgent);
    const civilCard = await openFromQueue(civil, "🆕", number);
    await civil.press("✋ برداشتن", { messageId: civilCard.message_id });
    const civilTaken = await civil.waitForBotMessage((m) => m.message_id > civilCard.message_id && civil.buttons(m).some((b) => b.startsWith("✅")));
    await civil.press("✅ پاسخ نهایی", { messageId: civilTaken.message_id });
    await civil.waitForBotMessage("پاسخ نهایی به شهروند");
    await civil.say("به دفتر تذکر داده شد و مبلغ اضافه به شما بازگردانده می‌شود.");
    await civil.waitForBotMessage("رسیدگی شده");

    const resolution = await citizen.waitForBotMessage("رسیدگی شد:");
    expect(resolution.text).toContain("مبلغ اضافه به شما بازگردانده می‌شود");
    await citizen.press("۵", { messageId: resolution.message_id });
    await citizen.waitForBotMessage("سپاس از امتیاز شما");

    const transcript = JSON.stringify(await citizen.transcript());
    expect(transcript).not.toContain("SECRET");
    const [row] = await db.sql.query<{ rating: number; status: string; id: string }>(`SELECT id::text AS id, rating, status FROM cases WHERE number = $1`, [
      number,
    ]);
    expect(row).toMatchObject({ rating: 5, status: "resolved" });
    const audit = await db.sql.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE subject_kind = 'case' AND subject_id = $1 AND outcome = 'done' ORDER BY id`,
      [row!.id],
    );
    expect(audit.map((a) => a.action)).toEqual(["case.take", "case.note", "case.ask", "case.forward", "case.take", "case.resolve"]);
    const takes = await db.sql.query(`SELECT 1 FROM case_entries WHERE case_id = $1::uuid AND kind = 'taken'`, [row!.id]);
    expect(takes).toHaveLength(2); // one per unit, despite the double press
  });

  it("home service: a visit proposed, confirmed and recorded moves the application; an unvisited request reaches the supervisor", async () => {
    const citizen = world.api.user(9202, { profile: { first_name: "علی" } });
    await payOnSandbox(payUrlOf(await preRegister(citizen)));
    await citizen.waitForBotMessage("کد رهگیری شما:");
    const number = caseNumberIn(await requestHomeService(citizen, [ALI, ZAHRA]));

    const agent = world.api.user(SAMPLE_STAFF.tehranHomeAgent);
    const card = await openFromQueue(agent, "🆕", number);
    await agent.press("✋ برداشتن", { messageId: card.message_id });
    const taken = await agent.waitForBotMessage((m) => m.message_id > card.message_id && agent.buttons(m).some((b) => b.startsWith("🗓")));
    await agent.press("🗓 پیشنهاد زمان مراجعه", { messageId: taken.message_id });
    await agent.waitForBotMessage("زمان مراجعه را به شکل");
    await agent.say("1405/01/01 10:30");
    await agent.waitForBotMessage(/گذشته است|۶۰ روز آینده/);
    const day = jalaliDateToString(addDays(jalaliDateInTehran(new Date()), 3));
    await agent.say(`${inPersianDigits(day)} ۱۰:۳۰`);
    await agent.waitForBotMessage("انجام شد");

    const proposal = await citizen.waitForBotMessage("پیشنهاد می‌کنند");
    expect(proposal.text).toContain("۱۰:۳۰");
    await Promise.all([citizen.press("✅ تأیید زمان", { messageId: proposal.message_id }), citizen.press("✅ تأیید زمان", { messageId: proposal.message_id })]);
    await citizen.waitForBotMessage("زمان مراجعه تأیید شد");

    const scheduled = await openFromQueue(agent, "🙋", number);
    await agent.press("📝 ثبت نتیجه‌ی مراجعه", { messageId: scheduled.message_id });
    await agent.waitForBotMessage("نتیجه‌ی مراجعه به منزل");
    await agent.press("ثبت‌نام انجام و کارت تحویل شد");
    await agent.waitForBotMessage("رسیدگی شده");
    await citizen.waitForBotMessage("ثبت‌نام در منزل انجام و کارت تحویل شد");
    const [application] = await db.sql.query<{ status: string }>(`SELECT status FROM applications WHERE national_id = $1 AND status <> 'cancelled'`, [
      ALI.nationalId,
    ]);
    expect(application!.status).toBe("completed_in_person");
    const visits = await db.sql.query<{ status: string }>(`SELECT v.status FROM home_visits v JOIN cases c ON c.id = v.case_id WHERE c.number = $1`, [number]);
    expect(visits).toEqual([{ status: "done" }]);

    // A request nobody visits: eight days later the sweep posts it to the supervisor (the sweep's own timer runs every 5 minutes).
    const other = world.api.user(9203);
    await other.say("/start");
    await other.waitForBotMessage("خوش آمدید");
    const late = caseNumberIn(await requestHomeService(other, [ZAHRA]));
    await db.sql.query(`UPDATE cases SET created_at = created_at - interval '8 days' WHERE number = $1`, [late]);
    await db.sql.query(`UPDATE staff_members SET role = 'supervisor' WHERE user_id = $1`, [SAMPLE_STAFF.tehranHomeAgent]);
    const escalated = await createSqlCaseStore(db.sql).escalateOverdue(new Date());
    expect(escalated.map((e) => e.number)).toContain(late);
    const notice = await agent.waitForBotMessage("از مهلت");
    expect(notice.text).toContain("مراجعه به منزل");
    expect(agent.buttons(notice)).toContain("👤 واگذاری به کارشناس");
  });

  it("refuses forged staff buttons and staff commands in a citizen's chat, and another chat's case buttons; nothing changes", async () => {
    const owner = world.api.user(9205);
    await owner.say("/start");
    await owner.waitForBotMessage("خوش آمدید");
    const number = caseNumberIn((await reportOvercharge(owner, "40000", { officeName: TEHRAN_PISHKHAN })).sent);
    const [target] = await db.sql.query<{ id: string; version: number }>(`SELECT id::text AS id, version FROM cases WHERE number = $1`, [number]);
    const audits = async () => (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1`, [target!.id]))[0]!.n;
    const auditBefore = await audits();

    const citizen = world.api.user(9204);
    await citizen.say("/start");
    const someMessage = await citizen.waitForBotMessage("خوش آمدید");
    const staffData = [
      staffCaseData.encode({ userId: 9204, caseId: target!.id, action: "take" }),
      staffCaseData.encode({ userId: SAMPLE_STAFF.pishkhanAgent, caseId: target!.id, action: "take" }),
      staffCaseData.encode({ userId: 9204, caseId: target!.id, action: "open" }),
      staffAssignData.encode({ userId: SAMPLE_STAFF.pishkhanSupervisor, caseId: target!.id, memberId: 1 }),
      staffQueueData.encode({ userId: 9204, filter: "new", page: 0 }),
    ];
    for (const data of staffData) {
      const forged = await citizen.forgeCallback(someMessage.message_id, data);
      expect(await popupOf(citizen, (forged as { callback_query: { id: string } }).callback_query.id)).toContain("فقط برای کارشناسان");
    }
    // A citizen's own kind of button, but for another chat's case.
    for (const data of [myCaseData.encode({ chatId: 9205, caseId: target!.id }), caseRatingData.encode({ chatId: 9205, caseId: target!.id, rating: "1" })]) {
      const forged = await citizen.forgeCallback(someMessage.message_id, data);
      expect(await popupOf(citizen, (forged as { callback_query: { id: string } }).callback_query.id)).toContain("مربوط به گفتگوی شما نیست");
    }
    await citizen.say("/cases");
    await citizen.waitForBotMessage("فقط برای کارشناسان");
    await citizen.say("/caller");
    await citizen.waitForBotMessage("فقط برای کارشناسان");
    await citizen.say("📥 صف پرونده‌ها");
    await citizen.waitForBotMessage("فقط برای کارشناسان");

    const [after] = await db.sql.query<{ status: string; version: number; rating: number | null }>(
      `SELECT status, version, rating FROM cases WHERE id = $1::uuid`,
      [target!.id],
    );
    expect(after).toEqual({ status: "new", version: target!.version, rating: null });
    expect(await audits()).toBe(auditBefore);
    expect(JSON.stringify(await citizen.transcript())).not.toContain("برای تکمیل ثبت‌نام");
  });
});
