// The real bot in this test process: createBot with the app's own wiring, its own database and Redis prefix,
// driven by bot.handleUpdate with every Bot API call recorded and answered here (no process, no HTTP).
//
//   const bot = await startFastBot();
//   const ali = bot.user(1001, { first_name: "علی" });
//   await ali.say("/start");
//   await ali.press("📝 پیش‌ثبت‌نام");
//   expect(ali.lastReply().text).toContain("کد ملی");
//
// Each action returns once the bot has finished with the update, so what it sent is already in
// `replies` (no waiting, no polling). Use it for a flow's branches; keep the e2e tests (tests/e2e) for what
// needs a process: restarts, several instances, webhooks, the HTTP payment pages.
import type { Api, ApiClientOptions } from "grammy";
import type { Chat, InlineKeyboardButton, KeyboardButton, Message, Update, User, UserFromGetMe } from "grammy/types";
import pino from "pino";
import { createBot } from "../../src/bot/create-bot.js";
import type { BotJourneys } from "../../src/flows/flow.js";
import type { Logger } from "../../src/infrastructure/logging/logger.js";
import { createI18n, DEFAULT_LOCALE } from "../../src/bot/i18n.js";
import { NOTIFICATION_BUTTONS } from "../../src/bot/keyboards/notification-buttons.js";
import { createCitizenServices, type CitizenServices } from "../../src/citizen-services.js";
import { combineJourneys, createStaffServices, staffJourneys } from "../../src/staff-services.js";
import { loadConfig, type AppConfig } from "../../src/config/config.js";
import type { ReminderPlanner } from "../../src/domain/booking/reminder-planner.js";
import type { Translate } from "../../src/domain/shared/translate.js";
import { createChatRecorder } from "../../src/infrastructure/database/chat-directory.js";
import type { Database } from "../../src/infrastructure/database/database.js";
import { ensureReferenceData, sampleCitizens, upsertRegistryRecords } from "../../src/infrastructure/database/reference-data.js";
import { NotificationDispatcher } from "../../src/infrastructure/notifications/notification-dispatcher.js";
import { ensureSampleOffices } from "../../src/infrastructure/offices/sample-offices.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";
import { createTestRedis, type TestRedis } from "./test-redis.js";
import { openRedis } from "../../src/infrastructure/redis/redis.js";

export const FAST_BOT_INFO: UserFromGetMe = {
  id: 4343,
  is_bot: true,
  first_name: "Smart ID card (test)",
  username: "idcard_fast_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
} as UserFromGetMe;

/** One Bot API call the bot made, with the payload as sent. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** The result we answered (a Message for sends). */
  result: unknown;
}

/** Something the bot showed in a chat: a message, an invoice, or an edit of one. */
export interface BotReply {
  method: string;
  messageId: number;
  chatId: number;
  text?: string;
  replyMarkup?: ReplyMarkup;
  payload: Record<string, unknown>;
}

type ReplyMarkup = { inline_keyboard?: InlineKeyboardButton[][]; keyboard?: Array<Array<KeyboardButton | string>>; remove_keyboard?: boolean };

/** Returned from `answer`: the call fails with this error (not retried when it is a 4xx). */
export class FastBotFailure {
  constructor(
    readonly description: string,
    readonly errorCode = 400,
  ) {}
}

export interface FastBotOptions {
  /** Extra environment for loadConfig (e.g. FLOOD_LIMIT_PER_MINUTE). */
  env?: Record<string, string>;
  /** Load the sample citizens and offices (default true). */
  seed?: boolean;
  /** Journeys of the test's own instead of the citizen's (to test the bot's wiring or a flow kit alone). */
  journeys?: (api: Api, citizens: CitizenServices) => BotJourneys;
  /** Where the bot logs (silent by default; FAST_BOT_LOG=debug shows it). */
  logger?: Logger;
  /** Appointment reminders (none by default, as in local mode). */
  reminders?: ReminderPlanner;
  /** Answer a method yourself (e.g. make sendMessage fail); return undefined to fall back to the default. */
  answer?: (method: string, payload: Record<string, unknown>) => unknown;
  /** The clock the journeys decide with (booking reads it): a test sets and moves the time. */
  now?: () => Date;
}

