// Local mode: the same SQL payment ledger on the embedded database (PGlite), as a single bot instance uses it.
import { mkdtemp, rm } from "node:fs/promises";
import { randomInt } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTrackingCode } from "../../../src/domain/application/tracking-code.js";
import type { PaymentLedger } from "../../../src/domain/payment/payment-ledger.js";
import { migrate, openEmbedded, type Database } from "../../../src/infrastructure/database/database.js";
import { createSqlPaymentLedger } from "../../../src/infrastructure/database/payment-ledger.js";
import { insertApplication, insertPlaces } from "../payments/payment-fixtures.js";

const HOUR = 3_600_000;

describe("the payment ledger on the embedded database", () => {
  let dir: string;
  let db: Database;
  let ledger: PaymentLedger;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ledger-pglite-"));
    db = await openEmbedded(dir);
    await migrate(db);
    await insertPlaces(db);
    ledger = createSqlPaymentLedger(db.sql);
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("opens, expires and reopens, attaches the reference, settles once past a taken code, and lists what is pending", async () => {
    const taken = generateTrackingCode(randomInt);
    await insertApplication(db, { status: "paid", trackingCode: taken });
    const applicationId = await insertApplication(db, { chatId: 555_000_111 });
    const t0 = new Date("2026-01-01T10:00:00Z");
    const expired = await ledger.openPayment({ applicationId, gateway: "sandbox", amountRial: 200_000, now: t0, expiresAt: new Date(t0.getTime() + HOUR) });
    expect((await ledger.openPayment({ applicationId, gateway: "sandbox", amountRial: 200_000, now: t0, expiresAt: t0 })).payment.id).toBe(expired.payment.id);
    expect(expired).toMatchObject({ created: true, payment: { applicationId, amountRial: 200_000, status: "pending", createdAt: t0 } });

    // Past its deadline: the transaction path marks it expired and opens another.
    const later = new Date(t0.getTime() + 2 * HOUR);
    const { payment, created } = await ledger.openPayment({
      applicationId,
      gateway: "sandbox",
      amountRial: 200_000,
      now: later,
      expiresAt: new Date(later.getTime() + HOUR),
    });
    expect(created).toBe(true);
    expect((await ledger.findById(expired.payment.id))?.status).toBe("expired");
    expect((await ledger.pendingBefore(new Date(later.getTime() + 1), 10)).map((p) => p.id)).toEqual([payment.id]);

    await ledger.attachGatewayReference(payment.id, "E-REF", "http://pay.example/E-REF");
    expect(await ledger.findByReference("sandbox", "E-REF")).toMatchObject({ id: payment.id, payUrl: "http://pay.example/E-REF" });
    expect(await ledger.findWithOwnerChat(payment.id)).toMatchObject({ payment: { id: payment.id }, ownerChatId: 555_000_111 });

    const fresh = generateTrackingCode(randomInt);
    const codes = [taken, fresh];
    const at = new Date(later.getTime() + 60_000);
    const settle = () => ledger.settlePaid({ paymentId: payment.id, receipt: "E-RECEIPT", at, newTrackingCode: () => codes.shift() ?? fresh });
    expect(await settle()).toEqual({ kind: "settled", trackingCode: fresh, chatId: 555_000_111 });
    expect(await settle()).toEqual({ kind: "already_settled", trackingCode: fresh });
    const [note] = await db.sql.query<{ chat_id: string; params: { trackingCode: string } }>(
      `SELECT chat_id::text AS chat_id, params FROM notifications WHERE dedup_key = $1`,
      [`payment-confirmed:${payment.id}`],
    );
    expect(note).toEqual({ chat_id: "555000111", params: { trackingCode: fresh } });
    expect(await ledger.pendingBefore(new Date(at.getTime() + HOUR), 10)).toEqual([]);
  });
});
