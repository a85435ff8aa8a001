// Reconciliation on the real PostgreSQL: payments left pending after a lost callback or a crash are
// verified with the gateway and settled once; abandoned ones expire and can be started again.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcilePendingPayments, type PaymentServiceDeps } from "../../../src/domain/payment/settle-payment.js";
import { startPayment } from "../../../src/domain/payment/start-payment.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlPaymentLedger } from "../../../src/infrastructure/database/payment-ledger.js";
import { createSandboxBank } from "../../../src/infrastructure/payments/sandbox-bank.js";
import { SandboxGateway } from "../../../src/infrastructure/payments/sandbox-gateway.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { insertApplication, insertPlaces } from "./payment-fixtures.js";

describe("payment reconciliation", () => {
  let testDb: TestDatabase;
  let db: Database;
  let clock: Date;
  let deps: PaymentServiceDeps;
  let gateway: SandboxGateway;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    await insertPlaces(db);
    clock = new Date();
    gateway = new SandboxGateway({ sql: db.sql, publicBaseUrl: "http://bot.test", now: () => clock });
    deps = { ledger: createSqlPaymentLedger(db.sql), gateways: { sandbox: gateway }, random: randomInt, now: () => clock };
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const start = (applicationId: string) =>
    startPayment(
      { ledger: deps.ledger, gateway, now: () => clock, paymentTtlMs: 30 * 60_000, callbackUrl: () => "http://bot.test/pay/callback/sandbox" },
      { applicationId, amountRial: 200_000, chatId: 1000, description: "test" },
    );

  it("settles a payment whose callback never came, once, however many passes run", async () => {
    const applicationId = await insertApplication(db, { chatId: 4242 });
    const payment = await start(applicationId);
    const authority = (await deps.ledger.findById(payment.paymentId))!.gatewayReference!;
    await createSandboxBank(db.sql).decide(authority, "paid"); // paid at the gateway; our callback was lost

    clock = new Date(clock.getTime() + 5 * 60_000);
    const passes = await Promise.all([1, 2, 3].map(() => reconcilePendingPayments(deps, { graceMs: 2 * 60_000, batch: 50 })));
    expect(passes.flatMap((pass) => pass.settled)).toHaveLength(1);
    const application = await db.prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(application.status).toBe("paid");
    expect(application.trackingCode).toMatch(/^[1-9]\d{11}$/);
    expect(await db.prisma.notification.count({ where: { chatId: 4242n } })).toBe(1);
  });

  it("expires an abandoned payment after its deadline, and a new one can be started", async () => {
    const applicationId = await insertApplication(db);
    const first = await start(applicationId);
    clock = new Date(clock.getTime() + 10 * 60_000);
    expect((await reconcilePendingPayments(deps, { graceMs: 2 * 60_000, batch: 50 })).expired).toBe(0); // still within 30 minutes
    clock = new Date(clock.getTime() + 25 * 60_000);
    expect((await reconcilePendingPayments(deps, { graceMs: 2 * 60_000, batch: 50 })).expired).toBe(1);
    expect((await deps.ledger.findById(first.paymentId))!.status).toBe("expired");
    const second = await start(applicationId);
    expect(second.paymentId).not.toBe(first.paymentId);
    expect((await deps.ledger.findById(second.paymentId))!.status).toBe("pending");
  });
});
