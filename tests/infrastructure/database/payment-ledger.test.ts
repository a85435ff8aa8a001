// The PostgreSQL payment ledger against a real database: one pending payment, settle exactly once, named refusals.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTrackingCode } from "../../../src/domain/application/tracking-code.js";
import type { PaymentLedger } from "../../../src/domain/payment/payment-ledger.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import {
  ApplicationNotAwaitingPaymentError,
  createSqlPaymentLedger,
  PaymentNotFoundError,
  TrackingCodesExhaustedError,
} from "../../../src/infrastructure/database/payment-ledger.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { insertApplication, insertPlaces } from "../payments/payment-fixtures.js";

const HOUR = 3_600_000;
const newCode = () => generateTrackingCode(randomInt);

describe("PostgreSQL payment ledger", () => {
  let testDb: TestDatabase;
  let db: Database;
  let ledger: PaymentLedger;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    ledger = createSqlPaymentLedger(db.sql);
    await insertPlaces(db);
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const open = (applicationId: string, now = new Date(), ttlMs = HOUR, l = ledger) =>
    l.openPayment({ applicationId, gateway: "sandbox", amountRial: 200_000, now, expiresAt: new Date(now.getTime() + ttlMs) });

  async function count(sql: string, params: unknown[]): Promise<number> {
    const [row] = await db.sql.query<{ n: number }>(sql, params);
    return row?.n ?? -1;
  }

  describe("openPayment", () => {
    it("returns the same still-valid pending payment when asked twice", async () => {
      const applicationId = await insertApplication(db);
      const first = await open(applicationId);
      const second = await open(applicationId);
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.payment.id).toBe(first.payment.id);
      expect(first.payment).toMatchObject({ applicationId, gateway: "sandbox", amountRial: 200_000, status: "pending", gatewayReference: null });
      expect(await count(`SELECT count(*)::int AS n FROM payments WHERE application_id = $1`, [applicationId])).toBe(1);
    });

    it("marks a pending payment past its deadline expired and opens a new one", async () => {
      const applicationId = await insertApplication(db);
      const t0 = new Date("2026-01-01T10:00:00Z");
      const old = await open(applicationId, t0, 15 * 60_000);
      const later = new Date(t0.getTime() + 15 * 60_000);
      const fresh = await open(applicationId, later);
      expect(fresh.created).toBe(true);
      expect(fresh.payment.id).not.toBe(old.payment.id);
      expect((await ledger.findById(old.payment.id))?.status).toBe("expired");
      expect((await ledger.findById(fresh.payment.id))?.status).toBe("pending");
    });

    it("gives concurrent openers from several connections one and the same payment", async () => {
      const applicationId = await insertApplication(db);
      const connections = Array.from({ length: 4 }, () => testDb.open());
      try {
        const ledgers = connections.map((c) => createSqlPaymentLedger(c.sql));
        const now = new Date();
        const results = await Promise.all(Array.from({ length: 12 }, (_, i) => open(applicationId, now, HOUR, ledgers[i % 4])));
        expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(await count(`SELECT count(*)::int AS n FROM payments WHERE application_id = $1`, [applicationId])).toBe(1);
      } finally {
        await Promise.all(connections.map((c) => c.close()));
      }
    });

    it("refuses an application that is already paid, or does not exist", async () => {
      const paid = await insertApplication(db, { status: "paid", trackingCode: newCode() });
      await expect(open(paid)).rejects.toBeInstanceOf(ApplicationNotAwaitingPaymentError);
      await expect(open(paid)).rejects.toMatchObject({ status: "paid", applicationId: paid });
      await expect(open("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ name: "ApplicationNotAwaitingPaymentError", status: null });
      expect(await count(`SELECT count(*)::int AS n FROM payments WHERE application_id = $1`, [paid])).toBe(0);
    });
  });

  describe("settlePaid", () => {
    it("settles once when 20 callers on 4 connections race for the same payment", async () => {
      const applicationId = await insertApplication(db, { chatId: 777_000_111 });
      const { payment } = await open(applicationId);
      const connections = Array.from({ length: 4 }, () => testDb.open());
      try {
        const ledgers = connections.map((c) => createSqlPaymentLedger(c.sql));
        const at = new Date();
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) => ledgers[i % 4]!.settlePaid({ paymentId: payment.id, receipt: "REF-1", at, newTrackingCode: newCode })),
        );
        const settled = outcomes.filter((o) => o.kind === "settled");
        expect(settled).toHaveLength(1);
        const winner = settled[0]!;
        if (winner.kind !== "settled") throw new Error("unreachable");
        expect(winner.chatId).toBe(777_000_111);
        expect(winner.trackingCode).toMatch(/^[1-9]\d{11}$/);
        const others = outcomes.filter((o) => o.kind !== "settled");
        expect(others).toHaveLength(19);
        expect(others.every((o) => o.kind === "already_settled" && o.trackingCode === winner.trackingCode)).toBe(true);

        const [app] = await db.sql.query<{ status: string; tracking_code: string }>(`SELECT status, tracking_code FROM applications WHERE id = $1`, [
          applicationId,
        ]);
        expect(app).toEqual({ status: "paid", tracking_code: winner.trackingCode });
        const [paid] = await db.sql.query<{ status: string; receipt_reference: string; settled_at: Date }>(
          `SELECT status, receipt_reference, settled_at FROM payments WHERE id = $1`,
          [payment.id],
        );
        expect(paid).toMatchObject({ status: "paid", receipt_reference: "REF-1" });
        expect(paid?.settled_at.getTime()).toBe(at.getTime());
        expect(await count(`SELECT count(*)::int AS n FROM application_events WHERE application_id = $1 AND status = 'paid'`, [applicationId])).toBe(1);
        const notifications = await db.sql.query<{ chat_id: string; message_key: string; params: { trackingCode: string }; dedup_key: string }>(
          `SELECT chat_id::text AS chat_id, message_key, params, dedup_key FROM notifications WHERE dedup_key LIKE $1`,
          [`%${payment.id}`],
        );
        expect(notifications).toEqual([
          {
            chat_id: "777000111",
            message_key: "payment-confirmed",
            dedup_key: `payment-confirmed:${payment.id}`,
            // The raw code: the notification sender formats it for display.
            params: { trackingCode: winner.trackingCode },
          },
        ]);
      } finally {
        await Promise.all(connections.map((c) => c.close()));
      }
    });

    it("draws a new tracking code when the first one is already taken", async () => {
      const taken = newCode();
      await insertApplication(db, { status: "paid", trackingCode: taken });
      const applicationId = await insertApplication(db);
      const { payment } = await open(applicationId);
      const fresh = newCode();
      const drawn: string[] = [];
      const codes = [taken, fresh];
      const outcome = await ledger.settlePaid({
        paymentId: payment.id,
        receipt: "REF-2",
        at: new Date(),
        newTrackingCode: () => {
          const code = codes.shift()!;
          drawn.push(code);
          return code;
        },
      });
      expect(drawn).toEqual([taken, fresh]);
      expect(outcome).toMatchObject({ kind: "settled", trackingCode: fresh });
      const [app] = await db.sql.query<{ tracking_code: string }>(`SELECT tracking_code FROM applications WHERE id = $1`, [applicationId]);
      expect(app?.tracking_code).toBe(fresh);
      expect(await count(`SELECT count(*)::int AS n FROM application_events WHERE application_id = $1`, [applicationId])).toBe(1);
    });

    it("gives up after five taken codes and leaves everything as it was", async () => {
      const taken = newCode();
      await insertApplication(db, { status: "paid", trackingCode: taken });
      const applicationId = await insertApplication(db);
      const { payment } = await open(applicationId);
      let calls = 0;
      await expect(
        ledger.settlePaid({ paymentId: payment.id, receipt: "REF-3", at: new Date(), newTrackingCode: () => (calls++, taken) }),
      ).rejects.toBeInstanceOf(TrackingCodesExhaustedError);
      expect(calls).toBe(5);
      expect((await ledger.findById(payment.id))?.status).toBe("pending");
      const [app] = await db.sql.query<{ status: string }>(`SELECT status FROM applications WHERE id = $1`, [applicationId]);
      expect(app?.status).toBe("awaiting_payment");
    });

    it("records the money but issues nothing when the application was cancelled meanwhile", async () => {
      const applicationId = await insertApplication(db);
      const { payment } = await open(applicationId);
      await db.sql.query(`SELECT application_move(ARRAY[$1::uuid], ARRAY['awaiting_payment'], 'cancelled', now())`, [applicationId]);
      const outcome = await ledger.settlePaid({ paymentId: payment.id, receipt: "REF-4", at: new Date(), newTrackingCode: newCode });
      expect(outcome).toEqual({ kind: "not_pending", status: "paid" });
      expect((await ledger.findById(payment.id))?.status).toBe("paid");
      expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE dedup_key = $1`, [`payment-confirmed:${payment.id}`])).toBe(0);
      expect(await ledger.outcomeOf(payment.id)).toEqual({ kind: "not_pending", status: "paid" });
    });

    it("does not settle an expired payment", async () => {
      const applicationId = await insertApplication(db);
      const { payment } = await open(applicationId);
      expect(await ledger.close(payment.id, "expired", new Date())).toBe(true);
      const outcome = await ledger.settlePaid({ paymentId: payment.id, receipt: "REF-5", at: new Date(), newTrackingCode: newCode });
      expect(outcome).toEqual({ kind: "not_pending", status: "expired" });
      const [app] = await db.sql.query<{ status: string }>(`SELECT status FROM applications WHERE id = $1`, [applicationId]);
      expect(app?.status).toBe("awaiting_payment");
    });

    it("refuses an unknown payment", async () => {
      await expect(
        ledger.settlePaid({ paymentId: "00000000-0000-4000-8000-000000000000", receipt: "R", at: new Date(), newTrackingCode: newCode }),
      ).rejects.toBeInstanceOf(PaymentNotFoundError);
    });
  });

  describe("the other steps", () => {
    it("closes only pending payments", async () => {
      const applicationId = await insertApplication(db);
      const { payment } = await open(applicationId);
      await ledger.settlePaid({ paymentId: payment.id, receipt: "REF-6", at: new Date(), newTrackingCode: newCode });
      expect(await ledger.close(payment.id, "failed", new Date())).toBe(false);
      expect((await ledger.findById(payment.id))?.status).toBe("paid");

      const other = await insertApplication(db);
      const { payment: pending } = await open(other);
      expect(await ledger.close(pending.id, "failed", new Date())).toBe(true);
      expect((await ledger.findById(pending.id))?.status).toBe("failed");
      expect(await ledger.close(pending.id, "expired", new Date())).toBe(false);
      expect(await ledger.outcomeOf(pending.id)).toEqual({ kind: "not_pending", status: "failed" });
    });

    it("finds a payment by its gateway reference once attached", async () => {
      const applicationId = await insertApplication(db);
      const { payment } = await open(applicationId);
      expect(await ledger.findByReference("sandbox", "S-REF-A")).toBeNull();
      await ledger.attachGatewayReference(payment.id, "S-REF-A", "http://pay.example/S-REF-A");
      const found = await ledger.findByReference("sandbox", "S-REF-A");
      expect(found).toMatchObject({ id: payment.id, gatewayReference: "S-REF-A", payUrl: "http://pay.example/S-REF-A" });
      expect(await ledger.findByReference("zarinpal", "S-REF-A")).toBeNull();
      expect(await ledger.findById("not-a-uuid")).toBeNull();
      await expect(ledger.attachGatewayReference("00000000-0000-4000-8000-000000000000", "X", null)).rejects.toBeInstanceOf(PaymentNotFoundError);
    });

    it("lists pending payments older than a moment, oldest first, and records checks", async () => {
      const t0 = new Date("2020-05-01T08:00:00Z");
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const applicationId = await insertApplication(db);
        ids.push((await open(applicationId, new Date(t0.getTime() + i * 60_000), 100 * 365 * 24 * HOUR)).payment.id);
      }
      const listed = await ledger.pendingBefore(new Date(t0.getTime() + 2 * 60_000), 10);
      expect(listed.map((p) => p.id)).toEqual(ids.slice(0, 2));
      expect((await ledger.pendingBefore(new Date(t0.getTime() + 3 * 60_000), 1)).map((p) => p.id)).toEqual([ids[0]]);
      const checkedAt = new Date("2020-05-01T09:00:00Z");
      await ledger.touchChecked(ids[0]!, checkedAt);
      const [row] = await db.sql.query<{ last_checked_at: Date }>(`SELECT last_checked_at FROM payments WHERE id = $1`, [ids[0]]);
      expect(row?.last_checked_at.getTime()).toBe(checkedAt.getTime());
    });
  });
  describe("a payment closed as failed after a cancel", () => {
    it("frees the application for a fresh payment, and is still settled if the gateway took the money after all", async () => {
      const applicationId = await insertApplication(db);
      const cancelled = await open(applicationId);
      expect(await ledger.close(cancelled.payment.id, "failed", new Date())).toBe(true);
      const fresh = await open(applicationId);
      expect(fresh.created).toBe(true);

      const settled = await ledger.settlePaid({ paymentId: cancelled.payment.id, receipt: "R-late", at: new Date(), newTrackingCode: newCode });
      expect(settled.kind).toBe("settled");
      expect(await count(`SELECT count(*)::int AS n FROM payments WHERE application_id = $1 AND status = 'paid'`, [applicationId])).toBe(1);
    });

    it("keeps the receipt for a refund, announcing nothing, when another payment of the application was paid", async () => {
      const applicationId = await insertApplication(db);
      const cancelled = await open(applicationId);
      await ledger.close(cancelled.payment.id, "failed", new Date());
      const fresh = await open(applicationId);
      expect((await ledger.settlePaid({ paymentId: fresh.payment.id, receipt: "R-1", at: new Date(), newTrackingCode: newCode })).kind).toBe("settled");

      const late = await ledger.settlePaid({ paymentId: cancelled.payment.id, receipt: "R-2", at: new Date(), newTrackingCode: newCode });
      expect(late).toEqual({ kind: "not_pending", status: "paid" });
      const [row] = await db.sql.query<{ status: string; receipt_reference: string }>(`SELECT status, receipt_reference FROM payments WHERE id = $1`, [
        cancelled.payment.id,
      ]);
      expect(row).toEqual({ status: "failed", receipt_reference: "R-2" });
      expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE dedup_key = $1`, [`payment-confirmed:${cancelled.payment.id}`])).toBe(0);
    });
  });
});
