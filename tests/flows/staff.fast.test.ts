// Staff journeys in process (fast): leaving one returns to the staff menu; a wrong office code is asked again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomInt } from "node:crypto";
import { generateTrackingCode } from "../../src/domain/application/tracking-code.js";
import { importCardsCsv } from "../../src/infrastructure/cards/import-cards.js";
import { firstAdminCommand } from "../../src/infrastructure/staff/staff-commands.js";
import { startFastBot, type FastBot } from "../support/fast-bot.js";

describe("staff journeys", () => {
  let bot: FastBot;
  beforeAll(async () => {
    bot = await startFastBot();
  });
  afterAll(() => bot.close());

  it("goes back to the staff menu, not the citizen's, when an admin cancels an invite", async () => {
    expect((await firstAdminCommand(bot.database.sql, ["--user-id", "6601"])).exitCode).toBe(0);
    const admin = bot.user(6601, { first_name: "مدیر" });
    const menu = await admin.say("/start");
    expect(menu.at(-1)?.text).toContain(
      bot
        .translate("staff-menu-hello", { role: bot.translate("staff-role-admin"), office: "" })
        .split("\n")[0]!
        .trim(),
    );
    await admin.press(bot.translate("staff-menu-invite"));
    await admin.press(bot.translate("staff-role-operator"));
    const wrong = await admin.say("no-such-office");
    expect(wrong.map((reply) => reply.text)).toContain(bot.translate("staff-office-code-error-unknown"));
    await admin.press(bot.translate("flow-cancel"));
    expect(admin.buttons()).toContain(bot.translate("staff-menu-invite"));
    expect(admin.buttons()).not.toContain(bot.translate("menu-pre-registration"));
  });

  it("records a citizen's chat on /start, with or without a payload, and not a staff member's; a revoked member's /start is a citizen's", async () => {
    const chatOf = async (id: number) => (await bot.database.sql.query(`SELECT id FROM chats WHERE id = $1`, [id])).length;
    const citizen = bot.user(6611);
    expect((await citizen.say("/start")).at(-1)?.replyMarkup).toBeDefined();
    expect(await chatOf(6611)).toBe(1);
    const linked = bot.user(6612);
    await linked.say("/start from-a-link");
    expect(await chatOf(6612)).toBe(1);

    expect((await firstAdminCommand(bot.database.sql, ["--user-id", "6613"])).exitCode).toBe(0);
    const admin = bot.user(6613);
    await admin.say("/start");
    expect(admin.buttons()).toContain(bot.translate("staff-menu-invite"));
    expect(await chatOf(6613)).toBe(0);
    await bot.database.sql.query(`UPDATE staff_members SET revoked_at = now() WHERE user_id = 6613`);
    await admin.say("/start");
    expect(admin.buttons()).toContain(bot.translate("menu-pre-registration"));
    expect(await chatOf(6613)).toBe(1);
  });

  it("refuses /staff to a citizen, politely", async () => {
    const citizen = bot.user(6602);
    const replies = await citizen.say("/staff");
    expect(replies.at(-1)?.text).toBe(bot.translate("staff-refused"));
  });

  it("moves a ready card to an office chosen by province and city; the journey says it is in transit", async () => {
    const citizen = bot.user(6603, { first_name: "زهرا" });
    const trackingCode = generateTrackingCode(randomInt);
    const [application] = await bot.database.sql.query<{ id: string }>(
      `INSERT INTO applications (national_id, birth_date, first_name, last_name, father_name, mobile, landline, postal_code, address, city_id, chat_id, status, tracking_code, fee_rial)
       VALUES ('4806064548', '1365/11/30', 'زهرا', 'احمدی', 'محمد', '09121234568', '02188776655', '1345678911', 'تهران', 399, 6603, 'in_production', $1, 200000) RETURNING id::text AS id`,
      [trackingCode],
    );
    const [office] = await bot.database.sql.query<{ code: string; name: string }>(
      `SELECT code, name FROM offices WHERE city_id = 399 AND active ORDER BY code LIMIT 1`,
    );
    expect(
      await importCardsCsv(
        bot.database.sql,
        `tracking_code,card_serial,pickup_office_code,issued_date\n${trackingCode},IR-0000660300,${office!.code},1405/09/10\n`,
        { deliveryRial: 20_000 },
      ),
    ).toMatchObject({ ok: true, imported: 1 });

    await citizen.say("/start");
    await citizen.press(bot.translate("menu-pickup"));
    await citizen.say("۴۸۰۶۰۶۴۵۴۸");
    const where = await citizen.say(trackingCode);
    expect(where.map((reply) => reply.text ?? "").join("\n")).toContain(office!.name);
    expect(where.some((reply) => reply.method === "sendVenue")).toBe(true);
    await citizen.press(bot.translate("pickup-change-city"));
    await citizen.press("اصفهان");
    const offices = await citizen.press("اصفهان");
    expect(offices.map((reply) => reply.text ?? "").join("\n")).toContain(bot.translate("pickup-ask-office"));
    const first = citizen.buttons().find((label) => /^[۰-۹]+\. /.test(label))!;
    const done = await citizen.press(first);
    expect(done.at(-1)?.text).toContain(bot.translate("pickup-transfer-requested", { office: first.replace(/^[۰-۹]+\. /, "") }).split("\n")[0]!);
    const [card] = await bot.database.sql.query<{ status: string; city_id: number }>(
      `SELECT c.status, o.city_id FROM cards c JOIN offices o ON o.id = c.transfer_office_id WHERE c.application_id = $1::uuid`,
      [application!.id],
    );
    expect(card).toMatchObject({ status: "in_transit" });
    expect(card!.city_id).not.toBe(399);
    // Asked again, the journey says where the card is going.
    await citizen.press(bot.translate("menu-pickup"));
    await citizen.say("4806064548");
    const again = await citizen.say(trackingCode);
    expect(again.at(-1)?.text).toContain(bot.translate("pickup-in-transit", { name: "زهرا", office: first.replace(/^[۰-۹]+\. /, "") }).split("\n")[0]!);
  });
});