export interface FastBot {
  config: AppConfig;
  database: Database;
  citizens: CitizenServices;
  translate: Translate;
  /** Every Bot API call so far, in order. */
  calls: ApiCall[];
  user(id: number, profile?: Partial<Omit<User, "id" | "is_bot">>): FastUser;
  /** Hands the bot an update exactly as given, update_id included (a redelivery, say). */
  deliverRaw(update: Update): Promise<void>;
  /** The Redis prefix every key of this bot starts with. */
  redisPrefix: string;
  /** Keys of this bot in Redis matching `pattern` (after the prefix). */
  redisKeys(pattern: string): Promise<string[]>;
  /** Sends what waits in the notification outbox now (payment confirmed, office closed...). */
  dispatchNotifications(): Promise<number>;
  close(): Promise<void>;
}

export interface FastUser {
  readonly id: number;
  /** Everything the bot showed this chat, oldest first. */
  readonly replies: BotReply[];
  /** Popup texts of answered button presses, oldest first (undefined for an answer without text). */
  readonly popups: Array<string | undefined>;
  say(text: string): Promise<BotReply[]>;
  /** Presses a button by its label: the newest keyboard that has it (a reply keyboard sends its text). */
  press(label: string, options?: { messageId?: number; phoneNumber?: string; latitude?: number; longitude?: number }): Promise<BotReply[]>;
  /** Sends a location (as the "share location" button does). */
  shareLocation(latitude: number, longitude: number): Promise<BotReply[]>;
  /** Sends any message fields (a sticker, a photo, someone else's contact...). */
  send(message: Partial<Message>): Promise<BotReply[]>;
  /** Hands the bot any update concerning this user (an edit, a pre-checkout query...). */
  deliver(update: Omit<Update, "update_id">): Promise<BotReply[]>;
  lastReply(): BotReply;
  /** Labels of the last reply keyboard / the inline buttons of the last reply. */
  buttons(): string[];
}

