// What a simulated client shows: the reply keyboard in force and the inline keyboards of bot messages.

import type { InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup } from "grammy/types";
import type { AnyReplyMarkup, ChatRecord, StoredMessage } from "./chat-record.js";

export interface ReplyKeyboardInForce {
  message_id: number;
  markup: ReplyKeyboardMarkup;
}

/**
 * The latest reply keyboard a bot message brought, unless a later bot message removed it.
 * Deleting the message does not take the keyboard away: it belongs to the input field.
 */
export function replyKeyboardInForce(chat: ChatRecord): ReplyKeyboardInForce | undefined {
  for (let index = chat.messages.length - 1; index >= 0; index--) {
    const stored = chat.messages[index];
    if (!stored || stored.sender !== "bot" || !stored.replyMarkup) continue;
    if ("remove_keyboard" in stored.replyMarkup) return undefined;
    if ("keyboard" in stored.replyMarkup) return { message_id: stored.message.message_id, markup: stored.replyMarkup };
  }
  return undefined;
}

/** The newest bot message still showing an inline keyboard. */
export function latestInlineKeyboardMessage(chat: ChatRecord): StoredMessage | undefined {
  for (let index = chat.messages.length - 1; index >= 0; index--) {
    const stored = chat.messages[index];
    if (stored && stored.sender === "bot" && !stored.deleted && inlineKeyboardOf(stored)) return stored;
  }
  return undefined;
}

export function inlineKeyboardOf(stored: StoredMessage): InlineKeyboardMarkup | undefined {
  return stored.message.reply_markup;
}

export function keyboardButtonText(button: KeyboardButton): string {
  return typeof button === "string" ? button : button.text;
}

/** Button labels of any markup, row by row flattened. */
export function buttonLabels(markup: AnyReplyMarkup | undefined): string[] {
  if (!markup) return [];
  if ("inline_keyboard" in markup) return markup.inline_keyboard.flat().map((button: InlineKeyboardButton) => button.text);
  if ("keyboard" in markup) return markup.keyboard.flat().map(keyboardButtonText);
  return [];
}
