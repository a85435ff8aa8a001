// A lean loopback Bot API that enforces a per-chat and a global send limit with its own clock, answering 429 with
// retry_after when one is exceeded, and records every message it accepted (for duplicates, rates and latency).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

export interface LimitedBotApiOptions {
  /** Messages accepted in any sliding second, all chats together (Telegram: about 30). */
  globalPerSecond: number;
  /** A chat's bucket: `burst` messages at once, refilled at `perSecond` (Telegram: about one a second, short bursts). */
  perChat?: { burst: number; perSecond: number };
  /** retry_after (seconds) in a 429. */
  retryAfterSeconds?: number;
  /** Milliseconds each answer is held before it is written (a platform's round trip). */
  latencyMs?: number;
  /** Answers a call with this instead (a test's fault); return undefined to answer normally. */
  intercept?: (method: string, payload: Record<string, unknown>) => object | undefined;
}

export interface AcceptedMessage {
  chatId: number;
  text: string;
  /** performance.timeOrigin + performance.now() when accepted: comparable with Date.now() in this process. */
  at: number;
}

export interface LimitedBotApi {
  url: string;
  accepted: AcceptedMessage[];
  /** 429s answered because the global limit was reached, and because a chat's was. */
  refusedGlobal: number;
  refusedPerChat: number;
  /** Calls being answered right now, and the most at once so far. */
  inFlight: number;
  maxInFlight: number;
  close(): Promise<void>;
}

export async function startLimitedBotApi(options: LimitedBotApiOptions): Promise<LimitedBotApi> {
  const perChat = options.perChat ?? { burst: 3, perSecond: 1 };
  const retryAfter = options.retryAfterSeconds ?? 1;
  // Acceptance times of the last second, oldest first (a ring would be faster; this is far from the bottleneck).
  const window: number[] = [];
  let windowStart = 0;
  const buckets = new Map<number, { tokens: number; at: number }>();
  let messageId = 0;

  const state: LimitedBotApi = {
    url: "",
    accepted: [],
    refusedGlobal: 0,
    refusedPerChat: 0,
    inFlight: 0,
    maxInFlight: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const decide = (method: string, payload: Record<string, unknown>): object => {
    const fault = options.intercept?.(method, payload);
    if (fault) return fault;
    if (method !== "sendMessage" && method !== "sendVenue") return { ok: true, result: true };
    const now = performance.now();
    while (windowStart < window.length && window[windowStart]! <= now - 1000) windowStart++;
    if (windowStart > 4096) {
      window.splice(0, windowStart);
      windowStart = 0;
    }
    const chatId = Number(payload.chat_id);
    const bucket = buckets.get(chatId) ?? { tokens: perChat.burst, at: now };
    bucket.tokens = Math.min(perChat.burst, bucket.tokens + ((now - bucket.at) / 1000) * perChat.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      state.refusedPerChat++;
      return tooMany();
    }
    if (window.length - windowStart >= options.globalPerSecond) {
      state.refusedGlobal++;
      return tooMany();
    }
    bucket.tokens -= 1;
    buckets.set(chatId, bucket);
    window.push(now);
    const text = String(payload.text ?? payload.title ?? "");
    state.accepted.push({ chatId, text, at: performance.timeOrigin + now });
    return { ok: true, result: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private" }, text } };
  };
  const tooMany = () => ({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      const method = (request.url ?? "").slice((request.url ?? "").lastIndexOf("/") + 1);
      let payload: Record<string, unknown> = {};
      try {
        payload = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
      } catch {
        payload = {};
      }
      const answer = JSON.stringify(decide(method, payload));
      const write = () => {
        state.inFlight--;
        response.writeHead(200, { "content-type": "application/json" }).end(answer);
      };
      if (options.latencyMs) setTimeout(write, options.latencyMs);
      else write();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
