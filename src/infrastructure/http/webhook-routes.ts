// POST /webhook/<secret>: where Telegram or Bale delivers updates. The secret is in the path because Bale's
// setWebhook takes no secret_token; on Telegram the header is checked as well.
import { timingSafeEqual } from "node:crypto";
import { webhookCallback, type Bot, type Context } from "grammy";
import { Hono } from "hono";
import type { Logger } from "../logging/logger.js";

/** Path of the webhook for a given secret. */
export const webhookPath = (secret: string) => `/webhook/${secret}`;

/** The route for any bot, whatever its context type (the adapter knows nothing of the bot's features). */
export function webhookRoutes<C extends Context>(bot: Bot<C>, options: { secret: string; checkHeader: boolean; logger: Logger }): Hono {
  const handle = webhookCallback(bot, "hono", {
    secretToken: options.checkHeader ? options.secret : undefined,
    // Answer the platform before its own timeout; the update goes on being handled, and the per-chat
    // lock keeps the chat's next update waiting for it.
    timeoutMilliseconds: 25_000,
    onTimeout: "return",
  });
  const app = new Hono();
  app.post("/webhook/:secret", async (c) => {
    if (!sameSecret(c.req.param("secret"), options.secret)) return c.text("Not Found", 404);
    // A body that is not an update is the sender's mistake: say so, in one log line, not a stack trace.
    const body = await c.req.text();
    if (!isUpdateJson(body)) {
      options.logger.warn({ bytes: body.length }, "webhook request is not a JSON update; answered 400");
      return c.text("Bad Request", 400);
    }
    return handle(c);
  });
  return app;
}

function isUpdateJson(body: string): boolean {
  try {
    const update = JSON.parse(body) as { update_id?: unknown } | null;
    return typeof update === "object" && update !== null && Number.isInteger(update.update_id);
  } catch {
    return false;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
