// The staff side end to end through the real bot process: an admin invites an operator who enrols by the deep
// link; the operator's day (find, check in once on a double press, checklist, a fee above the tariff refused as a
// violation, complete); cards imported by the CLI; the citizen's pickup journey with a transfer to another office,
// received there and delivered once; forged staff callbacks and commands from a citizen's chat; a revoked
// operator's old buttons.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffCheckInData, staffDeliverData, staffRevokeData } from "../../src/bot/callback-data/index.js";
import { jalaliDateInTehran } from "../../src/domain/time/tehran-clock.js";
import { createSqlBookingStore } from "../../src/infrastructure/database/booking-store.js";
import type { Database } from "../../src/infrastructure/database/database.js";
import { firstAdminCommand, inviteCommand } from "../../src/infrastructure/staff/staff-commands.js";
import type { BotProcess } from "../support/bot-process.js";
import type { SimulatedUser } from "../harness/simulated-user.js";
import { createBotWorld, type BotWorld } from "../support/bot-fixture.js";
import { ALI, inPersianDigits, payOnSandbox, payUrlOf, preRegister, trackingCodeIn } from "./citizen-steps.js";
import { newestWithButton, popupOf, pressForPopup, runScript } from "./staff-steps.js";

const ADMIN = 5001;
const OPERATOR = 5101;
const RECEIVING_OPERATOR = 5102;
const CITIZEN = 5201;
const ITEMS = ["اصل شناسنامه‌ی عکس‌دار", "کد پستی", "نشانی محل سکونت", "تلفن ثابت و همراه", "عکس زنده گرفته شد", "اثر انگشت گرفته شد"];

