// The simulated client's view of a chat: every message in order with its current state.

import type { Message, MessageEntity, User } from "grammy/types";
import type { BotRecord } from "./bot-record.js";
import type {
  AnyReplyMarkup,
  CallbackQueryRecord,
  ChatActionRecord,
  ChatRecord,
  MessageKind,
  MessageSender,
  PreCheckoutRecord,
  StoredMessage,
} from "./chat-record.js";
import { replyKeyboardInForce, type ReplyKeyboardInForce } from "./keyboards.js";

export interface TranscriptMessage {
  message_id: number;
  sender: MessageSender;
  kind: MessageKind;
  date: number;
  /** The text, or the caption of media. */
  text?: string;
  entities?: MessageEntity[];
  parse_mode?: string;
  /** Markup of any kind (reply keyboards included), as the bot last set it. */
  reply_markup?: AnyReplyMarkup;
  edits: number;
  deleted: boolean;
  /** The full message as the Bot API returns it. */
  message: Message;
}

export interface Transcript {
  bot: { id: number; username: string };
  user: User;
  /** The user has blocked the bot. */
  blocked: boolean;
  messages: TranscriptMessage[];
  reply_keyboard: ReplyKeyboardInForce | null;
  callback_queries: CallbackQueryRecord[];
  pre_checkout_queries: PreCheckoutRecord[];
  chat_actions: ChatActionRecord[];
}

export function toTranscriptMessage(stored: StoredMessage): TranscriptMessage {
  const { message } = stored;
  const text = message.text ?? message.caption;
  const entities = message.entities ?? message.caption_entities;
  return {
    message_id: message.message_id,
    sender: stored.sender,
    kind: stored.kind,
    date: message.date,
    ...(text !== undefined ? { text } : {}),
    ...(entities !== undefined ? { entities } : {}),
    ...(stored.parseMode !== undefined ? { parse_mode: stored.parseMode } : {}),
    ...(stored.replyMarkup !== undefined ? { reply_markup: stored.replyMarkup } : {}),
    edits: stored.edits,
    deleted: stored.deleted,
    message,
  };
}

export function buildTranscript(bot: BotRecord, chat: ChatRecord): Transcript {
  return {
    bot: { id: bot.id, username: bot.user.username },
    user: chat.user,
    blocked: chat.blocked,
    messages: chat.messages.map(toTranscriptMessage),
    reply_keyboard: replyKeyboardInForce(chat) ?? null,
    callback_queries: chat.callbackQueries,
    pre_checkout_queries: chat.preCheckoutQueries,
    chat_actions: chat.chatActions,
  };
}
