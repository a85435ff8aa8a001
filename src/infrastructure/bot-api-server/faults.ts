// Injected failures: the next N calls of a Bot API method answer with a chosen error, to test retries.

import { BotApiError, defaultDescription } from "./bot-api-error.js";

export interface FaultSpec {
  /** Bot API method name, case-insensitive like Telegram's. */
  method: string;
  /** 0: no answer at all (the connection is dropped), as in a network failure. */
  error_code: number;
  description?: string;
  /** Seconds, for 429 answers (default 1). */
  retry_after?: number;
  /** How many calls fail (default 1). */
  times?: number;
  /** Only calls for this chat fail (e.g. 403 "bot was blocked by the user" for one user). */
  chat_id?: number;
}

export interface ArmedFault {
  method: string;
  error_code: number;
  description: string;
  retry_after?: number;
  remaining: number;
  chat_id?: number;
}

export class FaultStore {
  private faults: ArmedFault[] = [];

  add(spec: FaultSpec): ArmedFault {
    const retryAfter = spec.error_code === 429 ? (spec.retry_after ?? 1) : spec.retry_after;
    const fault: ArmedFault = {
      method: spec.method.toLowerCase(),
      error_code: spec.error_code,
      description: spec.description ?? (spec.error_code === 429 ? `Too Many Requests: retry after ${retryAfter}` : defaultDescription(spec.error_code)),
      remaining: spec.times ?? 1,
      ...(retryAfter !== undefined ? { retry_after: retryAfter } : {}),
      ...(spec.chat_id !== undefined ? { chat_id: spec.chat_id } : {}),
    };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly ArmedFault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  /** The error this call must fail with, if a fault is armed for it; uses up one of its times. */
  take(method: string, chatId: number | undefined): BotApiError | undefined {
    const name = method.toLowerCase();
    const fault = this.faults.find((candidate) => candidate.method === name && (candidate.chat_id === undefined || candidate.chat_id === chatId));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    const parameters = fault.retry_after !== undefined ? { retry_after: fault.retry_after } : undefined;
    return new BotApiError(fault.error_code, fault.description, parameters);
  }
}
