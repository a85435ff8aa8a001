// A lean loopback fake of the Bot API for the journey bench: updates in (long poll or webhook), bot calls recorded per chat.
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

/** One thing the bot did in a chat: a new message, or an edit of an earlier one. */
export interface BotEvent {
  /** performance.now() when the call arrived. */
  at: number;
  method: string;
  kind: "message" | "edit";
  messageId: number;
  text: string;
  replyMarkup?: ReplyMarkup;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}
export interface KeyboardButton {
  text: string;
  request_contact?: boolean;
  request_location?: boolean;
}
export interface ReplyMarkup {
  inline_keyboard?: InlineButton[][];
  keyboard?: Array<Array<KeyboardButton | string>>;
  remove_keyboard?: boolean;
}

/** What a simulated user does: a text, a shared contact, or a press of an inline button. */
export type UserAction =
  | { kind: "text"; text: string }
  | { kind: "contact"; phoneNumber: string }
  | { kind: "callback"; messageId: number; data: string; messageText: string };

interface Chat {
  events: BotEvent[];
  /** Each returns true once it has been satisfied (and is dropped). */
  waiters: Array<() => boolean>;
  nextMessageId: number;
  /** Webhook mode: the chat's updates are delivered one after another, as the platform does. */
  delivery: Promise<void>;
}

interface Update {
  update_id: number;
  [kind: string]: unknown;
}

/** Writes a method's result; returns nothing, so that a handler can `return answer(...)`. */
type Answer = (result: unknown) => undefined;

const BOT_USER = { id: 4242, is_bot: true, first_name: "Bench", username: "bench_journeys_bot" };
/** The platform's default number of parallel webhook connections. */
const DEFAULT_WEBHOOK_CONNECTIONS = 40;

export class FakeBotApi {
  url = "";
  /** Calls per method, including those this fake does not know (answered with a plausible Message). */
  readonly calls = new Map<string, number>();
  readonly unknownMethods = new Set<string>();
  /** Webhook deliveries that did not get a 2xx (retried). */
  webhookFailures = 0;
  updatesSent = 0;
  private server?: Server;
  private readonly chats = new Map<number, Chat>();
  private nextUpdateId = 1;
  private pending: Update[] = [];
  private pollers: Array<() => void> = [];
  private webhook?: { path: string; secret?: string; agent: Agent };
  /** Bot instances' HTTP base URLs (webhook mode): a chat's updates always go to the same one. */
  private targets: string[] = [];

  constructor(readonly token: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    // Idle kept-alive connections are never closed: a bot that sat idle while other targets ran (minutes) would
    // otherwise race the close with its next call and get ECONNRESET, which a bare bot (no retries) cannot survive.
    this.server.keepAliveTimeout = 0;
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const poller of this.pollers.splice(0)) poller();
    this.webhook?.agent.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Webhook mode: where the updates of a chat go (chat id modulo the number of instances). */
  setWebhookTargets(httpUrls: string[]): void {
    this.targets = httpUrls;
  }

  get webhookSet(): boolean {
    return this.webhook !== undefined;
  }

  /** The bot's events in a chat so far (the array grows; read from an index). */
  eventsOf(chatId: number): readonly BotEvent[] {
    return this.chat(chatId).events;
  }

