// One transport for every Bot API call, in or out of a conversation: each chat's pace, retries and 429 counting below grammY's Api.
import { autoRetry } from "@grammyjs/auto-retry";
import { HttpError, type ApiClientOptions, type Transformer } from "grammy";
import { chatPaceTransformer } from "./chat-pace.js";
import { type AbortLike, postJson } from "./json-post.js";

type Fetch = NonNullable<ApiClientOptions["fetch"]>;

/** Retry policy of every call (5 retries, back-off 3+6+12+24+48 s at most; 429s wait what they are told). */
export const SEND_RETRY = { maxRetryAttempts: 5, maxDelaySeconds: 60 } as const;

/**
 * The longest one call may take, retries included: grammY's client aborts a call after this. The
 * notification outbox's claim must outlive it, or a second instance sends the same message again.
 */
export const LONGEST_SEND_SECONDS = 240;

/**
 * No global queue in this process: a reply goes out as soon as its chat's pace allows (chat-pace.ts). The
 * platform's global limit is kept by the lanes instead: bulk notifications draw from the send budget shared by
 * every instance (src/infrastructure/redis/send-budget.ts), and a 429 holds that budget (see `onRateLimited`).
 */
/** A 429 the platform answered: auto-retry waits `retryAfterSeconds` and tries again. */
export interface RateLimitedCall {
  method: string;
  chatId?: number | string;
  retryAfterSeconds: number;
}

/** Each chat's pace and the retries every call goes through (the default transformers); retries queue again for their chat. */
export function pacedTransformers(): Transformer[] {
  return [readingChatIdOnly(chatPaceTransformer()), ...retryTransformers()];
}

/** The retries alone (where no platform answers and nothing needs pacing). */
export function retryTransformers(): Transformer[] {
  return [readingChatIdOnly(autoRetry(SEND_RETRY))];
}

const READS_CHAT_ID_ONLY = Symbol("reads nothing of a payload but chat_id");

/**
 * Marks a transformer that reads nothing of a payload but `chat_id` and passes it on unchanged. When every
 * transformer is marked, the transport does not parse the JSON body grammY wrote (only its leading chat_id).
 */
function readingChatIdOnly(transformer: Transformer): Transformer {
  return Object.assign(transformer, { [READS_CHAT_ID_ONLY]: true });
}

/** grammY writes `chat_id` first for every method that takes one: an integer there is read without parsing the body. */
const LEADING_CHAT_ID = /^\{"chat_id":(-?\d{1,16})[,}]/;

/** A stand-in payload holding the body's chat_id, or undefined when the body does not start with an integer one. */
function leadingChatIdPayload(body: string): Record<string, unknown> | undefined {
  const match = LEADING_CHAT_ID.exec(body);
  return match ? { chat_id: Number(match[1]) } : undefined;
}

/** What is known of a call that failed after its retries: never the payload (it carries personal data). */
export interface FailedCall {
  method: string;
  chatId?: number | string;
  errorCode?: number;
  description?: string;
  cause?: unknown;
}

export interface ResilientFetchOptions {
  transformers?: Transformer[];
  fetch?: typeof fetch;
  onFailure?: (call: FailedCall) => void;
  /**
   * Told of every 429 as it arrives, before auto-retry waits it out (the bot counts it and holds the shared
   * bulk budget). Must not throw; a rejected promise it returns is ignored.
   */
  onRateLimited?: (call: RateLimitedCall) => unknown;
}

/**
 * A `fetch` for grammY's client options. @grammyjs/conversations builds a fresh `Api` from the bot's
 * token and client options inside every conversation, so transformers installed on bot.api never reach
 * ctx.reply there; client options do. Routing the HTTP call itself through the per-chat pace and auto-retry
 * gives every Api the same queue and the same retries, and, because it sits below the conversation's
 * recording of calls, a replay returns the recorded result without waiting again.
 * Multipart uploads (files) are passed through untouched.
 */
