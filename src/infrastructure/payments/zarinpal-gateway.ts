// The Zarinpal gateway (REST API v4): payment request, StartPay link, and verification with our own amount.
import type { PaymentGateway, PaymentRequest, PaymentStart, VerifyOutcome } from "../../domain/payment/payment-gateway.js";

/** Zarinpal's production API host. */
export const ZARINPAL_API_BASE = "https://api.zarinpal.com";

/** 100: verified now; 101: verified before. Both mean the money arrived. */
const PAID_CODES = new Set([100, 101]);
/**
 * Verification codes that settle the question "not paid" for this authority and amount. Every other error
 * (merchant or terminal problems, rate limits, -52 "contact support") says nothing about the payment
 * itself, so it is reported as `unknown` and asked again later rather than expiring a paid payment.
 */
const NOT_PAID_REASONS: ReadonlyMap<number, string> = new Map([
  [-50, "amount_mismatch"],
  [-51, "not_paid"],
  [-53, "other_merchant"],
  [-54, "unknown_authority"],
  [-55, "unknown_authority"],
]);

export interface ZarinpalOptions {
  merchantId: string;
  apiBase?: string;
  /** Host of the StartPay page; the API host unless Zarinpal serves it elsewhere. */
  startPayBase?: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** Zarinpal refused to open a payment (data.code not 100); `code` is its error code, e.g. -9 or -10. */
export class ZarinpalRequestError extends Error {
  override readonly name = "ZarinpalRequestError";
  constructor(
    readonly code: number | null,
    readonly zarinpalMessage: string,
  ) {
    super(`Zarinpal refused the payment request (${code ?? "no code"}): ${zarinpalMessage}`);
  }
}

/** Zarinpal could not be asked (network error, timeout, 5xx, unreadable answer) when opening a payment. */
export class ZarinpalUnavailableError extends Error {
  override readonly name = "ZarinpalUnavailableError";
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Zarinpal is unavailable: ${reason}`, options);
  }
}

/** Zarinpal's JSON envelope: `data` holds the answer on success, `errors` the code on failure. */
interface Envelope {
  data?: { code?: unknown; authority?: unknown; ref_id?: unknown; message?: unknown } | unknown[];
  errors?: { code?: unknown; message?: unknown } | unknown[];
}

type CallResult = { kind: "answer"; body: Envelope } | { kind: "unavailable"; reason: string; cause?: unknown };

export class ZarinpalGateway implements PaymentGateway {
  readonly name = "zarinpal" as const;
  private readonly apiBase: string;
  private readonly startPayBase: string;
  private readonly timeoutMs: number;
  private readonly fetch: typeof globalThis.fetch;

  constructor(private readonly options: ZarinpalOptions) {
    this.apiBase = (options.apiBase ?? ZARINPAL_API_BASE).replace(/\/+$/, "");
    this.startPayBase = (options.startPayBase ?? this.apiBase).replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async start(request: PaymentRequest): Promise<PaymentStart> {
    const result = await this.call("/pg/v4/payment/request.json", {
      merchant_id: this.options.merchantId,
      amount: request.amountRial,
      currency: "IRR",
      description: request.description,
      callback_url: request.callbackUrl,
      metadata: { ...(request.mobile ? { mobile: request.mobile } : {}), order_id: request.paymentId },
    });
    if (result.kind === "unavailable") throw new ZarinpalUnavailableError(result.reason, { cause: result.cause });
    const data = record(result.body.data);
    if (data?.code === 100 && typeof data.authority === "string" && data.authority !== "") {
      const authority = data.authority;
      return { kind: "redirect", reference: authority, payUrl: `${this.startPayBase}/pg/StartPay/${encodeURIComponent(authority)}` };
    }
    const error = errorOf(result.body);
    throw new ZarinpalRequestError(error.code, error.message);
  }

  async verify(payment: { reference: string; amountRial: number }): Promise<VerifyOutcome> {
    const result = await this.call("/pg/v4/payment/verify.json", {
      merchant_id: this.options.merchantId,
      amount: payment.amountRial,
      authority: payment.reference,
    });
    if (result.kind === "unavailable") return { status: "unknown", reason: result.reason };
    const data = record(result.body.data);
    if (typeof data?.code === "number" && PAID_CODES.has(data.code)) {
      const refId = data.ref_id;
      if ((typeof refId === "number" || typeof refId === "string") && String(refId) !== "") return { status: "paid", receipt: String(refId) };
      return { status: "unknown", reason: `code ${data.code} without ref_id` };
    }
    const { code } = errorOf(result.body);
    const notPaid = code === null ? undefined : NOT_PAID_REASONS.get(code);
    // -51: the attempt for this authority failed or was cancelled at Zarinpal; paying needs a new authority.
    if (notPaid) return { status: "not_paid", reason: `${notPaid} (${code})`, ...(code === -51 ? { final: true } : {}) };
    return { status: "unknown", reason: `zarinpal error ${code ?? "without code"}` };
  }

  /** POSTs JSON; 4xx answers are read too, because Zarinpal sends its error codes with them. */
  private async call(path: string, body: unknown): Promise<CallResult> {
    let response: Response;
    try {
      response = await this.fetch(`${this.apiBase}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (response.status >= 500) return { kind: "unavailable", reason: `http ${response.status}` };
      const text = await response.text();
      try {
        return { kind: "answer", body: JSON.parse(text) as Envelope };
      } catch {
        return { kind: "unavailable", reason: `unreadable answer (http ${response.status})` };
      }
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      return { kind: "unavailable", reason: timedOut ? "timeout" : `network error: ${error instanceof Error ? error.message : String(error)}`, cause: error };
    }
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The error code and message of a failed answer; code null when the answer carries none. */
function errorOf(body: Envelope): { code: number | null; message: string } {
  const errors = record(body.errors);
  const code = typeof errors?.code === "number" ? errors.code : typeof errors?.code === "string" && /^-?\d+$/.test(errors.code) ? Number(errors.code) : null;
  const message = typeof errors?.message === "string" ? errors.message : "";
  return { code, message };
}