  /** Resolves when the chat has more than `count` events, or rejects after `timeoutMs` with what it has. */
  waitForEvent(chatId: number, count: number, timeoutMs: number): Promise<BotEvent> {
    const chat = this.chat(chatId);
    if (chat.events.length > count) return Promise.resolve(chat.events[count]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        chat.waiters = chat.waiters.filter((w) => w !== check);
        const last = chat.events.at(-1);
        reject(new Error(`chat ${chatId}: no bot message in ${timeoutMs} ms; the last one was: ${last ? JSON.stringify(last.text) : "(none)"}`));
      }, timeoutMs);
      const check = () => {
        if (chat.events.length <= count) return false;
        clearTimeout(timer);
        resolve(chat.events[count]!);
        return true;
      };
      chat.waiters.push(check);
    });
  }

  /** The user of `chatId` does something; returns performance.now() when the update was handed over. */
  act(chatId: number, action: UserAction): number {
    const chat = this.chat(chatId);
    const from = { id: chatId, is_bot: false, first_name: "شهروند", language_code: "fa" };
    const date = Math.floor(Date.now() / 1000);
    const chatInfo = { id: chatId, type: "private", first_name: from.first_name };
    let update: Update;
    if (action.kind === "callback") {
      update = {
        update_id: this.nextUpdateId++,
        callback_query: {
          id: `${chatId}-${this.nextUpdateId}`,
          from,
          chat_instance: String(chatId),
          data: action.data,
          message: { message_id: action.messageId, date, chat: chatInfo, from: BOT_USER, text: action.messageText },
        },
      };
    } else {
      const message: Record<string, unknown> = { message_id: chat.nextMessageId++, date, chat: chatInfo, from };
      if (action.kind === "contact") message.contact = { phone_number: action.phoneNumber, first_name: from.first_name, user_id: chatId };
      else {
        message.text = action.text;
        const command = /^\/\w+/.exec(action.text);
        if (command) message.entities = [{ type: "bot_command", offset: 0, length: command[0].length }];
      }
      update = { update_id: this.nextUpdateId++, message };
    }
    this.updatesSent++;
    const at = performance.now();
    if (this.webhook) this.deliver(chatId, chat, update);
    else {
      this.pending.push(update);
      for (const poller of this.pollers.splice(0)) poller();
    }
    return at;
  }

  private chat(chatId: number): Chat {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = { events: [], waiters: [], nextMessageId: 1, delivery: Promise.resolve() };
      this.chats.set(chatId, chat);
    }
    return chat;
  }

  private deliver(chatId: number, chat: Chat, update: Update): void {
    const hook = this.webhook!;
    const target = this.targets[chatId % this.targets.length];
    if (!target) throw new Error("webhook set but no bot instance to deliver to (setWebhookTargets)");
    const body = JSON.stringify(update);
    const post = (): Promise<number> =>
      new Promise((resolve) => {
        const headers: Record<string, string | number> = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
        if (hook.secret) headers["x-telegram-bot-api-secret-token"] = hook.secret;
        const out = request(`${target}${hook.path}`, { method: "POST", headers, agent: hook.agent }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        out.on("error", () => resolve(0));
        out.end(body);
      });
    chat.delivery = chat.delivery.then(async () => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const status = await post();
        if (status >= 200 && status < 300) return;
        this.webhookFailures++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
      if (!match || match[1] !== this.token) return void res.writeHead(404).end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
      const method = match[2]!;
      this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
      const raw = Buffer.concat(chunks);
      let params: Record<string, unknown> = {};
      if (raw.length > 0 && (req.headers["content-type"] ?? "").includes("json")) params = JSON.parse(raw.toString()) as Record<string, unknown>;
      const answer: Answer = (result) => {
        const text = JSON.stringify({ ok: true, result });
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
        return undefined;
      };
      this.call(method, params, answer);
    });
  }

  private call(method: string, params: Record<string, unknown>, answer: Answer): undefined {
    switch (method) {
      case "getMe":
        return answer(BOT_USER);
      case "getUpdates":
        return this.getUpdates(params, answer);
      case "setWebhook": {
        const url = new URL(String(params.url));
        this.webhook?.agent.destroy();
        const connections = Number(params.max_connections ?? DEFAULT_WEBHOOK_CONNECTIONS);
        this.webhook = {
          path: url.pathname + url.search,
          secret: params.secret_token as string | undefined,
          // Per target: each instance gets up to max_connections, as the platform opens them per IP.
          agent: new Agent({ keepAlive: true, maxSockets: connections }),
        };
        return answer(true);
      }
      case "deleteWebhook":
        this.webhook?.agent.destroy();
        this.webhook = undefined;
        return answer(true);
      case "getWebhookInfo":
        return answer({ url: this.webhook ? this.webhook.path : "", has_custom_certificate: false, pending_update_count: this.pending.length });
      case "answerCallbackQuery":
      case "setMyCommands":
      case "deleteMyCommands":
      case "setChatMenuButton":
      case "sendChatAction":
      case "deleteMessage":
      case "answerPreCheckoutQuery":
        return answer(true);
      case "editMessageText":
      case "editMessageCaption":
      case "editMessageReplyMarkup":
        return answer(this.record(method, params, "edit"));
      default:
        // sendMessage, sendVenue, sendInvoice, sendLocation, sendPhoto, ... and anything unknown: a plausible Message.
        if (!KNOWN_SENDS.has(method)) this.unknownMethods.add(method);
        return answer(this.record(method, params, "message"));
    }
  }

  private record(method: string, params: Record<string, unknown>, kind: BotEvent["kind"]): unknown {
    const chatId = Number(params.chat_id);
    if (!Number.isFinite(chatId)) return true; // an inline message edit or a call without a chat
    const chat = this.chat(chatId);
    const messageId = kind === "edit" ? Number(params.message_id) : chat.nextMessageId++;
    const text = String(params.text ?? params.caption ?? params.title ?? params.description ?? "");
    const replyMarkup = params.reply_markup as ReplyMarkup | undefined;
    chat.events.push({ at: performance.now(), method, kind, messageId, text, replyMarkup });
    chat.waiters = chat.waiters.filter((waiter) => !waiter());
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "شهروند" },
      from: BOT_USER,
      ...(text ? { text } : {}),
      ...(replyMarkup?.inline_keyboard ? { reply_markup: replyMarkup } : {}),
    };
  }

  private getUpdates(params: Record<string, unknown>, answer: Answer): undefined {
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(100, Number(params.limit ?? 100));
    const timeoutMs = Number(params.timeout ?? 0) * 1000;
    if (offset > 0) {
      let confirmed = 0;
      while (confirmed < this.pending.length && this.pending[confirmed]!.update_id < offset) confirmed++;
      if (confirmed > 0) this.pending = this.pending.slice(confirmed);
    }
    if (this.pending.length > 0 || timeoutMs === 0) return answer(this.pending.slice(0, limit));
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      answer(this.pending.slice(0, limit));
    };
    const timer = setTimeout(finish, timeoutMs);
    this.pollers.push(finish);
    return undefined;
  }
}

const KNOWN_SENDS = new Set(["sendMessage", "sendVenue", "sendInvoice", "sendLocation", "sendPhoto", "sendDocument", "copyMessage", "forwardMessage"]);
