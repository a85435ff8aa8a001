// The whole sandbox journey over real HTTP and PostgreSQL: pay page, pay or cancel, callback, settle once.
import { randomInt } from "node:crypto";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeCancelledPayment, confirmPayment, type PaymentServiceDeps } from "../../../src/domain/payment/settle-payment.js";
import type { PaymentLedger, PaymentRecord } from "../../../src/domain/payment/payment-ledger.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlPaymentLedger } from "../../../src/infrastructure/database/payment-ledger.js";
import { startHttpServer, type RunningHttpServer } from "../../../src/infrastructure/http/http-server.js";
import { PAGE_FONT_PATH } from "../../../src/infrastructure/http/persian-font.js";
import { paymentCallbackRoutes } from "../../../src/infrastructure/payments/payment-callback-routes.js";
import { SandboxGateway } from "../../../src/infrastructure/payments/sandbox-gateway.js";
import { sandboxPages } from "../../../src/infrastructure/payments/sandbox-pages.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { insertApplication, insertPlaces } from "./payment-fixtures.js";
import { paymentsTranslate } from "./payments-translate.js";

const FEE_RIAL = 200_000; // 20,000 toman
const translate = paymentsTranslate("fa");
const PAID_HEADING = translate("payment-result-paid-heading");

describe("sandbox payment journey", () => {
  let testDb: TestDatabase;
  let db: Database;
  let ledger: PaymentLedger;
  let server: RunningHttpServer;
  let gateway: SandboxGateway;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    ledger = createSqlPaymentLedger(db.sql);
    await insertPlaces(db);
    const deps: PaymentServiceDeps = { ledger, gateways: {}, random: randomInt, now: () => new Date() };
    const app = new Hono();
    app.route("/", sandboxPages({ sql: db.sql, translate }));
    app.route(
      "/",
      paymentCallbackRoutes({
        ledger,
        confirm: (payment) => confirmPayment(deps, payment),
        cancel: (payment) => closeCancelledPayment(deps, payment),
        translate,
      }),
    );
    server = await startHttpServer(app, { port: 0, host: "127.0.0.1" });
    gateway = new SandboxGateway({ sql: db.sql, publicBaseUrl: `${server.url}/` });
    deps.gateways.sandbox = gateway;
  });
  afterAll(async () => {
    await server.close();
    await db.close();
    await testDb.drop();
  });

  /** Opens and starts a payment as the bot would, returning it and its pay link. */
  async function startPayment(chatId: number): Promise<{ applicationId: string; payment: PaymentRecord; payUrl: string }> {
    const applicationId = await insertApplication(db, { chatId, feeRial: FEE_RIAL });
    const now = new Date();
    const { payment } = await ledger.openPayment({
      applicationId,
      gateway: "sandbox",
      amountRial: FEE_RIAL,
      now,
      expiresAt: new Date(now.getTime() + 30 * 60_000),
    });
    const started = await gateway.start({
      paymentId: payment.id,
      amountRial: payment.amountRial,
      description: "هزینه‌ی پیش‌ثبت‌نام کارت ملی هوشمند",
      callbackUrl: `${server.url}/pay/callback/sandbox?lang=fa`,
      chatId,
    });
    if (started.kind !== "redirect") throw new Error("the sandbox redirects");
    await ledger.attachGatewayReference(payment.id, started.reference, started.payUrl);
    return { applicationId, payment, payUrl: started.payUrl };
  }

  /** Presses a button on the pay page; returns where the sandbox sends the browser. */
  async function press(payUrl: string, action: "pay" | "cancel"): Promise<string> {
    const response = await fetch(`${payUrl}/${action}`, { method: "POST", redirect: "manual" });
    expect(response.status).toBe(303);
    return response.headers.get("location")!;
  }

  const counts = async (applicationId: string, paymentId: string) => {
    const [row] = await db.sql.query<{ notifications: number; events: number; paid: number }>(
      `SELECT (SELECT count(*)::int FROM notifications WHERE dedup_key = $2) AS notifications,
              (SELECT count(*)::int FROM application_events WHERE application_id = $1) AS events,
              (SELECT count(*)::int FROM payments WHERE application_id = $1 AND status = 'paid') AS paid`,
      [applicationId, `payment-confirmed:${paymentId}`],
    );
    return row;
  };

  it("shows a Persian test pay page with the amount in toman and Persian digits", async () => {
    const { payUrl } = await startPayment(5001);
    expect(payUrl.startsWith(`${server.url}/pay/sandbox/S`)).toBe(true);
    expect(payUrl).toMatch(/\/pay\/sandbox\/S[0-9a-f]{32}$/);
    const response = await fetch(payUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain("درگاه پرداخت آزمایشی");
    expect(html).toContain("هیچ پول واقعی");
    expect(html).toContain("۲۰٬۰۰۰ تومان");
    expect(html).toContain("هزینه‌ی پیش‌ثبت‌نام کارت ملی هوشمند");
    expect(html).toMatch(/<form method="post" action="S[0-9a-f]{32}\/pay">/);
    expect(html).toMatch(/<form method="post" action="S[0-9a-f]{32}\/cancel">/);
    // No scripts and nothing from another site: the only asset is the project's font, from this server.
    expect(html).not.toMatch(/<script/);
    const assets = [...html.matchAll(/(?:href|src)=["']?([^"') >]+)|url\(["']?([^"')]+)/g)].map((match) => match[1] ?? match[2]);
    expect(new Set(assets)).toEqual(new Set([PAGE_FONT_PATH]));
    expect(translate.missing).toEqual([]);
  });

  it("pays, returns to the callback and settles: success page, no tracking code on the web", async () => {
    const { applicationId, payment, payUrl } = await startPayment(5002);
    const location = await press(payUrl, "pay");
    const callback = new URL(location);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${server.url}/pay/callback/sandbox`);
    expect(Object.fromEntries(callback.searchParams)).toEqual({ lang: "fa", Authority: payUrl.split("/").pop(), Status: "OK" });

    const response = await fetch(location);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(PAID_HEADING);
    expect(html).toContain(translate("payment-result-paid-body"));

    const [app] = await db.sql.query<{ status: string; tracking_code: string }>(`SELECT status, tracking_code FROM applications WHERE id = $1`, [
      applicationId,
    ]);
    expect(app?.status).toBe("paid");
    expect(app?.tracking_code).toMatch(/^\d{12}$/);
    expect(html).not.toContain(app!.tracking_code);
    expect(html).not.toContain(app!.tracking_code.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))).slice(0, 4));
    expect(await counts(applicationId, payment.id)).toEqual({ notifications: 1, events: 1, paid: 1 });
    const [stored] = await db.sql.query<{ receipt_reference: string; ref_id: string }>(
      `SELECT p.receipt_reference, s.ref_id FROM payments p JOIN sandbox_transactions s ON s.authority = p.gateway_reference WHERE p.id = $1`,
      [payment.id],
    );
    expect(stored?.receipt_reference).toBe(stored?.ref_id);
  });

  it("settles once when the callback arrives ten times at once and again later", async () => {
    const { applicationId, payment, payUrl } = await startPayment(5003);
    const location = await press(payUrl, "pay");
    const pages = await Promise.all(Array.from({ length: 10 }, () => fetch(location).then(async (r) => ({ status: r.status, html: await r.text() }))));
    expect(pages.every((p) => p.status === 200 && p.html.includes(PAID_HEADING))).toBe(true);
    const again = await fetch(location);
    expect(await again.text()).toContain(PAID_HEADING);

    expect(await counts(applicationId, payment.id)).toEqual({ notifications: 1, events: 1, paid: 1 });
    const codes = await db.sql.query<{ tracking_code: string; params: { trackingCode: string } }>(
      `SELECT a.tracking_code, n.params FROM applications a JOIN notifications n ON n.dedup_key = $2 WHERE a.id = $1`,
      [applicationId, `payment-confirmed:${payment.id}`],
    );
    expect(codes).toHaveLength(1);
    expect(codes[0]?.params.trackingCode).toBe(codes[0]?.tracking_code);
  });

  it("cancelling shows the cancelled page and closes the payment, so the next start is a fresh one at once", async () => {
    const { applicationId, payment, payUrl } = await startPayment(5004);
    const location = await press(payUrl, "cancel");
    expect(new URL(location).searchParams.get("Status")).toBe("NOK");
    const response = await fetch(location);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(translate("payment-result-cancelled-heading"));
    expect(html).not.toContain(PAID_HEADING);
    // The sandbox confirms the cancel: the payment is closed as failed, nothing is announced.
    expect((await ledger.findById(payment.id))?.status).toBe("failed");
    expect(await counts(applicationId, payment.id)).toEqual({ notifications: 0, events: 0, paid: 0 });
    // The callback again (reload, a second tab) changes nothing.
    expect(await (await fetch(location)).text()).toContain(translate("payment-result-not-paid-heading"));

    // A cancelled sandbox transaction cannot be paid afterwards: the button just sends the browser back with NOK.
    expect(new URL(await press(payUrl, "pay")).searchParams.get("Status")).toBe("NOK");
    const page = await (await fetch(payUrl)).text();
    expect(page).toContain(translate("sandbox-already-cancelled"));
    // Someone faking Status=OK gets the gateway's word instead: not paid.
    const forged = new URL(location);
    forged.searchParams.set("Status", "OK");
    expect(await (await fetch(forged)).text()).toContain(translate("payment-result-not-paid-heading"));
    expect((await ledger.findById(payment.id))?.status).toBe("failed");

    // Starting again opens a new payment at once, not the cancelled one.
    const now = new Date();
    const again = await ledger.openPayment({ applicationId, gateway: "sandbox", amountRial: FEE_RIAL, now, expiresAt: new Date(now.getTime() + 30 * 60_000) });
    expect(again.created).toBe(true);
    expect(again.payment.id).not.toBe(payment.id);
  });

  it("a forged cancel for a payment still open at the gateway leaves it open, and paying then settles it", async () => {
    const { applicationId, payment, payUrl } = await startPayment(5005);
    const forgedCancel = `${server.url}/pay/callback/sandbox?Authority=${payment.gatewayReference ?? (await ledger.findById(payment.id))!.gatewayReference}&Status=NOK`;
    expect(await (await fetch(forgedCancel)).text()).toContain(translate("payment-result-cancelled-heading"));
    expect((await ledger.findById(payment.id))?.status).toBe("pending");
    const location = await press(payUrl, "pay");
    expect(await (await fetch(location)).text()).toContain(PAID_HEADING);
    expect(await counts(applicationId, payment.id)).toEqual({ notifications: 1, events: 1, paid: 1 });
  });

  it("answers 404 pages for unknown transactions and payments", async () => {
    const payPage = await fetch(`${server.url}/pay/sandbox/Sdoesnotexist`);
    expect(payPage.status).toBe(404);
    expect(await payPage.text()).toContain(translate("sandbox-not-found-heading"));
    expect((await fetch(`${server.url}/pay/sandbox/Sdoesnotexist/pay`, { method: "POST", redirect: "manual" })).status).toBe(404);
    const callback = await fetch(`${server.url}/pay/callback/sandbox?Authority=Snothing&Status=OK`);
    expect(callback.status).toBe(404);
    expect(await callback.text()).toContain(translate("payment-result-not-found-heading"));
    expect((await fetch(`${server.url}/pay/callback/paypal?Authority=Snothing&Status=OK`)).status).toBe(404);
    expect((await fetch(`${server.url}/pay/callback/sandbox`)).status).toBe(404);
  });
});
