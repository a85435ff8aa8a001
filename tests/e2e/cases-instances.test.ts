// Staff actions on a case with two webhook instances behind a load balancer that delivers every update twice:
// two agents pressing "take" at once, each press reaching both instances, give one take, one message to the
// citizen, one audit row; a question typed in a conversation reaches the citizen once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CASE_LIMITS } from "../../src/domain/cases/case-limits.js";
import { createSqlCaseStore } from "../../src/infrastructure/database/cases/case-store.js";
import type { Database } from "../../src/infrastructure/database/database.js";
import { createBotWorld, newWebhookSecret, startLoadBalancer, type BotWorld, type LoadBalancer } from "../support/bot-fixture.js";
import { openFromQueue, SAMPLE_STAFF } from "./case-steps.js";

describe("case staff actions on two instances, every update delivered twice", () => {
  let world: BotWorld;
  let balancer: LoadBalancer;
  let db: Database;

  beforeAll(async () => {
    world = await createBotWorld();
    balancer = await startLoadBalancer();
    const env = { BOT_MODE: "webhook", PUBLIC_URL: balancer.url, WEBHOOK_SECRET: newWebhookSecret() };
    const instances = [await world.startBot(env), await world.startBot(env)];
    balancer.setTargets(instances.map((instance) => instance.httpUrl));
    db = world.database.open();
  });
  afterAll(async () => {
    await db.close();
    await world.close();
    await balancer.close();
  });

  it("takes once, asks once, tells the citizen once", async () => {
    const citizen = world.api.user(9301);
    await citizen.say("/start");
    await citizen.waitForBotMessage("خوش آمدید");
    const opened = await createSqlCaseStore(db.sql).openCase({
      kind: "complaint",
      chatId: 9301,
      officeType: "pishkhan",
      summary: "two instances",
      details: {},
      description: "The office was closed in its hours.",
      requestKey: randomUUID(),
      limits: DEFAULT_CASE_LIMITS,
      now: new Date(),
    });
    if (opened.kind !== "opened") throw new Error("not opened");

    const agent = world.api.user(SAMPLE_STAFF.pishkhanAgent);
    const supervisor = world.api.user(SAMPLE_STAFF.pishkhanSupervisor);
    const agentCard = await openFromQueue(agent, "🆕", opened.number);
    const supervisorCard = await openFromQueue(supervisor, "🆕", opened.number);

    balancer.duplicate = true;
    await Promise.all([
      agent.press("✋ برداشتن", { messageId: agentCard.message_id }),
      supervisor.press("✋ برداشتن", { messageId: supervisorCard.message_id }),
    ]);
    await citizen.waitForBotMessage("کارشناس رسیدگی به پرونده‌ی شما را آغاز کرد");
    const [row] = await db.sql.query<{ assignee_user: string }>(
      `SELECT m.user_id::text AS assignee_user FROM cases c JOIN staff_members m ON m.id = c.assignee_id WHERE c.id = $1::uuid`,
      [opened.caseId],
    );
    const taker = Number(row!.assignee_user) === SAMPLE_STAFF.pishkhanAgent ? agent : supervisor;
    const card = await taker.waitForBotMessage((m) => taker.buttons(m).some((b) => b.startsWith("❓")));
    await taker.press("❓ پرسش از شهروند", { messageId: card.message_id });
    await taker.waitForBotMessage("پرسش از شهروند را بنویسید");
    await taker.say("ساعت دقیق مراجعه‌ی شما چه بود؟");
    await taker.waitForBotMessage("منتظر پاسخ شما");
    await citizen.waitForBotMessage("کارشناس پرسیده است");
    balancer.duplicate = false;

    const count = async (sql: string) => (await db.sql.query<{ n: number }>(sql, [opened.caseId]))[0]!.n;
    expect(await count(`SELECT count(*)::int AS n FROM case_entries WHERE case_id = $1::uuid AND kind = 'taken'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM case_entries WHERE case_id = $1::uuid AND kind = 'question'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1::text AND action = 'case.take' AND outcome = 'done'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1::text AND action = 'case.ask' AND outcome = 'done'`)).toBe(1);
    const told = (await citizen.botMessages()).filter((m) => /آغاز کرد|پرسیده است/.test(m.text ?? ""));
    expect(told).toHaveLength(2);
  });
});
