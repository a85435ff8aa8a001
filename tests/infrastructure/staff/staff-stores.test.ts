// The staff, desk and card stores on the real PostgreSQL: invites used once, the audit log append-only,
// double presses and concurrent instances changing a record once, cards imported all-or-nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomInt } from "node:crypto";
import { generateTrackingCode } from "../../../src/domain/application/tracking-code.js";
import { tehranInstantAt } from "../../../src/domain/booking/slot-schedule.js";
import { checkInWindow, DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { DEFAULT_TARIFF } from "../../../src/domain/fees/tariff.js";
import { newInviteToken } from "../../../src/domain/staff/invite.js";
import type { StaffMember } from "../../../src/domain/staff/staff-member.js";
import type { JalaliDate } from "../../../src/domain/time/jalali.js";
import { createSqlBookingStore } from "../../../src/infrastructure/database/booking-store.js";
import { createSqlCardStore } from "../../../src/infrastructure/database/card-store.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlDeskStore } from "../../../src/infrastructure/database/desk-store.js";
import { createSqlStaffStore } from "../../../src/infrastructure/database/staff-store.js";
import { importCardsCsv } from "../../../src/infrastructure/cards/import-cards.js";
import { describeCsvError } from "../../../src/infrastructure/offices/office-csv.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { aSaturday, count, insertOffice, insertPaidApplications, loadPlaces } from "../booking/booking-fixtures.js";

const SATURDAY = aSaturday();
const at = (date: JalaliDate, hour: number, minute = 0) => tehranInstantAt(date, hour * 60 + minute);
const tariffs = { inForce: async () => DEFAULT_TARIFF };
const HOUR = 3600_000;

describe("staff side on PostgreSQL", () => {
  let testDb: TestDatabase;
  let db: Database;
  /** A second pool: another bot instance. */
  let other: Database;
  let office: number;
  let otherOffice: number;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    other = testDb.open();
    await loadPlaces(db);
    office = await insertOffice(db, { counters: 3 });
    otherOffice = await insertOffice(db, { counters: 3 });
  });
  afterAll(async () => {
    await other?.close();
    await db?.close();
    await testDb?.drop();
  });

  const enrolOperator = async (userId: number, officeId = office): Promise<StaffMember> => {
    const staff = createSqlStaffStore(db.sql);
    const token = newInviteToken();
    await staff.createInvite({ role: "operator", officeId, unitId: null }, null, token, new Date(Date.now() + HOUR), new Date());
    const enrolled = await staff.enrol(token, userId, "sample", new Date());
    if (!enrolled.ok) throw new Error(enrolled.refusal);
    return enrolled.member;
  };

  const bookedAppointment = async (startsAt: Date): Promise<{ appointmentId: string; applicationId: string }> => {
    const [applicationId] = await insertPaidApplications(db, 1);
    const booked = await createSqlBookingStore(db.sql).book({
      applicationId: applicationId!,
      officeId: office,
      startsAt,
      day: SATURDAY,
      now: new Date(startsAt.getTime() - 48 * HOUR),
    });
    if (booked.kind !== "booked") throw new Error(booked.kind);
    return { appointmentId: booked.appointmentId, applicationId: applicationId! };
  };

  it("keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused", async () => {
    await enrolOperator(70001);
    const rows = await count(db, `SELECT count(*)::int AS n FROM audit_log`);
    expect(rows).toBeGreaterThanOrEqual(2);
    await expect(db.sql.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.sql.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.sql.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await count(db, `SELECT count(*)::int AS n FROM audit_log`)).toBe(rows);
    expect(await count(db, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'forged'`)).toBe(0);
  });

  it("uses an invite once, refuses expired and revoked ones, and one active role per person", async () => {
    const staff = createSqlStaffStore(db.sql);
    const token = newInviteToken();
    await staff.createInvite({ role: "operator", officeId: office, unitId: null }, null, token, new Date(Date.now() + HOUR), new Date());
    // Two people open the same link on two instances at once: one is enrolled.
    const [first, second] = await Promise.all([
      staff.enrol(token, 71001, "a", new Date()),
      createSqlStaffStore(other.sql).enrol(token, 71002, "b", new Date()),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((result) => !result.ok)).toEqual({ ok: false, refusal: "invite_used" });

    const expired = newInviteToken();
    await staff.createInvite({ role: "admin", officeId: null, unitId: null }, null, expired, new Date(Date.now() - 1), new Date(Date.now() - HOUR));
    expect(await staff.enrol(expired, 71003, "c", new Date())).toEqual({ ok: false, refusal: "invite_expired" });
    expect(await staff.enrol(newInviteToken(), 71003, "c", new Date())).toEqual({ ok: false, refusal: "invite_unknown" });

    const again = newInviteToken();
    await staff.createInvite({ role: "operator", officeId: office, unitId: null }, null, again, new Date(Date.now() + HOUR), new Date());
    const enrolledUser = first.ok ? 71001 : 71002;
    expect(await staff.enrol(again, enrolledUser, "dup", new Date())).toEqual({ ok: false, refusal: "already_staff" });
    // The refused enrolment left the invite unused.
    expect(await count(db, `SELECT count(*)::int AS n FROM staff_invites WHERE used_at IS NULL AND expires_at > now()`)).toBeGreaterThanOrEqual(1);

    const member = await staff.activeMember(enrolledUser);
    expect(member?.scope).toEqual({ kind: "office", officeId: office });
    expect(await staff.revoke(member!.id, null, new Date())).toBe(true);
    expect(await staff.revoke(member!.id, null, new Date())).toBe(false);
    expect(await staff.activeMember(enrolledUser)).toBeNull();
    expect(await count(db, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'staff.revoke' AND subject_id = $1`, [String(member!.id)])).toBe(1);
  });

  it("checks in once within the window, records the visit, refuses a fee above the tariff as a violation, completes once", async () => {
    const operator = await enrolOperator(72001);
    const stranger = await enrolOperator(72002, otherOffice);
    const startsAt = at(SATURDAY, 10, 0);
    const { appointmentId, applicationId } = await bookedAppointment(startsAt);
    const desk = createSqlDeskStore(db.sql, tariffs);
    const desk2 = createSqlDeskStore(other.sql, tariffs);
    const window = checkInWindow(startsAt, DEFAULT_BOOKING_POLICY);

    expect(await desk.checkIn(operator, appointmentId, window, at(SATURDAY, 6, 0))).toMatchObject({ kind: "outside_window" });
    expect(await desk.checkIn(stranger, appointmentId, window, at(SATURDAY, 9, 50))).toEqual({ kind: "out_of_scope" });
    const presses = await Promise.all([
      desk.checkIn(operator, appointmentId, window, at(SATURDAY, 9, 50)),
      desk2.checkIn(operator, appointmentId, window, at(SATURDAY, 9, 50)),
    ]);
    expect(presses.map((p) => p.kind).sort()).toEqual(["already", "done"]);
    expect(
      await count(db, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'visit.check_in' AND subject_id = $1 AND outcome = 'done'`, [appointmentId]),
    ).toBe(1);
    // The other office's operator was refused, and that is on record too.
    expect(
      await count(
        db,
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'visit.check_in' AND subject_id = $1 AND outcome = 'refused' AND actor_member_id = $2`,
        [appointmentId, stranger.id],
      ),
    ).toBe(1);
    expect(
      await count(db, `SELECT count(*)::int AS n FROM application_events WHERE application_id = $1::uuid AND status = 'checked_in'`, [applicationId]),
    ).toBe(1);

    expect(await desk.complete(operator, appointmentId, at(SATURDAY, 10, 0))).toEqual({
      kind: "incomplete",
      items: ["birth_certificate", "postal_code", "address", "phones", "photo", "fingerprints"],
      fee: true,
    });
    for (const item of ["birth_certificate", "postal_code", "address", "phones", "photo", "fingerprints"] as const) {
      expect(await desk.recordItem(operator, appointmentId, item, at(SATURDAY, 10, 5))).toEqual({ kind: "done" });
    }
    expect(await desk.recordItem(operator, appointmentId, "photo", at(SATURDAY, 10, 6))).toEqual({ kind: "already" });
    const cap = await desk.completionFeeCap(applicationId, at(SATURDAY, 10, 0));
    expect(cap).toBe(90_000);
    expect(await desk.recordFee(operator, appointmentId, 150_000, cap, at(SATURDAY, 10, 7))).toEqual({ kind: "fee_above_tariff", maxRial: 90_000 });
    expect(await count(db, `SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'violation' AND subject_id = $1`, [appointmentId])).toBe(1);
    expect(await desk.recordFee(operator, appointmentId, 90_000, cap, at(SATURDAY, 10, 8))).toEqual({ kind: "done" });

    const completions = await Promise.all([
      desk.complete(operator, appointmentId, at(SATURDAY, 10, 10)),
      desk2.complete(operator, appointmentId, at(SATURDAY, 10, 10)),
    ]);
    expect(completions.map((c) => c.kind).sort()).toEqual(["already", "done"]);
    expect(await count(db, `SELECT count(*)::int AS n FROM applications WHERE id = $1::uuid AND status = 'in_production'`, [applicationId])).toBe(1);
    expect(await count(db, `SELECT count(*)::int AS n FROM notifications WHERE dedup_key = $1`, [`visit-completed:${appointmentId}`])).toBe(1);
  });

  it("marks a no-show once its time has passed, with the 3-day ban", async () => {
    const operator = await enrolOperator(73001);
    const startsAt = at(SATURDAY, 11, 0);
    const { appointmentId, applicationId } = await bookedAppointment(startsAt);
    const desk = createSqlDeskStore(db.sql, tariffs);
    expect(await desk.markNoShow(operator, appointmentId, DEFAULT_BOOKING_POLICY.noShowBanMs, at(SATURDAY, 10, 0))).toEqual({
      kind: "too_early",
      from: startsAt,
    });
    expect(await desk.markNoShow(operator, appointmentId, DEFAULT_BOOKING_POLICY.noShowBanMs, at(SATURDAY, 11, 20))).toEqual({
      kind: "done",
      reopensAt: new Date(startsAt.getTime() + 72 * HOUR),
    });
    expect(await desk.markNoShow(operator, appointmentId, DEFAULT_BOOKING_POLICY.noShowBanMs, at(SATURDAY, 11, 21))).toEqual({ kind: "already" });
    expect(await count(db, `SELECT count(*)::int AS n FROM applications WHERE id = $1::uuid AND status = 'no_show'`, [applicationId])).toBe(1);
    expect(await count(db, `SELECT count(*)::int AS n FROM notifications WHERE dedup_key = $1`, [`missed:${appointmentId}`])).toBe(1);
  });

  describe("cards", () => {
    const officeCode = async (id: number) => (await db.sql.query<{ code: string }>(`SELECT code FROM offices WHERE id = $1`, [id]))[0]!.code;
    /** Gives the fixture's application a tracking code with a valid check digit, as the import checks it. */
    const codes = new Map<string, string>();
    const trackingCodeOf = async (id: string) => {
      if (!codes.has(id)) {
        const [row] = await db.sql.query<{ tracking_code: string }>(`UPDATE applications SET tracking_code = $2 WHERE id = $1::uuid RETURNING tracking_code`, [
          id,
          generateTrackingCode(randomInt),
        ]);
        codes.set(id, row!.tracking_code);
      }
      return codes.get(id)!;
    };

    it("imports all rows or none with line numbers, idempotently, and tells each citizen once", async () => {
      const [a, b] = await insertPaidApplications(db, 2, "in_production");
      const [booked] = await insertPaidApplications(db, 1, "booked");
      const code = await officeCode(office);
      const good = `tracking_code,card_serial,pickup_office_code,issued_date\n${await trackingCodeOf(a!)},SN-000001,${code},1405/02/15\n${await trackingCodeOf(b!)},SN-000002,${code},۱۴۰۵/۰۲/۱۵\n`;
      const bad = `${good}${await trackingCodeOf(booked!)},SN-000003,${code},1405/02/15\n123,SN-000004,${code},1405/02/15\n${await trackingCodeOf(a!)},SN-000005,nope,1405/13/01\n`;
      const refused = await importCardsCsv(db.sql, bad, { deliveryRial: 20_000 });
      expect(refused.ok).toBe(false);
      if (!refused.ok)
        expect(refused.errors.map(describeCsvError)).toEqual([
          'line 5: tracking_code_wrong_length (tracking_code "123")',
          'line 6: issued_on_invalid_date (issued_date "1405/13/01")',
        ]);
      const stateRefused = await importCardsCsv(db.sql, `${good}${await trackingCodeOf(booked!)},SN-000003,${code},1405/02/15\n`, { deliveryRial: 20_000 });
      expect(stateRefused).toEqual({ ok: false, errors: [{ line: 4, reason: "application_not_in_production", column: "tracking_code", value: "booked" }] });
      expect(await count(db, `SELECT count(*)::int AS n FROM cards`)).toBe(0);

      expect(await importCardsCsv(db.sql, good, { deliveryRial: 20_000 })).toEqual({ ok: true, imported: 2, unchanged: 0, announced: 2 });
      expect(await importCardsCsv(db.sql, good, { deliveryRial: 20_000 })).toEqual({ ok: true, imported: 0, unchanged: 2, announced: 0 });
      expect(
        await count(db, `SELECT count(*)::int AS n FROM notifications WHERE message_key = 'card-ready' AND dedup_key LIKE $1`, [`card-ready:${a}:%`]),
      ).toBe(1);
      const [params] = await db.sql.query<{ params: Record<string, string | number> }>(`SELECT params FROM notifications WHERE dedup_key LIKE $1`, [
        `card-ready:${a}:%`,
      ]);
      expect(params!.params).toMatchObject({ deliveryFee: "۲٬۰۰۰", venueLatitude: 35.7, venueLongitude: 51.4 });
      expect(String(params!.params.hours)).toContain("شنبه");
      const changed = await importCardsCsv(db.sql, good.replace("SN-000001", "SN-000009"), { deliveryRial: 20_000 });
      expect(changed).toMatchObject({ ok: false, errors: [{ line: 2, reason: "card_already_imported" }] });
      expect(await count(db, `SELECT count(*)::int AS n FROM applications WHERE id = ANY($1::uuid[]) AND status = 'ready_for_pickup'`, [[a, b]])).toBe(2);
    });

    it("moves a card to another office, which receives it, and delivers it once", async () => {
      const [application] = await insertPaidApplications(db, 1, "in_production");
      await importCardsCsv(
        db.sql,
        `tracking_code,card_serial,pickup_office_code,issued_date\n${await trackingCodeOf(application!)},SN-100001,${await officeCode(office)},1405/02/15\n`,
        { deliveryRial: 20_000 },
      );
      const here = await enrolOperator(74001);
      const there = await enrolOperator(74002, otherOffice);
      const cards = createSqlCardStore(db.sql, { deliveryRial: async () => 20_000 });
      const cards2 = createSqlCardStore(other.sql, { deliveryRial: async () => 20_000 });
      const card = (await cards.cardOf(application!))!;
      expect(card.status).toBe("ready");

      expect(await cards.requestTransfer(application!, otherOffice, new Date())).toEqual({ kind: "done" });
      expect(await cards.requestTransfer(application!, otherOffice, new Date())).toEqual({ kind: "already" });
      expect((await cards.incoming(otherOffice)).map((c) => c.cardId)).toEqual([card.id]);
      expect(await cards.receive(here, card.id, new Date())).toEqual({ kind: "out_of_scope" });
      const receipts = await Promise.all([cards.receive(there, card.id, new Date()), cards2.receive(there, card.id, new Date())]);
      expect(receipts.map((r) => r.kind).sort()).toEqual(["already", "done"]);
      expect(await cards.cardOf(application!)).toMatchObject({ status: "ready", officeId: otherOffice });
      expect(
        await count(db, `SELECT count(*)::int AS n FROM notifications WHERE message_key = 'card-ready' AND dedup_key LIKE $1`, [`card-ready:${application}:%`]),
      ).toBe(2);

      expect(await cards.deliver(here, card.id, { kind: "holder" }, 20_000, 20_000, new Date())).toEqual({ kind: "out_of_scope" });
      expect(await cards.deliver(there, card.id, { kind: "holder" }, 50_000, 20_000, new Date())).toEqual({ kind: "fee_above_tariff", maxRial: 20_000 });
      const representative = { kind: "representative" as const, name: "حسن رضایی", nationalId: "6383233564" };
      const deliveries = await Promise.all([
        cards.deliver(there, card.id, representative, 20_000, 20_000, new Date()),
        cards2.deliver(there, card.id, representative, 20_000, 20_000, new Date()),
      ]);
      expect(deliveries.map((d) => d.kind).sort()).toEqual(["already", "done"]);
      expect(await count(db, `SELECT count(*)::int AS n FROM notifications WHERE dedup_key = $1`, [`card-delivered:${card.id}`])).toBe(1);
      expect(
        await count(db, `SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action = 'card.deliver' AND outcome = 'done'`, [card.id]),
      ).toBe(1);
      expect(
        await count(db, `SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action = 'card.deliver' AND outcome = 'violation'`, [card.id]),
      ).toBe(1);
      const trail = await createSqlStaffStore(db.sql).trail({ kind: "application", applicationId: application! }, 0, 3);
      expect(trail.entries.map((e) => [e.action, e.outcome])).toEqual([
        ["card.deliver", "done"],
        ["card.deliver", "violation"],
        ["card.deliver", "refused"],
      ]);
      expect(trail.more).toBe(true);
    });
  });
});
