// Delivers queued updates to webhooks like Telegram: one chat strictly in order, chats in parallel.

import type { Update } from "grammy/types";
import type { BotRecord, WebhookConfig } from "./bot-record.js";
import type { LocalBotApiState } from "./state.js";

export interface WebhookPusherOptions {
  /** Wait before retrying a failed delivery (Telegram waits longer; tests want it short). */
  retryDelayMs: number;
  /** Give up on a webhook request after this long and retry it. */
  requestTimeoutMs?: number;
}

/** Delivery bookkeeping for one webhook setting; a new setWebhook starts a new run. */
interface Run {
  webhook: WebhookConfig;
  /** Chats with an update in flight or waiting for its retry: nothing else of theirs may go. */
  busyChats: Set<string>;
  active: number;
  closed: boolean;
}

export class WebhookPusher {
  private readonly runs = new Map<number, Run>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly lifetime = new AbortController();
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly state: LocalBotApiState,
    private readonly options: WebhookPusherOptions,
  ) {
    this.unsubscribe = [
      state.onQueueChange((bot) => this.pump(bot)),
      // After a reset old deliveries must not free chats of the new world.
      state.events.subscribe((event) => {
        if (event.type === "reset") this.closeRuns();
      }),
    ];
  }

  /** Stops delivering, aborts requests in flight and waits for them to settle. */
  async close(): Promise<void> {
    this.lifetime.abort();
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    for (const timer of this.timers) clearTimeout(timer);
    this.closeRuns();
    await Promise.allSettled([...this.deliveries]);
  }

  /** Starts every delivery the queue order and the connection limit allow right now. */
  private pump(bot: BotRecord): void {
    const run = this.runFor(bot);
    if (!run) return;
    for (const update of bot.updates.list()) {
      if (run.active >= run.webhook.maxConnections) break;
      const chat = chatKeyOf(update);
      if (run.busyChats.has(chat)) continue;
      run.busyChats.add(chat);
      run.active += 1;
      const delivery = this.deliver(bot, run, update, chat);
      this.deliveries.add(delivery);
      void delivery.finally(() => this.deliveries.delete(delivery));
    }
  }

  private runFor(bot: BotRecord): Run | undefined {
    if (this.lifetime.signal.aborted) return undefined;
    const current = this.runs.get(bot.id);
    if (current && current.webhook === bot.webhook && !current.closed) return current;
    if (current) current.closed = true;
    if (!bot.webhook) {
      this.runs.delete(bot.id);
      return undefined;
    }
    const run: Run = { webhook: bot.webhook, busyChats: new Set(), active: 0, closed: false };
    this.runs.set(bot.id, run);
    return run;
  }

  private async deliver(bot: BotRecord, run: Run, update: Update, chat: string): Promise<void> {
    const failure = await this.post(run.webhook, update);
    run.active -= 1;
    if (failure === undefined) bot.updates.remove(update.update_id);
    if (run.closed) return;
    if (failure === undefined) {
      run.busyChats.delete(chat);
      this.pump(bot);
      return;
    }
    bot.lastWebhookError = { date: this.state.now(), message: failure };
    // The chat stays busy until the retry, so its later updates cannot overtake this one.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run.busyChats.delete(chat);
      this.pump(bot);
    }, this.options.retryDelayMs);
    this.timers.add(timer);
    this.pump(bot);
  }

  /** Posts one update; answers undefined on a 2xx, else the error text getWebhookInfo reports. */
  private async post(webhook: WebhookConfig, update: Update): Promise<string | undefined> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (webhook.secretToken) headers["x-telegram-bot-api-secret-token"] = webhook.secretToken;
    try {
      const response = await fetch(webhook.url, {
        method: "POST",
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.any([this.lifetime.signal, AbortSignal.timeout(this.options.requestTimeoutMs ?? 60_000)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return undefined;
      return `Wrong response from the webhook: ${response.status} ${response.statusText}`.trim();
    } catch (error) {
      return describeFetchError(error);
    }
  }

  private closeRuns(): void {
    for (const run of this.runs.values()) run.closed = true;
    this.runs.clear();
  }
}

/** Telegram serialises updates per chat; in private chats the chat is the user. */
function chatKeyOf(update: Update): string {
  for (const payload of Object.values(update) as unknown[]) {
    if (typeof payload !== "object" || payload === null) continue;
    const fields = payload as { chat?: { id?: number }; message?: { chat?: { id?: number } }; from?: { id?: number } };
    const id = fields.chat?.id ?? fields.message?.chat?.id ?? fields.from?.id;
    if (id !== undefined) return `chat:${id}`;
  }
  return `update:${update.update_id}`;
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "Read timeout expired";
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code === "ECONNREFUSED") return "Connection refused";
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}
