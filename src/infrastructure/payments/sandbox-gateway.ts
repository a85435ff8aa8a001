// The sandbox payment gateway: a stand-in for Zarinpal, kept in this project's database, with no real money.
import type { PaymentGateway, PaymentRequest, PaymentStart, VerifyOutcome } from "../../domain/payment/payment-gateway.js";
import type { SqlExecutor } from "../database/sql-executor.js";
import { createSandboxBank, type SandboxBank } from "./sandbox-bank.js";

/** The path of the sandbox's pay page for an authority (served by sandboxPages). */
export function sandboxPayPath(authority: string): string {
  return `/pay/sandbox/${encodeURIComponent(authority)}`;
}

export interface SandboxGatewayOptions {
  /** The project's database (Database.sql): the sandbox keeps its books there. */
  sql: SqlExecutor;
  /** Where this server is reachable by the citizen's browser, e.g. https://bot.example.ir (no trailing slash needed). */
  publicBaseUrl: string;
  now?: () => Date;
}

/**
 * Behaves as a redirecting gateway does: start() registers a transaction and returns its pay page; the
 * citizen pays or cancels there (sandboxPages), is sent back to our callback, and verify() answers as
 * Zarinpal does, including repeating the same receipt when asked again.
 */
export class SandboxGateway implements PaymentGateway {
  readonly name = "sandbox" as const;
  private readonly bank: SandboxBank;
  private readonly publicBaseUrl: string;

  constructor(options: SandboxGatewayOptions) {
    this.bank = createSandboxBank(options.sql, options.now);
    this.publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, "");
  }

  async start(request: PaymentRequest): Promise<PaymentStart> {
    const transaction = await this.bank.create({
      amountRial: request.amountRial,
      description: request.description,
      callbackUrl: request.callbackUrl,
    });
    return { kind: "redirect", reference: transaction.authority, payUrl: `${this.publicBaseUrl}${sandboxPayPath(transaction.authority)}` };
  }

  verify(payment: { reference: string; amountRial: number }): Promise<VerifyOutcome> {
    return this.bank.verify(payment.reference, payment.amountRial);
  }
}
