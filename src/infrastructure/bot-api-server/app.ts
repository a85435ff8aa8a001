// Builds the local Bot API server as a Hono app that can run alone or be mounted under a prefix.

import { Hono } from "hono";
import { createBotApiRoutes } from "./bot-api-routes.js";
import { systemClock, type Clock } from "./clock.js";
import { createSimulatedUserRoutes } from "./simulated-user-routes.js";
import { LocalBotApiState } from "./state.js";
import { WebhookPusher } from "./webhook-pusher.js";

export interface LocalBotApiServerOptions {
  /** Source of message dates (default: the system clock). */
  clock?: Clock;
  /** Delay before a failed webhook delivery is retried (default 1000 ms). */
  webhookRetryDelayMs?: number;
}

export interface LocalBotApiServer {
  /** Serves `/bot<token>/<method>`, `/file/bot<token>/<path>` and the `/sim` control API. */
  app: Hono;
  state: LocalBotApiState;
  /** Ends long polls and event streams and stops webhook deliveries. */
  close(): Promise<void>;
}

/**
 * A fake Telegram in memory: any `<digits>:<text>` token is a bot, simulated users write to it
 * through `/sim`. Mount it with `parent.route("/local-bot-api", server.app)` and point grammY's
 * `apiRoot` at that prefix.
 */
export function createLocalBotApiServer(options: LocalBotApiServerOptions = {}): LocalBotApiServer {
  const state = new LocalBotApiState(options.clock ?? systemClock);
  const lifetime = new AbortController();
  const pusher = new WebhookPusher(state, { retryDelayMs: options.webhookRetryDelayMs ?? 1000 });

  const app = new Hono();
  // /sim first: its two-segment paths would otherwise look like /<bot segment>/<method>.
  app.route("/sim", createSimulatedUserRoutes(state, lifetime.signal));
  app.route("/", createBotApiRoutes(state));

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      lifetime.abort();
      for (const bot of state.bots.values()) bot.updates.endPoll();
      await pusher.close();
    })());

  return { app, state, close };
}
