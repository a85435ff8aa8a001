// One private chat between a simulated user and a bot: messages, callback queries, payments, actions.

import type { Chat, ForceReply, InlineKeyboardMarkup, LabeledPrice, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove, User } from "grammy/types";

export type MessageSender = "user" | "bot";

export type MessageKind = "text" | "photo" | "document" | "location" | "venue" | "contact" | "sticker" | "invoice" | "successful_payment";

export type AnyReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** The fields of a message other than the ones the chat assigns (id, date, chat, sender). */
export type MessageContent = Omit<Message, "message_id" | "date" | "chat" | "from">;

/** A message as stored: Telegram's object plus what only the simulated client knows. */
export interface StoredMessage {
  /** The current message exactly as the Bot API returns it (inline keyboards only in reply_markup). */
  message: Message;
  sender: MessageSender;
  kind: MessageKind;
  /** The markup of any kind, since reply keyboards never appear in Message.reply_markup. */
  replyMarkup?: AnyReplyMarkup;
  parseMode?: string;
  edits: number;
  deleted: boolean;
  /** For invoices: what the bot set and the user never sees. */
  invoice?: { payload: string; prices: LabeledPrice[]; providerToken: string };
}

export interface CallbackAnswer {
  text?: string;
  show_alert: boolean;
  url?: string;
  cache_time?: number;
}

export interface CallbackQueryRecord {
  id: string;
  message_id: number;
  data: string;
  date: number;
  answer?: CallbackAnswer;
}

export interface PreCheckoutRecord {
  id: string;
  invoice_message_id: number;
  currency: string;
  total_amount: number;
  invoice_payload: string;
  status: "pending" | "approved" | "rejected";
  error_message?: string;
  payment_message_id?: number;
}

export interface ChatActionRecord {
  action: string;
  date: number;
}

/** What changed in a chat, for the event stream. */
export type ChatChange =
  | { type: "message_new" | "message_edited" | "message_deleted"; stored: StoredMessage }
  | { type: "callback_answered"; callbackQuery: CallbackQueryRecord }
  | { type: "pre_checkout_answered"; preCheckoutQuery: PreCheckoutRecord }
  | { type: "chat_action"; chatAction: ChatActionRecord };

export interface NewMessage {
  sender: MessageSender;
  from: User;
  kind: MessageKind;
  content: MessageContent;
  date: number;
  replyMarkup?: AnyReplyMarkup;
  parseMode?: string;
  invoice?: StoredMessage["invoice"];
}

/**
 * In a private chat user and bot messages share one increasing message_id counter,
 * as they do on Telegram.
 */
export class ChatRecord {
  readonly messages: StoredMessage[] = [];
  readonly callbackQueries: CallbackQueryRecord[] = [];
  readonly preCheckoutQueries: PreCheckoutRecord[] = [];
  readonly chatActions: ChatActionRecord[] = [];
  /** The user blocked the bot: sending answers 403 until unblocked. */
  blocked = false;
  private lastId = 0;

  constructor(
    public user: User,
    private readonly notify: (change: ChatChange) => void,
  ) {}

  get id(): number {
    return this.user.id;
  }

  get lastMessageId(): number {
    return this.lastId;
  }

  get chat(): Chat.PrivateChat {
    const { id, first_name, last_name, username } = this.user;
    return {
      id,
      type: "private",
      first_name,
      ...(last_name !== undefined ? { last_name } : {}),
      ...(username !== undefined ? { username } : {}),
    };
  }

  addMessage(input: NewMessage): StoredMessage {
    const message = {
      message_id: ++this.lastId,
      from: input.from,
      chat: this.chat,
      date: input.date,
      ...input.content,
    } as Message;
    if (input.replyMarkup && "inline_keyboard" in input.replyMarkup) message.reply_markup = input.replyMarkup;
    const stored: StoredMessage = {
      message,
      sender: input.sender,
      kind: input.kind,
      edits: 0,
      deleted: false,
      ...(input.replyMarkup ? { replyMarkup: input.replyMarkup } : {}),
      ...(input.parseMode ? { parseMode: input.parseMode } : {}),
      ...(input.invoice ? { invoice: input.invoice } : {}),
    };
    this.messages.push(stored);
    this.notify({ type: "message_new", stored });
    return stored;
  }

  /** The message with that id, deleted ones included (callers decide what deletion means). */
  find(messageId: number): StoredMessage | undefined {
    return this.messages.find((stored) => stored.message.message_id === messageId);
  }

  /** Applies an edit; `replyMarkup` replaces the inline keyboard (undefined removes it, as on Telegram). */
  edit(stored: StoredMessage, changes: Partial<MessageContent>, replyMarkup: InlineKeyboardMarkup | undefined, date: number): void {
    const message = { ...stored.message, ...changes, edit_date: date } as Message;
    if (replyMarkup) message.reply_markup = replyMarkup;
    else delete message.reply_markup;
    stored.message = message;
    if (replyMarkup) stored.replyMarkup = replyMarkup;
    else if (stored.replyMarkup && "inline_keyboard" in stored.replyMarkup) delete stored.replyMarkup;
    stored.edits += 1;
    this.notify({ type: "message_edited", stored });
  }

  delete(stored: StoredMessage): void {
    stored.deleted = true;
    this.notify({ type: "message_deleted", stored });
  }

  recordCallbackAnswer(callbackQuery: CallbackQueryRecord, answer: CallbackAnswer): void {
    callbackQuery.answer = answer;
    this.notify({ type: "callback_answered", callbackQuery });
  }

  recordPreCheckoutAnswer(preCheckoutQuery: PreCheckoutRecord): void {
    this.notify({ type: "pre_checkout_answered", preCheckoutQuery });
  }

  recordChatAction(chatAction: ChatActionRecord): void {
    this.chatActions.push(chatAction);
    this.notify({ type: "chat_action", chatAction });
  }
}