export async function startFastBot(options: FastBotOptions = {}): Promise<FastBot> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const redis: TestRedis = createTestRedis();
  // The bot's own connections, made as the app makes them (auto-pipelined); `redis` is the test's, for cleanup.
  const store = openRedis(redis.url);
  const database = testDatabase.open();
  const config = loadConfig({
    BOT_TOKEN: `${FAST_BOT_INFO.id}:fast-test-token`,
    PAYMENT_GATEWAY: "sandbox",
    BOT_API_ROOT: "http://127.0.0.1:9", // never called: every call is answered by the recorder
    DATABASE_URL: testDatabase.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.prefix,
    PUBLIC_URL: "http://127.0.0.1:9",
    // A test presses far more than a person in a minute; flood protection has its own test.
    FLOOD_LIMIT_PER_MINUTE: "100000",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  await ensureReferenceData(database);
  if (options.seed !== false) {
    await upsertRegistryRecords(database, await sampleCitizens());
    await ensureSampleOffices(database);
  }

  const logger = options.logger ?? pino({ level: process.env.FAST_BOT_LOG ?? "silent" });
  const i18n = createI18n();
  const translate: Translate = (key, params) => i18n.t(DEFAULT_LOCALE, key, params);
  let dispatcher: NotificationDispatcher | undefined;
  const citizens = createCitizenServices({
    config,
    database,
    redis: store,
    logger,
    translate,
    publicBaseUrl: () => config.publicUrl!,
    notifyNow: () => undefined,
    reminders: options.reminders,
    now: options.now,
  });
  // Answers every Bot API request here: URL ends in the method, the body is the JSON payload.
  const recordingFetch = (async (url: string | URL, init?: { body?: unknown }) => {
    const method = String(url).split("/").at(-1)!;
    if (typeof init?.body !== "string") throw new Error(`fast bot: ${method} sent a file upload, which the recorder does not read`);
    const payload = JSON.parse(init.body) as Record<string, unknown>;
    const result = answerCall(method, payload);
    calls.push({ method, payload, result });
    // An answer of FastBotFailure is the platform refusing the call (as a 400 with that description).
    if (result instanceof FastBotFailure) return { json: async () => ({ ok: false, error_code: result.errorCode, description: result.description }) };
    return { json: async () => ({ ok: true, result }) };
  }) as unknown as NonNullable<ApiClientOptions["fetch"]>;
  const { bot } = createBot({
    token: config.botApi.token,
    apiRoot: "http://127.0.0.1:9",
    logger,
    redis: store.redis,
    keyPrefix: config.redisKeyPrefix,
    conversationTtlSeconds: config.conversationTtlSeconds,
    updatesPerMinute: config.floodLimitPerMinute,
    handledMarkWindowSeconds: config.handledUpdateWindowSeconds,
    i18n,
    recordChat: createChatRecorder(database.sql, config.platform),
    journeys: (api) => {
      citizens.connectBotApi(api);
      return options.journeys
        ? options.journeys(api, citizens)
        : combineJourneys(citizens.journeys(), staffJourneys(createStaffServices({ config, database, notifyNow: () => undefined })));
    },
    fetch: recordingFetch,
    // The recorder is no platform: nothing to wait for (the throttler holds a chat to one message a second).
    throttle: false,
  });

  const calls: ApiCall[] = [];
  const repliesByChat = new Map<number, BotReply[]>();
  const popupsByUser = new Map<number, Array<string | undefined>>();
  let nextMessageId = 1;
  let nextUpdateId = 1;
  const messages = new Map<string, Message>(); // chatId:messageId → what the chat shows

  const botUser: User = { id: FAST_BOT_INFO.id, is_bot: true, first_name: FAST_BOT_INFO.first_name, username: FAST_BOT_INFO.username };
  const privateChat = (id: number): Chat.PrivateChat => ({ id, type: "private", first_name: `user ${id}` });

  const answerCall = (method: string, payload: Record<string, unknown>): unknown => {
    const own = options.answer?.(method, payload);
    if (own !== undefined) return own;
    const chatId = Number(payload.chat_id);
    switch (method) {
      case "getMe":
        return FAST_BOT_INFO;
      case "sendMessage":
      case "sendInvoice":
      case "sendPhoto":
      case "sendDocument":
      case "sendLocation":
      case "sendVenue": {
        const message = {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: privateChat(chatId),
          from: botUser,
          text: typeof payload.text === "string" ? payload.text : undefined,
          reply_markup: payload.reply_markup,
        } as Message;
        messages.set(`${chatId}:${message.message_id}`, message);
        record(chatId, { method, messageId: message.message_id, chatId, text: message.text, replyMarkup: payload.reply_markup as ReplyMarkup, payload });
        return message;
      }
      case "editMessageText":
      case "editMessageReplyMarkup": {
        const key = `${chatId}:${payload.message_id}`;
        const shown = messages.get(key);
        const edited = { ...shown, ...(payload.text === undefined ? {} : { text: payload.text }), reply_markup: payload.reply_markup } as Message;
        messages.set(key, edited);
        record(chatId, { method, messageId: Number(payload.message_id), chatId, text: edited.text, replyMarkup: payload.reply_markup as ReplyMarkup, payload });
        return edited;
      }
      case "answerCallbackQuery": {
        const userId = callbackOwners.get(String(payload.callback_query_id));
        if (userId !== undefined) popupsByUser.get(userId)?.push(payload.text as string | undefined);
        return true;
      }
      default:
        return true;
    }
  };
  const record = (chatId: number, reply: BotReply) => {
    const list = repliesByChat.get(chatId) ?? [];
    list.push(reply);
    repliesByChat.set(chatId, list);
  };
  await bot.init();

  const callbackOwners = new Map<string, number>();

  const user = (id: number, profile: Partial<Omit<User, "id" | "is_bot">> = {}): FastUser => {
    const from: User = { id, is_bot: false, first_name: profile.first_name ?? `user ${id}`, ...profile };
    const chat = { ...privateChat(id), first_name: from.first_name };
    if (!repliesByChat.has(id)) repliesByChat.set(id, []);
    if (!popupsByUser.has(id)) popupsByUser.set(id, []);
    const replies = repliesByChat.get(id)!;
    const popups = popupsByUser.get(id)!;

    const deliver = async (update: Omit<Update, "update_id">): Promise<BotReply[]> => {
      const before = replies.length;
      await bot.handleUpdate({ update_id: nextUpdateId++, ...update } as Update);
      return replies.slice(before);
    };
    const send = (message: Partial<Message>) =>
      deliver({ message: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from, ...message } as Update["message"] });

    const findButton = (label: string, messageId?: number) => {
      for (let i = replies.length - 1; i >= 0; i--) {
        const reply = replies[i]!;
        if (messageId !== undefined && reply.messageId !== messageId) continue;
        const markup = reply.replyMarkup;
        const inline = markup?.inline_keyboard?.flat().find((button) => button.text === label);
        if (inline) return { inline, reply };
        const keyboard = markup?.keyboard?.flat().find((button) => (typeof button === "string" ? button : button.text) === label);
        if (keyboard !== undefined) return { keyboard: typeof keyboard === "string" ? { text: keyboard } : keyboard, reply };
      }
      return undefined;
    };

    return {
      id,
      replies,
      popups,
      say: (text) => send({ text, ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] } : {}) }),
      send,
      deliver,
      shareLocation: (latitude, longitude) => send({ location: { latitude, longitude } }),
      async press(label, pressOptions = {}) {
        const found = findButton(label, pressOptions.messageId);
        if (!found) throw new Error(`no button "${label}" in this chat; buttons now: ${JSON.stringify(this.buttons())}`);
        if (found.inline) {
          if (!("callback_data" in found.inline)) throw new Error(`button "${label}" is not a callback button`);
          const queryId = `q${nextUpdateId}-${id}`;
          callbackOwners.set(queryId, id);
          const shown = messages.get(`${id}:${found.reply.messageId}`)!;
          return deliver({ callback_query: { id: queryId, from, chat_instance: `ci${id}`, message: shown as never, data: found.inline.callback_data } });
        }
        const button = found.keyboard!;
        if ("request_contact" in button && button.request_contact) {
          return send({ contact: { phone_number: pressOptions.phoneNumber ?? "+989121234567", first_name: from.first_name, user_id: id } });
        }
        if ("request_location" in button && button.request_location) {
          return send({ location: { latitude: pressOptions.latitude ?? 35.6892, longitude: pressOptions.longitude ?? 51.389 } });
        }
        return send({ text: label });
      },
      lastReply() {
        const last = replies.at(-1);
        if (!last) throw new Error(`the bot has not answered user ${id}`);
        return last;
      },
      buttons() {
        const last = replies.at(-1);
        const lastKeyboard = [...replies].reverse().find((reply) => reply.replyMarkup?.keyboard)?.replyMarkup?.keyboard ?? [];
        const inline = last?.replyMarkup?.inline_keyboard?.flat().map((button) => button.text) ?? [];
        return [...inline, ...lastKeyboard.flat().map((button) => (typeof button === "string" ? button : button.text))];
      },
    };
  };

  return {
    config,
    database,
    citizens,
    translate,
    calls,
    user,
    deliverRaw: (update) => bot.handleUpdate(update),
    redisPrefix: redis.prefix,
    redisKeys: (pattern) => redis.redis.keys(`${redis.prefix}${pattern}`),
    async dispatchNotifications() {
      dispatcher ??= new NotificationDispatcher({ sql: database.sql, api: bot.api, translate, logger, buttons: NOTIFICATION_BUTTONS });
      return dispatcher.dispatchOnce();
    },
    async close() {
      await database.close();
      await store.close();
      await redis.cleanup();
      await testDatabase.drop();
    },
  };
}
