// Runs a grammY bot against the local Bot API server in a test: long polling, or a webhook receiver.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { webhookCallback, type Bot, type Context } from "grammy";

export interface RunningBot {
  stop(): Promise<void>;
}

/** Starts `bot.start()` long polling and resolves once it polls. */
export async function startPolling<C extends Context>(bot: Bot<C>): Promise<RunningBot> {
  await new Promise<void>((resolve, reject) => {
    bot.start({ onStart: () => resolve() }).catch(reject);
  });
  return { stop: () => bot.stop() };
}

export interface WebhookReceiver {
  url: string;
  /** Headers of every request received, in arrival order. */
  requests: Array<{ secretHeader: string | undefined }>;
  close(): Promise<void>;
}

/**
 * Serves grammY's `webhookCallback` on a local port. A handler that throws answers 500, as a
 * web framework would, so the server retries the update.
 */
export async function startWebhookReceiver<C extends Context>(bot: Bot<C>, opts: { secretToken?: string } = {}): Promise<WebhookReceiver> {
  const callback = webhookCallback(bot, "http", { secretToken: opts.secretToken, timeoutMilliseconds: 30_000 });
  const requests: WebhookReceiver["requests"] = [];
  const server = createServer((req, res) => {
    const header = req.headers["x-telegram-bot-api-secret-token"];
    requests.push({ secretHeader: Array.isArray(header) ? header[0] : header });
    callback(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
