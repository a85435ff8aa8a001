// Where a redirecting gateway sends the citizen back: verify with the gateway, settle, show a result page.
import { Hono } from "hono";
import type { GatewayName } from "../../domain/payment/payment-gateway.js";
import type { PaymentLedger, PaymentRecord } from "../../domain/payment/payment-ledger.js";
import type { CancelOutcome, ConfirmOutcome } from "../../domain/payment/settle-payment.js";
import type { Translate } from "../../domain/shared/translate.js";
import { escapeHtml, htmlResponse, renderPage, type PageTone } from "./payment-page.js";

const GATEWAYS: readonly GatewayName[] = ["sandbox", "zarinpal", "bale"];

/** The result pages the callback can show. */
export type CallbackResult = "paid" | "cancelled" | "not_paid" | "unknown" | "expired" | "not_payable" | "not_found";

export interface PaymentCallbackOptions {
  ledger: Pick<PaymentLedger, "findByReference" | "outcomeOf">;
  /** Verifies with the payment's gateway (using our amount) and settles; confirmPayment bound to its deps. */
  confirm: (payment: PaymentRecord) => Promise<ConfirmOutcome>;
  /** Asks the gateway about a payment the citizen came back from as cancelled; closeCancelledPayment bound to its deps. */
  cancel: (payment: PaymentRecord) => Promise<CancelOutcome>;
  translate: Translate;
  /** A link back to the bot (https://t.me/<bot> or https://ble.ir/<bot>), shown on every result page if set. */
  botUrl?: string;
  /** Told about failures of the ledger or the gateway; the citizen sees the "we will check again" page. */
  onError?: (error: unknown) => void;
}

/**
 * GET /pay/callback/:gateway?Authority=..&Status=OK|NOK. Either status is only a hint: the payment counts as
 * paid when the gateway confirms it, and as cancelled (closed, so the bot's next press starts a fresh one)
 * when the gateway confirms it will not be paid. Safe to hit any number of times, concurrently too: settling is
 * conditional in the ledger, and a settled payment shows the same success page again. The tracking code is
 * never shown here (a URL can be shared or logged); it goes to the chat.
 */
export function paymentCallbackRoutes(options: PaymentCallbackOptions): Hono {
  const app = new Hono();
  app.get("/pay/callback/:gateway", async (c) => {
    const gateway = c.req.param("gateway");
    const authority = c.req.query("Authority");
    let result: CallbackResult;
    try {
      result = isGatewayName(gateway) && authority ? await handleCallback(options, gateway, authority, c.req.query("Status") === "OK") : "not_found";
    } catch (error) {
      options.onError?.(error);
      result = "unknown";
    }
    return htmlResponse(renderResultPage(options.translate, result, options.botUrl), result === "not_found" ? 404 : 200);
  });
  return app;
}

async function handleCallback(options: PaymentCallbackOptions, gateway: GatewayName, authority: string, ok: boolean): Promise<CallbackResult> {
  const payment = await options.ledger.findByReference(gateway, authority);
  if (!payment) return "not_found";
  if (ok) return resultOf(await options.confirm(payment));
  const outcome = await options.cancel(payment);
  // Not (yet) confirmed as cancelled by the gateway: still show the cancelled page; the payment stays open.
  return outcome.kind === "cancelled" || outcome.kind === "not_paid" || outcome.kind === "unknown" ? "cancelled" : resultOf(outcome);
}

/** What the citizen is told for each outcome of confirming a payment. */
export function resultOf(outcome: ConfirmOutcome): CallbackResult {
  switch (outcome.kind) {
    case "settled":
    case "already_settled":
      return "paid";
    case "not_paid":
      return "not_paid";
    case "unknown":
      return "unknown";
    case "expired":
      return "expired";
    case "not_found":
      return "not_found";
    case "not_pending":
      // Paid but not settled: the application left awaiting_payment before the money arrived.
      if (outcome.status === "paid") return "not_payable";
      if (outcome.status === "expired") return "expired";
      if (outcome.status === "failed") return "not_paid";
      return "unknown";
  }
}

const TONES: Record<CallbackResult, PageTone> = {
  paid: "success",
  cancelled: "warning",
  not_paid: "error",
  unknown: "info",
  expired: "warning",
  not_payable: "warning",
  not_found: "error",
};

/** Each result's part of its page keys: payment-result-<key>-heading and -body (the locale test reads this map). */
export const RESULT_PAGE_KEYS: Record<CallbackResult, string> = {
  paid: "paid",
  cancelled: "cancelled",
  not_paid: "not-paid",
  unknown: "unknown",
  expired: "expired",
  not_payable: "not-payable",
  not_found: "not-found",
};

/** The result page for one outcome, with texts from payment-result-<result>-heading and -body. */
export function renderResultPage(translate: Translate, result: CallbackResult, botUrl?: string): string {
  const key = RESULT_PAGE_KEYS[result];
  return renderPage(translate, {
    title: translate("payment-page-title"),
    heading: translate(`payment-result-${key}-heading`),
    paragraphs: [translate(`payment-result-${key}-body`)],
    tone: TONES[result],
    actionsHtml: botUrl
      ? `<div class="actions"><a class="button primary" href="${escapeHtml(botUrl)}">${escapeHtml(translate("payment-back-to-bot"))}</a></div>`
      : undefined,
  });
}

function isGatewayName(name: string): name is GatewayName {
  return (GATEWAYS as readonly string[]).includes(name);
}
