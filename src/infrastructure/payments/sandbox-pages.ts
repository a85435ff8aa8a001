// The sandbox gateway's web pages: the citizen's "bank page", where a test payment is paid or cancelled.
import { Hono } from "hono";
import { formatToman } from "../../domain/time/persian-format.js";
import type { SqlExecutor } from "../database/sql-executor.js";
import type { Translate } from "../../domain/shared/translate.js";
import { escapeHtml, htmlResponse, renderPage, type PageContent } from "./payment-page.js";
import { createSandboxBank, type SandboxTransaction } from "./sandbox-bank.js";

export interface SandboxPagesOptions {
  /** The project's database (Database.sql): the sandbox keeps its books there. */
  sql: SqlExecutor;
  translate: Translate;
  now?: () => Date;
}

/**
 * GET /pay/sandbox/:authority shows the test pay page; POST .../pay and .../cancel record the choice and
 * send the browser back (303) to the transaction's callback URL with Authority and Status=OK|NOK, as
 * Zarinpal does. A transaction already paid or cancelled keeps its state and redirects with it.
 */
export function sandboxPages(options: SandboxPagesOptions): Hono {
  const { translate } = options;
  const bank = createSandboxBank(options.sql, options.now);
  const app = new Hono();

  const notFound = () =>
    htmlResponse(
      renderPage(translate, {
        title: translate("sandbox-page-title"),
        banner: translate("sandbox-test-warning"),
        heading: translate("sandbox-not-found-heading"),
        paragraphs: [translate("sandbox-not-found-body")],
        tone: "error",
      }),
      404,
    );

  app.get("/pay/sandbox/:authority", async (c) => {
    const transaction = await bank.find(c.req.param("authority"));
    if (!transaction) return notFound();
    return htmlResponse(renderPage(translate, transaction.status === "created" ? payPage(translate, transaction) : decidedPage(translate, transaction)));
  });

  for (const [action, choice] of [
    ["pay", "paid"],
    ["cancel", "cancelled"],
  ] as const) {
    app.post(`/pay/sandbox/:authority/${action}`, async (c) => {
      const transaction = await bank.decide(c.req.param("authority"), choice);
      if (!transaction) return notFound();
      return c.redirect(callbackRedirect(transaction), 303);
    });
  }

  return app;
}

function payPage(translate: Translate, transaction: SandboxTransaction): PageContent {
  // Relative form actions keep working wherever this sub-app is mounted.
  const base = encodeURIComponent(transaction.authority);
  return {
    title: translate("sandbox-page-title"),
    banner: translate("sandbox-test-warning"),
    heading: translate("sandbox-heading"),
    paragraphs: [translate("sandbox-description", { description: transaction.description })],
    tone: "info",
    actionsHtml: `<p>${escapeHtml(translate("sandbox-amount-label"))}</p>
<p class="amount">${escapeHtml(translate("sandbox-amount", { amount: formatToman(transaction.amountRial) }))}</p>
<div class="actions">
<form method="post" action="${base}/pay"><button type="submit" class="primary">${escapeHtml(translate("sandbox-pay-button"))}</button></form>
<form method="post" action="${base}/cancel"><button type="submit" class="secondary">${escapeHtml(translate("sandbox-cancel-button"))}</button></form>
</div>`,
  };
}

function decidedPage(translate: Translate, transaction: SandboxTransaction): PageContent {
  const paid = transaction.status === "paid";
  return {
    title: translate("sandbox-page-title"),
    banner: translate("sandbox-test-warning"),
    heading: translate(paid ? "sandbox-already-paid" : "sandbox-already-cancelled"),
    paragraphs: [translate("sandbox-description", { description: transaction.description })],
    tone: paid ? "success" : "warning",
    actionsHtml: `<div class="actions"><a class="button primary" href="${escapeHtml(callbackRedirect(transaction))}">${escapeHtml(
      translate("sandbox-return-button"),
    )}</a></div>`,
  };
}

/** The transaction's callback URL with Authority and Status added; the merchant's own query is kept. */
export function callbackRedirect(transaction: Pick<SandboxTransaction, "authority" | "callbackUrl" | "status">): string {
  const url = new URL(transaction.callbackUrl);
  url.searchParams.set("Authority", transaction.authority);
  url.searchParams.set("Status", transaction.status === "paid" ? "OK" : "NOK");
  return url.toString();
}