export function resilientFetch(options: ResilientFetchOptions = {}): Fetch {
  const realFetch = options.fetch ?? fetch;
  const transformers = options.transformers ?? pacedTransformers();
  const chatIdIsEnough = transformers.every((transformer) => (transformer as { [READS_CHAT_ID_ONLY]?: boolean })[READS_CHAT_ID_ONLY] === true);
  type Call = (method: string, payload: Record<string, unknown>, signal?: AbortSignal) => Promise<ApiAnswer>;
  const viaTransformers = (base: Call): Call =>
    transformers.reduce<Call>((prev, transformer) => (m, p, s) => (transformer as unknown as (...args: unknown[]) => Promise<ApiAnswer>)(prev, m, p, s), base);

  const tellRateLimited = (method: string, payload: Record<string, unknown>, answer: ApiAnswer) => {
    if (!options.onRateLimited) return;
    const retryAfterSeconds = answer.parameters?.retry_after ?? 1;
    try {
      Promise.resolve(options.onRateLimited({ method, chatId: payload.chat_id as number | string | undefined, retryAfterSeconds })).catch(() => undefined);
    } catch {
      // A counter that fails must not fail the call it counts.
    }
  };

  // Without an injected fetch, JSON calls take the lean path (json-post.ts); files always go through fetch.
  const post = options.fetch
    ? async (url: string, init: RequestInit, body: string, signal: AbortLike | undefined) =>
        (await (await realFetch(url, { ...init, body, signal: nativeSignal(signal) ?? null })).json()) as ApiAnswer
    : async (url: string, _init: RequestInit, body: string, signal: AbortLike | undefined) => JSON.parse(await postJson(url, body, signal)) as ApiAnswer;

  const transport = async (url: string, init: RequestInit = {}): Promise<Response> => {
    if (typeof init.body !== "string") {
      // grammY on Node hands over a polyfilled AbortSignal, which Node's own fetch refuses: bridge it.
      return realFetch(url, { ...init, signal: nativeSignal(init.signal) ?? null });
    }
    const method = url.slice(url.lastIndexOf("/") + 1);
    // The payload the transformers see: the body's chat_id alone when they read nothing else, else the whole body.
    const parsed = (chatIdIsEnough ? leadingChatIdPayload(init.body) : undefined) ?? (JSON.parse(init.body) as Record<string, unknown>);
    const base: Call = async (method, payload, signal) => {
      try {
        // The transformers pass the payload on as it came (a stand-in too): its JSON is the body grammY wrote.
        const body = payload === parsed ? (init.body as string) : JSON.stringify(payload);
        const answer = await post(url, init, body, signal as AbortLike | undefined);
        if (answer.error_code === 429) tellRateLimited(method, payload, answer);
        return answer;
      } catch (error) {
        // auto-retry retries HttpErrors (network failures) with back-off, not other errors.
        if (signal?.aborted) throw error;
        throw new HttpError(`Network request for '${method}' failed`, error);
      }
    };
    const chatId = parsed.chat_id as number | string | undefined;
    let result: ApiAnswer;
    try {
      result = await viaTransformers(base)(method, parsed, (init.signal as AbortSignal | null) ?? undefined);
    } catch (error) {
      options.onFailure?.({ method, chatId, cause: error instanceof HttpError ? error.error : error });
      throw error;
    }
    if (!result.ok) options.onFailure?.({ method, chatId, errorCode: result.error_code, description: result.description });
    else if (SENDS_MESSAGES.test(method)) result = { ...result, result: referenceOf(result.result) };
    // grammY's client reads nothing of the response but json(): no Response (and its streams) is built.
    return { json: async () => result } as unknown as Response;
  };
  return transport as unknown as Fetch;
}

/** The methods whose answer is the message (or messages) the bot sent or edited. */
const SENDS_MESSAGES = /^(send|edit|forwardMessage$)/;

/**
 * What the bot keeps of a message it sent: its reference (id, date, chat id and type), which is all the code
 * reads. The rest is an echo of the bot's own text and keyboard plus the citizen's name from the chat, and
 * @grammyjs/conversations records every answer in the conversation's replay log: kept whole, the echo was
 * about 40 % of a pre-registration's stored state, parsed and written again on every update, and the name
 * sat in Redis with it.
 */
function referenceOf(sent: unknown): unknown {
  if (Array.isArray(sent)) return sent.map(referenceOf);
  if (typeof sent !== "object" || sent === null) return sent;
  const { message_id, date, chat } = sent as { message_id?: unknown; date?: unknown; chat?: { id?: unknown; type?: unknown } };
  if (message_id === undefined || typeof chat !== "object" || chat === null) return sent;
  return { message_id, date, chat: { id: chat.id, type: chat.type } };
}

function nativeSignal(signal: AbortLike | null | undefined): AbortSignal | undefined {
  if (!signal) return undefined;
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener("abort", () => controller.abort());
  return controller.signal;
}

interface ApiAnswer {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}
