// Bale's in-app payment: an invoice sent into the chat, paid inside the messenger, confirmed by an update.
import type { Api } from "grammy";
import type { PaymentGateway, PaymentRequest, PaymentStart, VerifyOutcome } from "../../domain/payment/payment-gateway.js";
import { INVOICE_CURRENCY } from "../../domain/payment/pre-checkout.js";
import type { Translate } from "../../domain/shared/translate.js";

/** Bot API limits on invoice texts (Bale follows the same API). */
const TITLE_MAX = 32;
const DESCRIPTION_MAX = 255;

export interface BaleInvoiceGatewayOptions {
  api: Api;
  /** For Bale: the receiving bank card number. */
  providerToken: string;
  /** The invoice's title (1-32 characters), e.g. already translated by the caller. */
  title: string;
  translate: Translate;
}

/**
 * start() sends the invoice; its payload is our payment id, which comes back in pre_checkout_query and
 * successful_payment. The payment is settled from the successful_payment update (src/bot/features), so
 * verify() has nothing to ask and answers `unknown` ("settled_by_update"). Bale's
 * inquireTransaction(transaction_id) would be the server-side check once we keep the transaction id that a
 * successful_payment carries; nothing before that update knows it.
 */
export class BaleInvoiceGateway implements PaymentGateway {
  readonly name = "bale" as const;
  readonly settlesByUpdate = true;

  constructor(private readonly options: BaleInvoiceGatewayOptions) {}

  async start(request: PaymentRequest): Promise<PaymentStart> {
    const { api, providerToken, title, translate } = this.options;
    await api.sendInvoice(
      request.chatId,
      truncate(title, TITLE_MAX),
      truncate(request.description, DESCRIPTION_MAX),
      request.paymentId,
      INVOICE_CURRENCY,
      [{ label: translate("payment-invoice-label"), amount: request.amountRial }],
      { provider_token: providerToken },
    );
    return { kind: "invoice", reference: request.paymentId };
  }

  async verify(): Promise<VerifyOutcome> {
    return { status: "unknown", reason: "settled_by_update" };
  }
}

/** Cuts at a character (code point) boundary, so a Persian letter or emoji is never split. */
function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join("");
}
