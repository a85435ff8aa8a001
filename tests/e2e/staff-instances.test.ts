// Staff actions through two webhook instances behind a load balancer that delivers every update to both:
// one check-in for two presses, one delivery and one message to the citizen each.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTrackingCode } from "../../src/domain/application/tracking-code.js";
import { jalaliDateInTehran } from "../../src/domain/time/tehran-clock.js";
import { importCardsCsv } from "../../src/infrastructure/cards/import-cards.js";
import { createSqlBookingStore } from "../../src/infrastructure/database/booking-store.js";
import type { Database } from "../../src/infrastructure/database/database.js";
import { inviteCommand } from "../../src/infrastructure/staff/staff-commands.js";
import { createBotWorld, newWebhookSecret, startLoadBalancer, type BotWorld, type LoadBalancer } from "../support/bot-fixture.js";
import { ALI } from "./citizen-steps.js";
import { popupOf } from "./staff-steps.js";

describe("staff actions on two webhook instances, every update delivered twice", () => {
  let world: BotWorld;
  let balancer: LoadBalancer;
  let db: Database;

  beforeAll(async () => {
    world = await createBotWorld();
    balancer = await startLoadBalancer();
    const webhookEnv = { BOT_MODE: "webhook", PUBLIC_URL: balancer.url, WEBHOOK_SECRET: newWebhookSecret() };
    const instances = [await world.startBot(webhookEnv), await world.startBot(webhookEnv)];
    balancer.setTargets(instances.map((instance) => instance.httpUrl));
    db = world.database.open();
  });
  afterAll(async () => {
    await db?.close();
    await world?.close();
    await balancer?.close();
  });

  const count = async (sql: string, params: unknown[] = []) => (await db.sql.query<{ n: number }>(sql, params))[0]!.n;

  it("checks in once, delivers once and tells the citizen once", async () => {
    const [office] = await db.sql.query<{ id: number; code: string }>(`SELECT id, code FROM offices WHERE city_id = 399 AND active ORDER BY code LIMIT 1`);
    const citizen = world.api.user(7201);
    await citizen.say("/start");
    await citizen.waitForBotMessage("خوش آمدید");
    const trackingCode = generateTrackingCode(randomInt);
    const [application] = await db.sql.query<{ id: string }>(
      `INSERT INTO applications (national_id, birth_date, first_name, last_name, father_name, mobile, landline, postal_code, address, city_id, chat_id, status, tracking_code, fee_rial)
       VALUES ($1, $2, 'علی', 'محمدی', 'حسن', '09121234567', '02188776655', '1345678911', 'تهران', 399, 7201, 'paid', $3, 200000) RETURNING id::text AS id`,
      [ALI.nationalId, ALI.birthDate, trackingCode],
    );
    const startsAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);
    const booked = await createSqlBookingStore(db.sql).book({
      applicationId: application!.id,
      officeId: office!.id,
      startsAt,
      day: jalaliDateInTehran(startsAt),
      now: new Date(),
    });
    expect(booked.kind).toBe("booked");
    const appointmentId = (booked as { appointmentId: string }).appointmentId;

    balancer.duplicate = true;
    const operator = world.api.user(7101);
    const invite = await inviteCommand(db.sql, ["--role", "operator", "--office", office!.code]);
    await operator.say(invite.lines.join("\n").match(/\/start staff-[A-Za-z0-9_-]+/)![0]);
    await operator.waitForBotMessage("به بخش کارکنان خوش آمدید");
    await operator.press("🔎 یافتن متقاضی");
    await operator.waitForBotMessage("کد رهگیری ۱۲ رقمی یا کد ملی");
    await operator.say(trackingCode);
    const found = await operator.waitForBotMessage("👤 علی محمدی");
    await operator.press("📂 پرونده‌ی نوبت", { messageId: found.message_id });
    const card = await operator.waitForBotMessage("وضعیت: در انتظار");
    const presses = [
      await operator.press("✅ پذیرش (حاضر شد)", { messageId: card.message_id }),
      await operator.press("✅ پذیرش (حاضر شد)", { messageId: card.message_id }),
    ];
    const popups = await Promise.all(presses.map((press) => popupOf(operator, (press as { callback_query: { id: string } }).callback_query.id)));
    expect(popups.sort()).toEqual(["این کار قبلاً انجام شده است؛ دوباره ثبت نشد.", "پذیرش ثبت شد."]);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'visit.check_in' AND subject_id = $1`, [appointmentId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM application_events WHERE application_id = $1::uuid AND status = 'checked_in'`, [application!.id])).toBe(
      1,
    );

    // The rest of the visit is recorded directly; the card comes back ready at this office.
    await db.sql.query(`UPDATE appointments SET status = 'completed', completed_at = now() WHERE id = $1::uuid`, [appointmentId]);
    // Through the one writer of application status, from whatever state the visit left it in.
    await db.sql.query(`SELECT application_move(ARRAY[$1::uuid], ARRAY[(SELECT status FROM applications WHERE id = $1::uuid)], 'in_production', now())`, [
      application!.id,
    ]);
    const imported = await importCardsCsv(
      db.sql,
      `tracking_code,card_serial,pickup_office_code,issued_date\n${trackingCode},IR-0000777000,${office!.code},1405/09/10\n`,
      { deliveryRial: 20_000 },
    );
    expect(imported).toMatchObject({ ok: true, imported: 1 });

    await operator.press("🔎 یافتن متقاضی");
    await operator.waitForBotMessage("کد رهگیری ۱۲ رقمی یا کد ملی");
    await operator.say(ALI.nationalId);
    const applicant = await operator.waitForBotMessage((message) => (message.text ?? "").includes("👤 علی محمدی") && message.message_id > found.message_id);
    await operator.press("📦 تحویل کارت", { messageId: applicant.message_id });
    await operator.waitForBotMessage("کد ملی تحویل‌گیرنده");
    await operator.say(ALI.nationalId);
    await operator.waitForBotMessage("کد رهگیری ۱۲ رقمی");
    await operator.say(trackingCode);
    await operator.waitForBotMessage("آیا اثر انگشت مطابقت دارد");
    await operator.press("✅ اثر انگشت مطابقت دارد");
    await operator.waitForBotMessage("به چه کسی تحویل داده می‌شود");
    await operator.press("نماینده‌ی صاحب کارت");
    await operator.waitForBotMessage("نام و نام خانوادگی نماینده");
    await operator.say("حسن محمدی");
    await operator.waitForBotMessage("کد ملی نماینده");
    await operator.say("4806064548");
    await operator.waitForBotMessage("هزینه‌ی تحویل دریافت‌شده");
    await operator.say("۲۰۰۰");
    await operator.waitForBotMessage("کارت تحویل داده شد");
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a duplicate answer to show up
    const delivered = (await operator.botMessages()).filter((message) => (message.text ?? "").includes("کارت تحویل داده شد"));
    expect(delivered).toHaveLength(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'card.deliver' AND outcome = 'done'`)).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM cards WHERE status = 'delivered' AND delivered_to = 'representative' AND representative_name = 'حسن محمدی'`),
    ).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE message_key = 'card-delivered-representative'`)).toBe(1);
    await citizen.waitForBotMessage("به نماینده‌تان، حسن محمدی، تحویل داده شد");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await citizen.botMessages()).filter((message) => (message.text ?? "").includes("به نماینده‌تان"))).toHaveLength(1);
  });
});
