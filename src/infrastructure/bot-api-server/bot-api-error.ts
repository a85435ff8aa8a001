// Errors that the local Bot API server answers with Telegram's `{ ok: false, ... }` envelope.

import type { ResponseParameters } from "grammy/types";

/** A failed Bot API call; `description` is the exact text Telegram would send. */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "BotApiError";
  }

  toEnvelope(): BotApiErrorEnvelope {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export interface BotApiErrorEnvelope {
  ok: false;
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}

export const badRequest = (detail: string) => new BotApiError(400, `Bad Request: ${detail}`);
export const unauthorized = () => new BotApiError(401, "Unauthorized");
export const notFound = () => new BotApiError(404, "Not Found");
export const conflict = (detail: string) => new BotApiError(409, `Conflict: ${detail}`);
export const tooManyRequests = (retryAfter: number) => new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

/** Default descriptions for injected faults, worded like Telegram's. */
export function defaultDescription(errorCode: number): string {
  switch (errorCode) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden: bot was blocked by the user";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 0:
      return "connection dropped";
    case 502:
      return "Bad Gateway";
    default:
      return errorCode >= 500 ? "Internal Server Error" : `Error ${errorCode}`;
  }
}
