// The sandbox gateway on its own table: start, and verification answers as Zarinpal gives them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentRequest } from "../../../src/domain/payment/payment-gateway.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSandboxBank, type SandboxBank } from "../../../src/infrastructure/payments/sandbox-bank.js";
import { SandboxGateway } from "../../../src/infrastructure/payments/sandbox-gateway.js";
import { callbackRedirect } from "../../../src/infrastructure/payments/sandbox-pages.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

const request: PaymentRequest = {
  paymentId: "3f2b8c1e-1111-4222-8333-444455556666",
  amountRial: 200_000,
  description: "هزینه‌ی پیش‌ثبت‌نام",
  callbackUrl: "https://bot.example.ir/pay/callback/sandbox",
  chatId: 42,
};

describe("SandboxGateway", () => {
  let testDb: TestDatabase;
  let db: Database;
  let gateway: SandboxGateway;
  let bank: SandboxBank;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    gateway = new SandboxGateway({ sql: db.sql, publicBaseUrl: "https://bot.example.ir/" });
    bank = createSandboxBank(db.sql);
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  async function started(): Promise<string> {
    const start = await gateway.start(request);
    if (start.kind !== "redirect") throw new Error("the sandbox redirects");
    return start.reference;
  }

  it("registers a transaction under an unguessable authority and links to its pay page", async () => {
    const [a, b] = [await gateway.start(request), await gateway.start(request)];
    expect(a).toMatchObject({ kind: "redirect", reference: expect.stringMatching(/^S[0-9a-f]{32}$/) });
    expect(a.reference).not.toBe(b.reference);
    if (a.kind === "redirect") expect(a.payUrl).toBe(`https://bot.example.ir/pay/sandbox/${a.reference}`);
    const [row] = await db.sql.query<{ amount_rial: number; description: string; callback_url: string; status: string }>(
      `SELECT amount_rial, description, callback_url, status FROM sandbox_transactions WHERE authority = $1`,
      [a.reference],
    );
    expect(row).toEqual({ amount_rial: 200_000, description: request.description, callback_url: request.callbackUrl, status: "created" });
  });

  it("says not paid yet, cancelled, amount mismatch and unknown authority", async () => {
    const authority = await started();
    expect(await gateway.verify({ reference: authority, amountRial: 200_000 })).toEqual({ status: "not_paid", reason: "not_paid_yet" });
    expect(await gateway.verify({ reference: authority, amountRial: 100_000 })).toEqual({ status: "not_paid", reason: "amount_mismatch" });
    await bank.decide(authority, "cancelled");
    expect(await gateway.verify({ reference: authority, amountRial: 200_000 })).toEqual({ status: "not_paid", reason: "cancelled", final: true });
    expect(await gateway.verify({ reference: "Sunknown", amountRial: 200_000 })).toEqual({ status: "not_paid", reason: "unknown_authority" });
  });

  it("issues one receipt on the first verification and repeats it, even to concurrent callers", async () => {
    const authority = await started();
    await bank.decide(authority, "paid");
    // A wrong amount is refused and does not consume the verification.
    expect(await gateway.verify({ reference: authority, amountRial: 1 })).toEqual({ status: "not_paid", reason: "amount_mismatch" });
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => gateway.verify({ reference: authority, amountRial: 200_000 })));
    const receipts = new Set(outcomes.map((o) => (o.status === "paid" ? o.receipt : o.status)));
    expect(receipts.size).toBe(1);
    const [receipt] = [...receipts];
    expect(receipt).toMatch(/^\d{10}$/);
    const [row] = await db.sql.query<{ ref_id: string; verified_at: Date | null }>(
      `SELECT ref_id, verified_at FROM sandbox_transactions WHERE authority = $1`,
      [authority],
    );
    expect(row?.ref_id).toBe(receipt);
    expect(row?.verified_at).toBeInstanceOf(Date);
    expect(await gateway.verify({ reference: authority, amountRial: 200_000 })).toEqual({ status: "paid", receipt });
  });

  it("keeps the first decision: a paid transaction cannot be cancelled, nor a cancelled one paid", async () => {
    const paid = await started();
    expect((await bank.decide(paid, "paid"))?.status).toBe("paid");
    expect((await bank.decide(paid, "cancelled"))?.status).toBe("paid");
    const cancelled = await started();
    expect((await bank.decide(cancelled, "cancelled"))?.status).toBe("cancelled");
    expect((await bank.decide(cancelled, "paid"))?.status).toBe("cancelled");
    expect(await bank.decide("Snone", "paid")).toBeNull();
  });

  it("sends the browser back with Authority and Status, keeping the callback's own query", () => {
    const url = callbackRedirect({ authority: "Sabc", callbackUrl: "https://bot.example.ir/pay/callback/sandbox?lang=fa&x=1", status: "paid" });
    expect(url).toBe("https://bot.example.ir/pay/callback/sandbox?lang=fa&x=1&Authority=Sabc&Status=OK");
    expect(new URL(callbackRedirect({ authority: "Sabc", callbackUrl: "https://e.ir/cb", status: "cancelled" })).searchParams.get("Status")).toBe("NOK");
  });
});
