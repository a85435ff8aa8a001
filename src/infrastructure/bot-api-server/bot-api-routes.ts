// HTTP face of the Bot API: POST|GET /bot<token>/<method> and file downloads at /file/bot<token>/<path>.

import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { BotApiError, notFound, unauthorized } from "./bot-api-error.js";
import { readBotApiParams, type BotApiParams } from "./bot-api-params.js";
import type { BotRecord } from "./bot-record.js";
import { findBotMethod } from "./bot-methods.js";
import { DescribedResult } from "./methods/method-call.js";
import type { LocalBotApiState } from "./state.js";

export function createBotApiRoutes(state: LocalBotApiState): Hono {
  const app = new Hono();

  app.get("/file/:botSegment/:filePath{.+}", (c) => {
    const bot = botOfSegment(state, c.req.param("botSegment"));
    const file = bot && state.files.byPath(bot.id, c.req.param("filePath"));
    if (file?.bytes) return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.contentType });
    if (file?.url) return c.redirect(file.url);
    return sendError(c, notFound());
  });

  app.all("/:botSegment/:method", async (c) => {
    const segment = c.req.param("botSegment");
    if (!segment.startsWith("bot")) return sendError(c, notFound());
    const bot = botOfSegment(state, segment);
    if (!bot) return sendError(c, unauthorized());
    try {
      const method = findBotMethod(c.req.param("method"));
      if (!method) throw notFound();
      const params = await readBotApiParams(c.req.raw);
      const fault = state.faults.take(c.req.param("method"), chatIdOf(params));
      if (fault?.errorCode === 0) return dropConnection(c);
      if (fault) throw fault;
      const result = await method({ state, bot, params, signal: c.req.raw.signal });
      if (result instanceof DescribedResult) {
        return c.json({ ok: true, result: result.result, description: result.description });
      }
      return c.json({ ok: true, result });
    } catch (error) {
      if (error instanceof BotApiError) return sendError(c, error);
      console.error("local Bot API server: method failed", error);
      return sendError(c, new BotApiError(500, "Internal Server Error"));
    }
  });

  return app;
}

/** An injected network failure: the socket closes with no HTTP answer. */
function dropConnection(c: Context) {
  const incoming = (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming;
  incoming?.socket?.destroy();
  return c.body(null, 500);
}

function botOfSegment(state: LocalBotApiState, segment: string): BotRecord | undefined {
  return segment.startsWith("bot") ? state.botForToken(segment.slice("bot".length)) : undefined;
}

function chatIdOf(params: BotApiParams): number | undefined {
  const raw = params.optionalString("chat_id");
  return raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
}

/** Telegram answers errors with the same HTTP status as the envelope's error_code. */
function sendError(c: Context, error: BotApiError) {
  return c.json(error.toEnvelope(), error.errorCode as ContentfulStatusCode);
}
