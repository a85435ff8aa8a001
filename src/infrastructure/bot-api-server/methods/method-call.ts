// What every Bot API method handler receives, and the shape of a handler.

import type { BotApiParams } from "../bot-api-params.js";
import type { BotRecord } from "../bot-record.js";
import type { LocalBotApiState } from "../state.js";

export interface MethodCall {
  state: LocalBotApiState;
  bot: BotRecord;
  params: BotApiParams;
  /** Aborts when the caller hangs up (ends long polls early). */
  signal: AbortSignal;
}

/** Returns the `result` of the envelope, or throws a BotApiError. */
export type BotMethod = (call: MethodCall) => unknown;

/** A result Telegram sends with a description beside it, e.g. setWebhook's "Webhook was set". */
export class DescribedResult {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}