describe("staff side", () => {
  let world: BotWorld;
  let bot: BotProcess;
  let db: Database;
  let office: { id: number; code: string; name: string };
  let admin: SimulatedUser;
  let operator: SimulatedUser;
  let citizen: SimulatedUser;
  let trackingCode = "";
  let applicationId = "";

  const count = async (sql: string, params: unknown[] = []) => (await db.sql.query<{ n: number }>(sql, params))[0]!.n;
  /** The single row a query returns. */
  const one = async <Row>(sql: string, params: unknown[] = []): Promise<Row> => {
    const [row] = await db.sql.query<Row>(sql, params);
    if (row === undefined) throw new Error(`no row: ${sql}`);
    return row;
  };
  /** Books a seat for the application at `officeId` starting a minute from now (inside the check-in window). */
  const bookNow = async (application: string, officeId: number) => {
    const startsAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
    const booked = await createSqlBookingStore(db.sql).book({
      applicationId: application,
      officeId,
      startsAt,
      day: jalaliDateInTehran(startsAt),
      now: new Date(),
    });
    if (booked.kind !== "booked") throw new Error(booked.kind);
    return booked.appointmentId;
  };

  beforeAll(async () => {
    world = await createBotWorld();
    bot = await world.startBot();
    db = world.database.open();
    office = await one<{ id: number; code: string; name: string }>(`SELECT id, code, name FROM offices WHERE city_id = 399 AND active ORDER BY code LIMIT 1`);
    admin = world.api.user(ADMIN, { profile: { first_name: "مدیر" } });
    operator = world.api.user(OPERATOR, { profile: { first_name: "کارمند" } });
    citizen = world.api.user(CITIZEN, { profile: { first_name: "علی" } });
  });
  afterAll(async () => {
    await db?.close();
    await world?.close();
  });

  it("an admin invites an operator from the bot; the deep link enrols once, in a private chat", async () => {
    expect((await firstAdminCommand(db.sql, ["--user-id", String(ADMIN), "--name", "Admin"])).exitCode).toBe(0);
    await admin.say("/start");
    const menu = await admin.waitForBotMessage("منوی کارکنان");
    expect(admin.buttons(menu)).toContain("➕ دعوت از کارمند");
    await admin.press("➕ دعوت از کارمند");
    await admin.waitForBotMessage("برای چه نقشی");
    await admin.press("کارمند دفتر");
    await admin.waitForBotMessage("کد دفتر را بنویسید");
    await admin.say("no-such-office");
    await admin.waitForBotMessage("دفتری با این کد پیدا نشد");
    await admin.say(office.code);
    const invite = await admin.waitForBotMessage("پیوند دعوت برای");
    // As a person copies it: the text's direction marks (LRI/PDI around the command) come along.
    const command = invite.text!.match(/\/start\S* staff-[A-Za-z0-9_-]+\S*/)![0];
    expect(command.replace(/[\u2066-\u2069]/g, "")).toMatch(/^\/start staff-[A-Za-z0-9_-]+$/);
    expect(invite.text).toContain(`https://t.me/`);

    await operator.say(command);
    const enrolled = await operator.waitForBotMessage("به بخش کارکنان خوش آمدید");
    expect(enrolled.text).toContain(office.name);
    expect(operator.buttons(enrolled)).toEqual(expect.arrayContaining(["📋 نوبت‌های امروز", "🔎 یافتن متقاضی", "📦 کارت‌های تحویل‌نشده"]));
    const latecomer = world.api.user(5103);
    await latecomer.say(command);
    const refused = await latecomer.waitForBotMessage("قبلاً استفاده شده");
    expect(latecomer.buttons(refused)).not.toContain("📋 نوبت‌های امروز");
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('staff.invite', 'staff.enrol')`)).toBe(2);
  });

  it("runs the operator's day: find, one check-in on a double press, checklist, fee over the tariff refused, complete", async () => {
    await payOnSandbox(payUrlOf(await preRegister(citizen)));
    trackingCode = trackingCodeIn((await citizen.waitForBotMessage("کد رهگیری شما:")).text);
    applicationId = (await one<{ id: string }>(`SELECT id::text AS id FROM applications WHERE tracking_code = $1`, [trackingCode])).id;
    const appointmentId = await bookNow(applicationId, office.id);

    await operator.press("🔎 یافتن متقاضی");
    await operator.waitForBotMessage("کد رهگیری ۱۲ رقمی یا کد ملی");
    await operator.say(inPersianDigits(trackingCode));
    const found = await operator.waitForBotMessage("👤 علی محمدی");
    expect(found.text).not.toContain(ALI.nationalId);
    await operator.press("📂 پرونده‌ی نوبت", { messageId: found.message_id });
    const card = await operator.waitForBotMessage("وضعیت: در انتظار");
    // Two presses of one button before the first answer: one check-in.
    const [first, second] = await Promise.all([
      operator.press("✅ پذیرش (حاضر شد)", { messageId: card.message_id }),
      operator.press("✅ پذیرش (حاضر شد)", { messageId: card.message_id }),
    ]);
    const popups = await Promise.all([first, second].map((press) => popupOf(operator, (press as { callback_query: { id: string } }).callback_query.id)));
    expect(popups.sort()).toEqual(["این کار قبلاً انجام شده است؛ دوباره ثبت نشد.", "پذیرش ثبت شد."]);
    await operator.waitForBotMessage("وضعیت: پذیرش شده");
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'visit.check_in' AND subject_id = $1`, [appointmentId])).toBe(1);

    for (const item of ITEMS) {
      const latest = await newestWithButton(operator, `☑️ ${item}`);
      expect(await pressForPopup(operator, `☑️ ${item}`, latest.message_id)).toBe(`«${item}» ثبت شد.`);
      await operator.waitForBotMessage(
        (message) =>
          message.message_id > latest.message_id &&
          operator.buttons(message).includes("💰 ثبت هزینه‌ی تکمیل") &&
          !operator.buttons(message).includes(`☑️ ${item}`),
      );
    }
    const beforeFee = await newestWithButton(operator, "💰 ثبت هزینه‌ی تکمیل");
    expect(await pressForPopup(operator, "🏁 تکمیل و ارسال برای صدور", beforeFee.message_id)).toContain("هزینه‌ی تکمیل ثبت‌نام");
    await operator.press("💰 ثبت هزینه‌ی تکمیل", { messageId: beforeFee.message_id });
    await operator.waitForBotMessage("سقف مجاز: ۹٬۰۰۰ تومان");
    await operator.say("۱۵٬۰۰۰");
    await operator.waitForBotMessage("بیش از تعرفه‌ی قانونی");
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'violation' AND subject_id = $1`, [appointmentId])).toBe(1);
    await operator.press("💰 ثبت هزینه‌ی تکمیل", { messageId: beforeFee.message_id });
    await operator.waitForBotMessage("مبلغ دریافت‌شده");
    await operator.say("9000");
    await operator.waitForBotMessage("هزینه‌ی ۹٬۰۰۰ تومان ثبت شد");
    const ready = await newestWithButton(operator, "🏁 تکمیل و ارسال برای صدور");
    expect(ready.text).toContain("هزینه‌ی دریافت‌شده: ۹٬۰۰۰ تومان");
    expect(await pressForPopup(operator, "🏁 تکمیل و ارسال برای صدور", ready.message_id)).toContain("ثبت‌نام حضوری تکمیل شد");
    expect(await pressForPopup(operator, "🏁 تکمیل و ارسال برای صدور", ready.message_id)).toContain("قبلاً انجام شده");
    const told = await citizen.waitForBotMessage("ثبت‌نام حضوری شما تکمیل شد");
    expect(told.text).toMatch(/بین .*۱۴[۰-۹]{2} و .*۱۴[۰-۹]{2} آماده می‌شود/);
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE message_key = 'visit-completed'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM applications WHERE id = $1::uuid AND status = 'in_production'`, [applicationId])).toBe(1);
  });

  it("imports cards with the CLI, tells the citizen once with a map; the citizen moves the card, which is received and delivered once", async () => {
    const file = join(tmpdir(), `cards-${process.pid}.csv`);
    await writeFile(file, `tracking_code,card_serial,pickup_office_code,issued_date\n${trackingCode},IR-0000123456,${office.code},1405/09/10\n`);
    const env = { DATABASE_URL: world.database.url };
    const imported = await runScript("cards-import.ts", [file], env);
    expect(imported.stdout).toContain("1 cards ready");
    expect(imported.code).toBe(0);
    const readyMessage = await citizen.waitForBotMessage("کارت ملی هوشمند شما آماده‌ی تحویل است");
    expect(readyMessage.text).toContain(office.name);
    expect(readyMessage.text).toContain("۲٬۰۰۰ تومان");
    await citizen.waitForBotMessage((message) => message.kind === "venue");
    expect((await runScript("cards-import.ts", [file], env)).stdout).toContain("0 cards ready at their offices, 1 already recorded");
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE message_key = 'card-ready'`)).toBe(1);
    await writeFile(file, `tracking_code,card_serial,pickup_office_code,issued_date\n${trackingCode},IR-0000123456,${office.code},1405/13/10\n`);
    const bad = await runScript("cards-import.ts", [file], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("line 2: issued_on_invalid_date");

    // The citizen asks where to collect it, and asks for the office nearest to a point in Tehran instead.
    await citizen.press("📍 محل تحویل کارت");
    await citizen.waitForBotMessage("کد ملی ۱۰ رقمی");
    await citizen.say(ALI.nationalId);
    await citizen.waitForBotMessage("کد رهگیری ۱۲ رقمی");
    await citizen.say(trackingCode);
    const where = await citizen.waitForBotMessage("آماده‌ی تحویل است:");
    expect(where.text).toContain(office.name);
    expect(where.text).toMatch(/ساعت کار: .*شنبه/);
    await citizen.waitForBotMessage((message) => message.kind === "venue");
    await citizen.waitForBotMessage("از دفتر دیگری بگیرید");
    await citizen.press("📍 نزدیک‌ترین دفتر به من");
    await citizen.waitForBotMessage("موقعیت خود را");
    await citizen.shareLocation(35.75, 51.45);
    const offices = await citizen.waitForBotMessage("کارت به کدام دفتر منتقل شود");
    await citizen.press(citizen.buttons(offices)[0]!);
    await citizen.waitForBotMessage("درخواست انتقال کارت به");
    await citizen.waitForBotMessage("فرستاده شد و در راه است");
    const { transfer_office_id: target } = await one<{ transfer_office_id: number }>(`SELECT transfer_office_id FROM cards WHERE application_id = $1::uuid`, [
      applicationId,
    ]);
    const { code: targetCode, name: targetName } = await one<{ code: string; name: string }>(`SELECT code, name FROM offices WHERE id = $1`, [target]);

    // An operator of the new office enrols (invite from the command line), receives the card (twice pressed: once).
    const invite = await inviteCommand(db.sql, ["--role", "operator", "--office", targetCode]);
    const receiver = world.api.user(RECEIVING_OPERATOR);
    await receiver.say(invite.lines.join("\n").match(/\/start staff-[A-Za-z0-9_-]+/)![0]);
    await receiver.waitForBotMessage("به بخش کارکنان خوش آمدید");
    await receiver.press("🚚 کارت‌های در راه");
    const incoming = await receiver.waitForBotMessage("کارت‌هایی که به دفتر شما منتقل می‌شوند");
    const label = receiver.buttons(incoming)[0]!;
    expect(await pressForPopup(receiver, label, incoming.message_id)).toContain("دریافت شد");
    expect(await pressForPopup(receiver, label, incoming.message_id)).toContain("قبلاً انجام شده");
    const atNewOffice = await citizen.waitForBotMessage(
      (message) => (message.text ?? "").includes("آماده‌ی تحویل است") && (message.text ?? "").includes(targetName),
    );
    expect(atNewOffice.text).toContain("نگهداری می‌شود");

    // The first operator cannot deliver it any more (not their office), even with a button of the right kind.
    const foreign = await newestWithButton(operator, "📂 پرونده‌ی نوبت");
    const { id: cardId } = await one<{ id: string }>(`SELECT id::text AS id FROM cards WHERE application_id = $1::uuid`, [applicationId]);
    const forged = await operator.forgeCallback(foreign.message_id, staffDeliverData.encode({ userId: OPERATOR, cardId }));
    expect(await popupOf(operator, (forged as { callback_query: { id: string } }).callback_query.id)).toBe("");
    await operator.waitForBotMessage("مربوط به دفتر شما نیست");
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'card.deliver' AND outcome = 'refused' AND subject_id = $1`, [cardId])).toBe(1);

    // Delivery at the new office: identity (a wrong national ID first), fingerprint, holder, fee.
    await receiver.press("🔎 یافتن متقاضی");
    await receiver.waitForBotMessage("کد رهگیری ۱۲ رقمی یا کد ملی");
    await receiver.say(ALI.nationalId);
    const applicant = await receiver.waitForBotMessage("👤 علی محمدی");
    await receiver.press("📦 تحویل کارت", { messageId: applicant.message_id });
    await receiver.waitForBotMessage("کد ملی تحویل‌گیرنده");
    await receiver.say("4806064548");
    await receiver.waitForBotMessage("کد رهگیری ۱۲ رقمی");
    await receiver.say(trackingCode);
    await receiver.waitForBotMessage("با این کارت نمی‌خواند");
    await receiver.say(ALI.nationalId);
    await receiver.waitForBotMessage("کد رهگیری ۱۲ رقمی");
    await receiver.say(trackingCode);
    await receiver.waitForBotMessage("آیا اثر انگشت مطابقت دارد");
    await receiver.press("✅ اثر انگشت مطابقت دارد");
    await receiver.waitForBotMessage("به چه کسی تحویل داده می‌شود");
    await receiver.press("خود صاحب کارت");
    await receiver.waitForBotMessage("هزینه‌ی تحویل دریافت‌شده");
    await receiver.press("۲٬۰۰۰");
    await receiver.waitForBotMessage("کارت تحویل داده شد");
    await citizen.waitForBotMessage("کارت ملی هوشمند شما تحویل داده شد");
    expect(
      await count(
        `SELECT count(*)::int AS n FROM cards WHERE id = $1::uuid AND status = 'delivered' AND delivered_to = 'holder' AND delivery_fee_rial = 20000`,
        [cardId],
      ),
    ).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE message_key = 'card-delivered'`)).toBe(1);

    // The status check shows every step with Jalali dates.
    await citizen.press("🔎 پیگیری وضعیت");
    await citizen.waitForBotMessage("کد ملی ۱۰ رقمی");
    await citizen.say(ALI.nationalId);
    await citizen.waitForBotMessage("کد رهگیری ۱۲ رقمی");
    await citizen.say(trackingCode);
    const status = await citizen.waitForBotMessage("سابقه:");
    for (const stage of ["در دفتر پذیرش شد", "در حال صدور کارت", "کارت آماده‌ی تحویل است", "کارت در راه دفتر دیگر است", "کارت تحویل داده شد"]) {
      expect(status.text).toMatch(new RegExp(`• ${stage}: .*۱۴[۰-۹]{2}`));
    }
  });

  it("refuses forged staff buttons and commands in a citizen's chat, and a revoked operator's old buttons", async () => {
    const warnings = () => bot.logs.filter((line) => line.msg === "staff action refused").length;
    const before = warnings();
    const audit = await count(`SELECT count(*)::int AS n FROM audit_log`);
    const { id: second } = await one<{ id: string }>(
      `INSERT INTO applications (national_id, birth_date, first_name, last_name, father_name, mobile, landline, postal_code, address, city_id, chat_id, status, tracking_code, fee_rial)
       VALUES ('4806064548', '1365/11/30', 'زهرا', 'احمدی', 'محمد', '09121234568', '02188776655', '1345678911', 'تهران', 399, 5301, 'paid', '100000000003', 200000) RETURNING id::text AS id`,
    );
    const appointmentId = await bookNow(second, office.id);
    const someMessage = (await citizen.botMessages()).at(-1)!;
    for (const data of [
      staffCheckInData.encode({ userId: CITIZEN, appointmentId }),
      staffCheckInData.encode({ userId: OPERATOR, appointmentId }),
      staffRevokeData.encode({ userId: ADMIN, memberId: 1 }),
    ]) {
      const forged = await citizen.forgeCallback(someMessage.message_id, data);
      expect(await popupOf(citizen, (forged as { callback_query: { id: string } }).callback_query.id)).toContain("فقط برای کارکنان مجاز است");
    }
    await citizen.say("📋 نوبت‌های امروز");
    await citizen.waitForBotMessage("فقط برای کارکنان مجاز است");
    await citizen.say("/staff");
    await citizen.waitForBotMessage("فقط برای کارکنان مجاز است");
    expect(warnings()).toBe(before + 5);
    expect(await count(`SELECT count(*)::int AS n FROM appointments WHERE id = $1::uuid AND status = 'active'`, [appointmentId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(audit);

    // The operator opens today's list (a button to check this appointment in), then the admin revokes them.
    await operator.press("📋 نوبت‌های امروز");
    const list = await operator.waitForBotMessage((message) => operator.buttons(message).some((label) => label.includes("زهرا")));
    await operator.press(operator.buttons(list).find((label) => label.includes("زهرا"))!, { messageId: list.message_id });
    const visit = await operator.waitForBotMessage("👤 زهرا احمدی");
    await admin.press("⛔ لغو دسترسی");
    const members = await admin.waitForBotMessage("دسترسی چه کسی لغو شود");
    const { id: memberId } = await one<{ id: number }>(`SELECT id FROM staff_members WHERE user_id = $1 AND revoked_at IS NULL`, [OPERATOR]);
    const entry = admin.buttons(members).find((label) => label.startsWith(`⛔ ${inPersianDigits(String(memberId))} — `))!;
    expect(await pressForPopup(admin, entry, members.message_id)).toContain("دسترسی لغو شد");
    expect(await pressForPopup(operator, "✅ پذیرش (حاضر شد)", visit.message_id)).toContain("فقط برای کارکنان مجاز است");
    expect(await count(`SELECT count(*)::int AS n FROM appointments WHERE id = $1::uuid AND status = 'active'`, [appointmentId])).toBe(1);
    await operator.say("/start");
    const menu = await operator.waitForBotMessage("خوش آمدید");
    expect(operator.buttons(menu)).not.toContain("📋 نوبت‌های امروز");
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'staff.revoke' AND actor_member_id IS NOT NULL`)).toBe(1);

    // The admin reads the office's trail, paged, newest first.
    await admin.press("🧾 سابقه‌ی یک دفتر");
    await admin.waitForBotMessage("کد دفتری که سابقه‌اش");
    await admin.say(office.code);
    const trail = await admin.waitForBotMessage("🧾 سابقه‌ی");
    expect(trail.text).toContain("لغو دسترسی");
    expect(admin.buttons(trail)).toContain("بعدی ▶️");
  });
});
