// What a simulated user can do in a private chat; each action records a message and queues an update.

import type { CallbackQuery, ChatMemberUpdated, Contact, Message, MessageEntity, PhotoSize, PreCheckoutQuery } from "grammy/types";
import type { BotRecord } from "./bot-record.js";
import type { ChatRecord, MessageContent, MessageKind, StoredMessage } from "./chat-record.js";
import { samplePhotoPng } from "./sample-media.js";
import { SimError } from "./sim-error.js";
import type { LocalBotApiState } from "./state.js";

/** What every action answers; update_id is null when the bot's allowed_updates filtered it out. */
export type SimActionResult =
  | { kind: "message" | "edited_message"; message: Message; update_id: number | null; last_message_id: number }
  | { kind: "callback_query"; callback_query: CallbackQuery; update_id: number | null; last_message_id: number }
  | { kind: "pre_checkout_query"; pre_checkout_query: PreCheckoutQuery; update_id: number | null; last_message_id: number }
  | { kind: "my_chat_member"; my_chat_member: ChatMemberUpdated; update_id: number | null; last_message_id: number }
  | { kind: "url"; url: string; last_message_id: number };

/** The place an action happens: one simulated user's chat with one bot. */
export interface SimChat {
  state: LocalBotApiState;
  bot: BotRecord;
  chat: ChatRecord;
}

export function sendUserMessage({ state, bot, chat }: SimChat, kind: MessageKind, content: MessageContent): SimActionResult {
  const stored = chat.addMessage({ sender: "user", from: chat.user, kind, content, date: state.now() });
  const update = state.enqueue(bot, "message", stored.message);
  return { kind: "message", message: stored.message, update_id: update?.update_id ?? null, last_message_id: chat.lastMessageId };
}

/** Text, with the bot_command entity Telegram adds when it starts with a command. */
export function textContent(text: string): MessageContent {
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?/.exec(text);
  const entities: MessageEntity[] = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
  return { text, ...(entities.length > 0 ? { entities } : {}) };
}

/** The user's own phone number unless another user_id says the contact is someone else's. */
export function contactContent(
  chat: ChatRecord,
  input: { phone_number?: string | undefined; first_name?: string | undefined; last_name?: string | undefined; user_id?: number | undefined },
): MessageContent {
  const own = input.user_id === undefined || input.user_id === chat.user.id;
  const lastName = input.last_name ?? (own ? chat.user.last_name : undefined);
  const contact: Contact = {
    phone_number: input.phone_number ?? defaultPhoneNumber(chat.user.id),
    first_name: input.first_name ?? (own ? chat.user.first_name : "Contact"),
    ...(lastName !== undefined ? { last_name: lastName } : {}),
    user_id: input.user_id ?? chat.user.id,
  };
  return { contact };
}

/** A stable Iranian mobile number per user, without "+" as Telegram usually sends it. */
export function defaultPhoneNumber(userId: number): string {
  return `98912${String(userId % 10_000_000).padStart(7, "0")}`;
}

export function photoContent({ state, bot }: SimChat, caption: string | undefined): MessageContent {
  const { bytes, width, height, contentType } = samplePhotoPng;
  const file = state.files.addUpload(bot.id, "photos", bytes, "photo.png", contentType);
  const photo: PhotoSize[] = [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, width, height, file_size: bytes.byteLength }];
  return { photo, ...(caption ? { caption } : {}) };
}

export function stickerContent({ state, bot }: SimChat): MessageContent {
  const { bytes, contentType } = samplePhotoPng;
  const file = state.files.addUpload(bot.id, "stickers", bytes, "sticker.png", contentType);
  return {
    sticker: {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: "👍",
      file_size: bytes.byteLength,
    },
  };
}

export function editUserMessage({ state, bot, chat }: SimChat, messageId: number, text: string): SimActionResult {
  const stored = chat.find(messageId);
  if (!stored || stored.deleted) throw new SimError(404, { error: `message ${messageId} not found` });
  if (stored.sender !== "user" || stored.kind !== "text") {
    throw new SimError(400, { error: `message ${messageId} is not a text message of this user` });
  }
  // Spelled out so an edit that drops the command also drops its entity.
  chat.edit(stored, { entities: undefined, ...textContent(text) }, undefined, state.now());
  const update = state.enqueue(bot, "edited_message", stored.message);
  return { kind: "edited_message", message: stored.message, update_id: update?.update_id ?? null, last_message_id: chat.lastMessageId };
}

export function sendCallbackQuery({ state, bot, chat }: SimChat, stored: StoredMessage, data: string): SimActionResult {
  const id = state.nextQueryId();
  const callbackQuery: CallbackQuery = {
    id,
    from: chat.user,
    message: stored.message,
    chat_instance: `${bot.id}${chat.id}`,
    data,
  };
  chat.callbackQueries.push({ id, message_id: stored.message.message_id, data, date: state.now() });
  const update = state.enqueue(bot, "callback_query", callbackQuery);
  return { kind: "callback_query", callback_query: callbackQuery, update_id: update?.update_id ?? null, last_message_id: chat.lastMessageId };
}

/** Pressing "Pay" on an invoice: the bot receives a pre_checkout_query and must answer it. */
export function startPayment({ state, bot, chat }: SimChat, messageId: number): SimActionResult {
  const stored = chat.find(messageId);
  if (!stored || stored.deleted) throw new SimError(404, { error: `message ${messageId} not found` });
  const invoice = stored.message.invoice;
  if (!invoice || !stored.invoice) throw new SimError(400, { error: `message ${messageId} is not an invoice` });
  const id = state.nextQueryId();
  const preCheckoutQuery: PreCheckoutQuery = {
    id,
    from: chat.user,
    currency: invoice.currency,
    total_amount: invoice.total_amount,
    invoice_payload: stored.invoice.payload,
  };
  chat.preCheckoutQueries.push({
    id,
    invoice_message_id: messageId,
    currency: invoice.currency,
    total_amount: invoice.total_amount,
    invoice_payload: stored.invoice.payload,
    status: "pending",
  });
  const update = state.enqueue(bot, "pre_checkout_query", preCheckoutQuery);
  return {
    kind: "pre_checkout_query",
    pre_checkout_query: preCheckoutQuery,
    update_id: update?.update_id ?? null,
    last_message_id: chat.lastMessageId,
  };
}

/** Blocking (or unblocking) the bot: the bot gets my_chat_member and, while blocked, 403 on sends. */
export function setBlocked({ state, bot, chat }: SimChat, blocked: boolean): SimActionResult {
  if (chat.blocked === blocked) throw new SimError(409, { error: blocked ? "already blocked" : "not blocked" });
  chat.blocked = blocked;
  const member = { status: "member", user: bot.sender } as const;
  const kicked = { status: "kicked", user: bot.sender, until_date: 0 } as const;
  const change: ChatMemberUpdated = {
    chat: chat.chat,
    from: chat.user,
    date: state.now(),
    old_chat_member: blocked ? member : kicked,
    new_chat_member: blocked ? kicked : member,
  };
  const update = state.enqueue(bot, "my_chat_member", change);
  return { kind: "my_chat_member", my_chat_member: change, update_id: update?.update_id ?? null, last_message_id: chat.lastMessageId };
}
