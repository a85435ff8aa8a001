// The case store on real PostgreSQL: routing from the table, one result under double presses, internal entries
// never reaching a citizen, role and scope checked and audited, escalation once, home visits moving applications.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CASE_LIMITS } from "../../../src/domain/cases/case-limits.js";
import type { CaseStore, NewCase } from "../../../src/domain/cases/case-store.js";
import type { StaffActor } from "../../../src/domain/cases/staff-actor.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlCaseStore } from "../../../src/infrastructure/database/cases/case-store.js";
import { openCasesForFeeViolations } from "../../../src/infrastructure/database/cases/fee-violation-cases.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { insertOffice, insertStaff, prepareCaseData, TEHRAN_PROVINCE, unitId } from "./case-fixtures.js";

let chatCounter = 5_000;
const newChat = () => ++chatCounter;
let keyCounter = 0;
const key = () => `test-${process.pid}-${++keyCounter}`;

describe("case store (PostgreSQL)", () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: CaseStore;
  let pishkhanOffice: number;
  let postOffice: number;
  let pishkhanUnit: number;
  let civilUnit: number;
  let agent: StaffActor;
  let otherAgent: StaffActor;
  let civilAgent: StaffActor;
  let supervisor: StaffActor;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    await prepareCaseData(db);
    store = createSqlCaseStore(db.sql);
    pishkhanOffice = await insertOffice(db, "pishkhan");
    postOffice = await insertOffice(db, "post");
    pishkhanUnit = await unitId(db, "pishkhan-hotline");
    civilUnit = await unitId(db, "civil-registration-hotline");
    agent = await insertStaff(db, "hotline_agent", pishkhanUnit);
    otherAgent = await insertStaff(db, "hotline_agent", pishkhanUnit);
    supervisor = await insertStaff(db, "supervisor", pishkhanUnit);
    civilAgent = await insertStaff(db, "hotline_agent", civilUnit);
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const report = (chatId: number, extra: Partial<NewCase> = {}): NewCase => ({
    kind: "overcharge",
    chatId,
    officeId: pishkhanOffice,
    officeType: "pishkhan",
    provinceId: TEHRAN_PROVINCE,
    summary: "charged 45,000 toman",
    details: { overRial: 140_000 },
    description: "They asked for 45,000 toman for the completion.",
    requestKey: key(),
    limits: DEFAULT_CASE_LIMITS,
    now: new Date(),
    ...extra,
  });

  const notificationsOf = (chatId: number) =>
    db.sql.query<{ message_key: string; params: Record<string, string> }>(`SELECT message_key, params FROM notifications WHERE chat_id = $1 ORDER BY id`, [
      chatId,
    ]);

  it("routes by the table: office type to its hotline, home service to the province's unit; an admin's change applies", async () => {
    const pishkhan = await store.openCase(report(newChat()));
    expect(pishkhan).toMatchObject({ kind: "opened", unit: { code: "pishkhan-hotline", phones: ["021-61912222"] } });
    const post = await store.openCase(report(newChat(), { officeId: postOffice, officeType: "post" }));
    expect(post).toMatchObject({ kind: "opened", unit: { code: "post-hotline", phones: ["021-84470000"] } });
    const home = await store.openCase(report(newChat(), { kind: "home_service", officeId: null, officeType: null }));
    expect(home).toMatchObject({ kind: "opened", unit: { code: `home-service-${TEHRAN_PROVINCE}`, kind: "home_service" } });

    await db.sql.query(`UPDATE case_routes SET unit_id = $1 WHERE case_kind = 'overcharge' AND office_type = 'post'`, [civilUnit]);
    const rerouted = await store.openCase(report(newChat(), { officeId: postOffice, officeType: "post" }));
    expect(rerouted).toMatchObject({ kind: "opened", unit: { code: "civil-registration-hotline" } });
    await db.sql.query(
      `UPDATE case_routes SET unit_id = (SELECT id FROM staff_units WHERE code = 'post-hotline') WHERE case_kind = 'overcharge' AND office_type = 'post'`,
    );
  });

  it("gives readable numbers with a check digit, once per request, and limits open and daily cases", async () => {
    const chat = newChat();
    const first = report(chat);
    const a = await store.openCase(first);
    const again = await store.openCase(first);
    expect(a.kind === "opened" && again.kind === "opened" && again.caseId === a.caseId).toBe(true);
    expect(a.kind === "opened" && a.number).toMatch(/^[0-9]{8}$/);
    await store.openCase(report(chat));
    await store.openCase(report(chat));
    expect(await store.openCase(report(chat))).toEqual({ kind: "refused", refusal: { reason: "too_many_open" } });
    const cases = await store.casesOfChat(chat);
    expect(cases).toHaveLength(3);
    await store.citizenClose({ caseId: cases[0]!.id, chatId: chat, now: new Date() });
    const daily = await store.openCase(report(chat));
    expect(daily).toMatchObject({ kind: "refused", refusal: { reason: "too_many_today" } });
  });

  it("takes once under two presses at once, relays the question and the answer, forwards, resolves, rates; the citizen never sees a note", async () => {
    const chat = newChat();
    const opened = await store.openCase(report(chat));
    if (opened.kind !== "opened") throw new Error("not opened");
    const caseId = opened.caseId;

    const presses = await Promise.all([
      store.staffAct({ caseId, actor: agent, action: { kind: "take" }, requestKey: key(), now: new Date() }),
      store.staffAct({ caseId, actor: otherAgent, action: { kind: "take" }, requestKey: key(), now: new Date() }),
    ]);
    expect(presses.filter((p) => p.kind === "done")).toHaveLength(1);
    const taker = presses[0]!.kind === "done" ? agent : otherAgent;
    expect(await store.staffAct({ caseId, actor: taker, action: { kind: "take" }, requestKey: key(), now: new Date() })).toEqual({ kind: "already" });

    await store.staffAct({
      caseId,
      actor: taker,
      action: { kind: "note", text: "SECRET internal: office has prior reports" },
      requestKey: key(),
      now: new Date(),
    });
    const askKey = key();
    expect(
      await store.staffAct({ caseId, actor: taker, action: { kind: "ask", text: "Do you have the receipt?" }, requestKey: askKey, now: new Date() }),
    ).toMatchObject({ kind: "done", status: "waiting_citizen" });
    expect(
      await store.staffAct({ caseId, actor: taker, action: { kind: "ask", text: "Do you have the receipt?" }, requestKey: askKey, now: new Date() }),
    ).toEqual({ kind: "already" });
    expect(
      await store.citizenAddInfo({
        caseId,
        chatId: chat,
        text: "Yes, attached",
        attachment: { purpose: "photo", fileId: "file-1" },
        requestKey: key(),
        now: new Date(),
      }),
    ).toMatchObject({ status: "taken" });
    expect(await store.citizenAddInfo({ caseId, chatId: chat + 1, text: "not mine", requestKey: key(), now: new Date() })).toEqual({ kind: "not_found" });

    expect(
      await store.staffAct({
        caseId,
        actor: taker,
        action: { kind: "forward", toUnitId: civilUnit, text: "SECRET forward note" },
        requestKey: key(),
        now: new Date(),
      }),
    ).toMatchObject({ status: "forwarded" });
    expect(await store.staffAct({ caseId, actor: taker, action: { kind: "resolve", text: "x" }, requestKey: key(), now: new Date() })).toEqual({
      kind: "out_of_scope",
    });
    await store.staffAct({ caseId, actor: civilAgent, action: { kind: "take" }, requestKey: key(), now: new Date() });
    expect(
      await store.staffAct({
        caseId,
        actor: civilAgent,
        action: { kind: "resolve", text: "The office was warned and refunds you." },
        requestKey: key(),
        now: new Date(),
      }),
    ).toMatchObject({ status: "resolved" });
    expect(await store.citizenRate({ caseId, chatId: chat, rating: 5, now: new Date() })).toMatchObject({ kind: "done" });
    expect(await store.citizenRate({ caseId, chatId: chat, rating: 1, now: new Date() })).toEqual({ kind: "already" });

    const seen = await store.caseForChat(caseId, chat);
    expect(seen!.entries.map((e) => e.kind)).toEqual(["opened", "taken", "question", "answer", "forwarded", "taken", "resolution", "rated"]);
    expect(JSON.stringify(seen)).not.toContain("SECRET");
    const sent = await notificationsOf(chat);
    expect(sent.map((n) => n.message_key)).toEqual([
      "case-notify-taken",
      "case-notify-question",
      "case-notify-forwarded",
      "case-notify-taken",
      "case-notify-resolution",
    ]);
    expect(JSON.stringify(sent)).not.toContain("SECRET");
    const staffView = await store.caseForStaff({ caseId }, civilAgent);
    expect(staffView !== "out_of_scope" && staffView!.entries.filter((e) => e.kind === "note").map((e) => e.text)).toContain("SECRET forward note");
    expect(staffView !== "out_of_scope" && staffView!.rating).toBe(5);

    const audited = await db.sql.query<{ action: string; outcome: string }>(`SELECT action, outcome FROM audit_log WHERE subject_id = $1 ORDER BY id`, [
      caseId,
    ]);
    expect(audited.filter((a) => a.outcome === "done").map((a) => a.action)).toEqual([
      "case.take",
      "case.note",
      "case.ask",
      "case.forward",
      "case.take",
      "case.resolve",
    ]);
    expect(audited.filter((a) => a.outcome === "refused").map((a) => a.action)).toEqual(["case.resolve"]);
  });

  it("refuses, in the database, any notification that would carry an internal entry to a citizen", async () => {
    const chat = newChat();
    const opened = await store.openCase(report(chat));
    if (opened.kind !== "opened") throw new Error("not opened");
    await store.staffAct({ caseId: opened.caseId, actor: agent, action: { kind: "take" }, requestKey: key(), now: new Date() });
    await store.staffAct({ caseId: opened.caseId, actor: agent, action: { kind: "note", text: "internal only" }, requestKey: key(), now: new Date() });
    const [note] = await db.sql.query<{ id: string }>(`SELECT id::text AS id FROM case_entries WHERE case_id = $1::uuid AND kind = 'note'`, [opened.caseId]);
    const [visible] = await db.sql.query<{ id: string }>(`SELECT id::text AS id FROM case_entries WHERE case_id = $1::uuid AND kind = 'taken'`, [
      opened.caseId,
    ]);
    const insert = (dedup: string, chatId: number, messageKey = "case-notify-note") =>
      db.sql.query(`INSERT INTO notifications (dedup_key, chat_id, message_key, params) VALUES ($1, $2, $3, '{}')`, [dedup, chatId, messageKey]);
    await expect(insert(`case-entry:${note!.id}`, chat)).rejects.toThrow(/not visible/);
    await expect(insert(`something-else:${note!.id}`, chat)).rejects.toThrow(/must name their entry/);
    await expect(insert(`case-entry:${visible!.id}-again`, chat + 1, "case-notify-taken")).rejects.toThrow();
    await expect(db.sql.query(`UPDATE case_entries SET visibility = 'citizen' WHERE id = $1`, [note!.id])).rejects.toThrow(/notes_internal/);
    await expect(
      db.sql.query(`INSERT INTO case_entries (case_id, kind, author) VALUES ($1::uuid, 'question', 'system') RETURNING visibility`, [opened.caseId]),
    ).resolves.toEqual([{ visibility: "internal" }]);
  });

  it("checks role and scope on the server and audits a refusal", async () => {
    const chat = newChat();
    const opened = await store.openCase(report(chat));
    if (opened.kind !== "opened") throw new Error("not opened");
    const citizenPretending: StaffActor = { ...agent, role: "operator" };
    expect(await store.staffAct({ caseId: opened.caseId, actor: citizenPretending, action: { kind: "take" }, requestKey: key(), now: new Date() })).toEqual({
      kind: "out_of_scope",
    });
    expect(await store.staffAct({ caseId: opened.caseId, actor: civilAgent, action: { kind: "take" }, requestKey: key(), now: new Date() })).toEqual({
      kind: "out_of_scope",
    });
    expect(await store.caseForStaff({ caseId: opened.caseId }, civilAgent)).toBe("out_of_scope");
    expect(
      await store.staffAct({
        caseId: opened.caseId,
        actor: agent,
        action: { kind: "reassign", toMemberId: otherAgent.memberId },
        requestKey: key(),
        now: new Date(),
      }),
    ).toEqual({ kind: "out_of_scope" });
    expect(
      await store.staffAct({
        caseId: opened.caseId,
        actor: supervisor,
        action: { kind: "reassign", toMemberId: otherAgent.memberId },
        requestKey: key(),
        now: new Date(),
      }),
    ).toMatchObject({ kind: "done", status: "taken" });
    const [refused] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND outcome = 'refused'`, [
      opened.caseId,
    ]);
    expect(refused!.n).toBe(3);
  });

  it("escalates an overdue case once, to the unit's supervisors, and shows it in the overdue queue", async () => {
    const chat = newChat();
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    const opened = await store.openCase(report(chat, { now: longAgo }));
    if (opened.kind !== "opened") throw new Error("not opened");
    const overdue = await store.queue({ actor: agent, filter: "overdue", page: 0, pageSize: 50, now: new Date() });
    expect(overdue.items.map((c) => c.id)).toContain(opened.caseId);
    const [first, second] = await Promise.all([store.escalateOverdue(new Date()), store.escalateOverdue(new Date())]);
    const all = [...first!, ...second!].filter((e) => e.caseId === opened.caseId);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ reason: "first_response", supervisorChats: [supervisor.userId] });
    expect(await store.escalateOverdue(new Date())).toEqual([]);
    const [posted] = await db.sql.query<{ message_key: string }>(`SELECT message_key FROM notifications WHERE chat_id = $1`, [supervisor.userId]);
    expect(posted?.message_key).toBe("staff-case-overdue");
    const view = await store.caseForChat(opened.caseId, chat);
    expect(view!.entries.map((e) => e.kind)).not.toContain("escalated");
  });

  it("home service: a visit proposed, confirmed and recorded moves the household's applications; an unvisited request escalates", async () => {
    const homeUnit = await unitId(db, `home-service-${TEHRAN_PROVINCE}`);
    const homeAgent = await insertStaff(db, "hotline_agent", homeUnit);
    const apps = await db.sql.query<{ id: string }>(
      `INSERT INTO applications (national_id, birth_date, first_name, last_name, father_name, mobile, landline, postal_code, address, city_id, chat_id, status, fee_rial, tracking_code)
       VALUES ('0000000001', '1340/01/01', 'a', 'b', 'c', '09120000000', '02100000000', '1111111111', 'x', 399, 1, 'paid', 1, '111122223333'),
              ('0000000002', '1345/01/01', 'a', 'b', 'c', '09120000000', '02100000000', '1111111111', 'x', 399, 1, 'ready_for_pickup', 1, '111122224444')
       RETURNING id::text AS id`,
    );
    await db.sql.query(
      `INSERT INTO cards (application_id, serial, issued_on, office_id, ready_at, held_until) VALUES ($1::uuid, 'HS-1', current_date, $2, now(), now() + interval '90 days')`,
      [apps[1]!.id, pishkhanOffice],
    );
    const chat = newChat();
    const opened = await store.openCase(
      report(chat, {
        kind: "home_service",
        officeId: null,
        officeType: null,
        members: [
          { nationalId: "0000000001", birthDate: "1340/01/01", firstName: "a", applicationId: apps[0]!.id },
          { nationalId: "0000000002", birthDate: "1345/01/01", firstName: "a", applicationId: apps[1]!.id },
        ],
      }),
    );
    if (opened.kind !== "opened") throw new Error("not opened");
    const at = new Date(Date.now() + 2 * 86_400_000);
    expect(await store.proposeVisit({ caseId: opened.caseId, actor: agent, startsAt: at, requestKey: key(), now: new Date() })).toEqual({
      kind: "out_of_scope",
    });
    expect(await store.proposeVisit({ caseId: opened.caseId, actor: homeAgent, startsAt: at, requestKey: key(), now: new Date() })).toMatchObject({
      kind: "done",
    });
    expect(await store.proposeVisit({ caseId: opened.caseId, actor: homeAgent, startsAt: at, requestKey: key(), now: new Date() })).toEqual({
      kind: "already",
    });
    const view = await store.caseForChat(opened.caseId, chat);
    const visitId = view!.openVisit!.id;
    expect(await store.answerVisit({ visitId, chatId: chat + 1, accept: true, now: new Date() })).toEqual({ kind: "not_found" });
    const answers = await Promise.all([
      store.answerVisit({ visitId, chatId: chat, accept: true, now: new Date() }),
      store.answerVisit({ visitId, chatId: chat, accept: true, now: new Date() }),
    ]);
    expect(answers.map((a) => a.kind).sort()).toEqual(["already", "done"]);
    expect(await store.recordVisitOutcome({ caseId: opened.caseId, actor: homeAgent, outcome: "both", now: new Date() })).toMatchObject({ status: "resolved" });
    expect(await store.recordVisitOutcome({ caseId: opened.caseId, actor: homeAgent, outcome: "both", now: new Date() })).toEqual({ kind: "already" });
    const statuses = await db.sql.query<{ status: string }>(`SELECT status FROM applications WHERE id = ANY($1::uuid[]) ORDER BY national_id`, [
      apps.map((a) => a.id),
    ]);
    expect(statuses.map((s) => s.status)).toEqual(["completed_in_person", "delivered"]);
    const [card] = await db.sql.query<{ status: string; delivered_by: number; delivered_to: string; delivery_fee_rial: number }>(
      `SELECT status, delivered_by, delivered_to, delivery_fee_rial FROM cards WHERE application_id = $1::uuid`,
      [apps[1]!.id],
    );
    expect(card).toEqual({ status: "delivered", delivered_by: homeAgent.memberId, delivered_to: "holder", delivery_fee_rial: 20_000 });

    const unvisited = await store.openCase(
      report(newChat(), { kind: "home_service", officeId: null, officeType: null, now: new Date(Date.now() - 8 * 86_400_000) }),
    );
    if (unvisited.kind !== "opened") throw new Error("not opened");
    await store.staffAct({
      caseId: unvisited.caseId,
      actor: homeAgent,
      action: { kind: "take" },
      requestKey: key(),
      now: new Date(Date.now() - 8 * 86_400_000 + 60_000),
    });
    const escalated = await store.escalateOverdue(new Date());
    expect(escalated.find((e) => e.caseId === unvisited.caseId)).toBeDefined();
  });

  it("a completion fee refused above the tariff at a counter opens one internal overcharge case for the hotline, however often the sweep runs", async () => {
    const chat = newChat();
    const [application] = await db.sql.query<{ id: string }>(
      `INSERT INTO applications (national_id, birth_date, first_name, last_name, father_name, mobile, landline, postal_code, address, city_id, chat_id, status, fee_rial, tracking_code)
       VALUES ('0000000003', '1360/01/01', 'a', 'b', 'c', '09120000000', '02100000000', '1111111111', 'x', 399, $1, 'paid', 1, '111122225555') RETURNING id::text AS id`,
      [chat],
    );
    const [operator] = await db.sql.query<{ id: number }>(
      `INSERT INTO staff_members (user_id, display_name, role, office_id) VALUES (777001, 'op', 'operator', $1) RETURNING id`,
      [pishkhanOffice],
    );
    await db.sql.query(
      `INSERT INTO audit_log (actor_member_id, actor_role, action, subject_kind, subject_id, office_id, application_id, after, outcome)
       VALUES ($1, 'operator', 'visit.record_fee', 'appointment', gen_random_uuid()::text, $2, $3::uuid, '{"feeRial": 450000, "maxRial": 90000}', 'violation')`,
      [operator!.id, pishkhanOffice, application!.id],
    );
    await Promise.all([openCasesForFeeViolations(db.sql, store, new Date()), openCasesForFeeViolations(db.sql, store, new Date())]);
    expect(await openCasesForFeeViolations(db.sql, store, new Date())).toBe(0);
    const all = await store.casesOfChat(chat);
    expect(all).toHaveLength(1);
    const opened = all[0];
    expect(opened).toMatchObject({ kind: "overcharge", status: "new", unitId: pishkhanUnit });
    const view = await store.caseForStaff({ caseId: opened!.id }, agent);
    expect(view !== "out_of_scope" && view!.details).toMatchObject({ source: "counter", overRial: 360_000 });
    expect((await store.caseForChat(opened!.id, chat))!.entries).toEqual([]);
    expect(await notificationsOf(chat)).toEqual([]);
  });
});
