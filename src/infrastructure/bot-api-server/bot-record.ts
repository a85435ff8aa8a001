// Everything the local server knows about one bot: identity, chats, update queue, webhook, settings.

import type { BotCommand, MenuButton, User, UserFromGetMe } from "grammy/types";
import { ChatRecord } from "./chat-record.js";
import { UpdateQueue } from "./update-queue.js";

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
}

export interface WebhookError {
  date: number;
  message: string;
}

/** Splits `<digits>:<text>` into the bot's id; anything else is not a token. */
export function parseBotToken(token: string): number | undefined {
  const match = /^(\d{1,15}):(\S+)$/.exec(token);
  if (!match?.[1]) return undefined;
  const id = Number(match[1]);
  return id > 0 ? id : undefined;
}

export class BotRecord {
  readonly user: UserFromGetMe;
  readonly updates = new UpdateQueue();
  readonly chats = new Map<number, ChatRecord>();
  /** Replaced (never mutated) on every setWebhook, so deliveries can tell a stale webhook. */
  webhook: WebhookConfig | undefined;
  lastWebhookError: WebhookError | undefined;
  allowedUpdates: string[] | undefined;
  /** Commands per scope and language, keyed by `${JSON scope}|${language_code}`. */
  readonly commands = new Map<string, BotCommand[]>();
  menuButton: MenuButton = { type: "commands" };

  constructor(
    readonly id: number,
    readonly token: string,
  ) {
    this.user = {
      id,
      is_bot: true,
      first_name: "Local Bot",
      username: `bot${id}_bot`,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
  }

  /** The bot as the `from` of its messages (getMe's extra fields left out, as on Telegram). */
  get sender(): User {
    return { id: this.id, is_bot: true, first_name: this.user.first_name, username: this.user.username };
  }

  /** Forgets the conversation world; identity, webhook, commands and update_ids stay. */
  clearChats(): void {
    this.chats.clear();
    this.updates.clear();
    this.lastWebhookError = undefined;
  }
}
