// The whole in-memory world of the local Bot API server: bots, simulated chats, files, faults, events.

import type { Update, User } from "grammy/types";
import { BotRecord, parseBotToken } from "./bot-record.js";
import { ChatRecord, type ChatChange } from "./chat-record.js";
import { unixSeconds, type Clock } from "./clock.js";
import { FaultStore } from "./faults.js";
import { FileStore } from "./file-store.js";
import { SimEventBus, type SimEvent } from "./sim-events.js";
import { toTranscriptMessage } from "./transcript.js";
import type { NewUpdate } from "./update-queue.js";

export type UpdateType = keyof NewUpdate;

/** A simulated user's profile as the control API accepts it. */
export type UserProfile = Pick<User, "id"> & Partial<Pick<User, "first_name" | "last_name" | "username" | "language_code">>;

export class LocalBotApiState {
  /** Bots in the order they first called the Bot API; the first is the control API's default. */
  readonly bots = new Map<number, BotRecord>();
  readonly files = new FileStore();
  readonly faults = new FaultStore();
  readonly events = new SimEventBus();
  private readonly queueListeners = new Set<(bot: BotRecord) => void>();
  private queryCounter = 0;

  constructor(readonly clock: Clock) {}

  /** Current time in unix seconds, the unit of every Telegram date. */
  now(): number {
    return unixSeconds(this.clock);
  }

  /**
   * The bot a token belongs to, registered on first use. Undefined when the text is not a token,
   * or when another token already claimed the same bot id (Telegram would not know it either).
   */
  botForToken(token: string): BotRecord | undefined {
    const id = parseBotToken(token);
    if (id === undefined) return undefined;
    const known = this.bots.get(id);
    if (known) return known.token === token ? known : undefined;
    const bot = new BotRecord(id, token);
    this.bots.set(id, bot);
    return bot;
  }

  defaultBot(): BotRecord | undefined {
    return this.bots.values().next().value;
  }

  /** Opens the private chat of a simulated user with a bot, refreshing the user's profile. */
  openChat(bot: BotRecord, profile: UserProfile): ChatRecord {
    const existing = bot.chats.get(profile.id);
    const user: User = {
      ...(existing?.user ?? defaultSimulatedUser(profile.id)),
      ...definedFields(profile),
    };
    if (existing) {
      existing.user = user;
      return existing;
    }
    const chat = new ChatRecord(user, (change) => this.events.emit(toSimEvent(bot.id, profile.id, change)));
    bot.chats.set(profile.id, chat);
    return chat;
  }

  /** Queues an update of that type unless the bot's allowed_updates exclude it. */
  enqueue(bot: BotRecord, type: UpdateType, payload: object): Update | undefined {
    if (bot.allowedUpdates?.length && !bot.allowedUpdates.includes(type)) return undefined;
    // The payload types of grammY's Update are narrower than a stored Message; the shapes match.
    const queued = bot.updates.push({ [type]: payload } as NewUpdate);
    this.notifyQueue(bot);
    return queued;
  }

  /** Listens for new updates and webhook changes (the webhook pusher's trigger). */
  onQueueChange(listener: (bot: BotRecord) => void): () => void {
    this.queueListeners.add(listener);
    return () => this.queueListeners.delete(listener);
  }

  notifyQueue(bot: BotRecord): void {
    for (const listener of this.queueListeners) listener(bot);
  }

  /** Ids for callback and pre-checkout queries: numeric strings, as Telegram's. */
  nextQueryId(): string {
    return String(4_200_000_000_000 + ++this.queryCounter);
  }

  /** Clears chats, updates, files and faults; bots keep identity, webhook, commands and update_ids. */
  reset(): void {
    for (const bot of this.bots.values()) bot.clearChats();
    this.files.clear();
    this.faults.clear();
    this.events.emit({ type: "reset" });
  }
}

/** A new simulated user speaks Persian, as this bot's users do, until told otherwise. */
export function defaultSimulatedUser(id: number): User {
  return { id, is_bot: false, first_name: `User ${id}`, language_code: "fa" };
}

function definedFields(profile: UserProfile): Partial<User> {
  return Object.fromEntries(Object.entries(profile).filter(([, value]) => value !== undefined));
}

function toSimEvent(botId: number, chatId: number, change: ChatChange): SimEvent {
  const base = { bot_id: botId, chat_id: chatId };
  switch (change.type) {
    case "callback_answered":
      return { ...base, type: change.type, callback_query: change.callbackQuery };
    case "pre_checkout_answered":
      return { ...base, type: change.type, pre_checkout_query: change.preCheckoutQuery };
    case "chat_action":
      return { ...base, type: change.type, chat_action: change.chatAction };
    default:
      return { ...base, type: change.type, message: toTranscriptMessage(change.stored) };
  }
}
