// Checks the reply_markup a bot sends, with Telegram's error texts, before it reaches a chat.

import type { InlineKeyboardMarkup } from "grammy/types";
import { badRequest } from "./bot-api-error.js";
import type { AnyReplyMarkup } from "./chat-record.js";

const inlineActions = [
  "callback_data",
  "url",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

/** Any of the four kinds of markup; throws Telegram's 400 for anything malformed. */
export function parseReplyMarkup(value: unknown): AnyReplyMarkup | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ("inline_keyboard" in value) return parseInlineKeyboard(value);
  if ("keyboard" in value) {
    const rows = value.keyboard;
    if (!isRows(rows)) throw badRequest("can't parse reply keyboard markup JSON object");
    for (const button of rows.flat()) {
      if (typeof button === "string") continue;
      if (!isObject(button) || typeof button.text !== "string") throw badRequest('can\'t parse keyboard button: Field "text" must be of type String');
    }
    return value as unknown as AnyReplyMarkup;
  }
  if (value.remove_keyboard === true) return value as unknown as AnyReplyMarkup;
  if (value.force_reply === true) return value as unknown as AnyReplyMarkup;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

/** Only inline keyboards may be edited onto a message. */
export function parseInlineMarkup(value: unknown): InlineKeyboardMarkup | undefined {
  const markup = parseReplyMarkup(value);
  if (markup === undefined) return undefined;
  if (!("inline_keyboard" in markup)) throw badRequest("inline keyboard expected");
  return markup;
}

function parseInlineKeyboard(value: Record<string, unknown>): InlineKeyboardMarkup {
  const rows = value.inline_keyboard;
  if (!isRows(rows)) throw badRequest("can't parse inline keyboard markup JSON object");
  for (const button of rows.flat()) {
    if (!isObject(button) || typeof button.text !== "string") {
      throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
    }
    const actions = inlineActions.filter((action) => button[action] !== undefined);
    if (actions.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    if (actions.length > 1) throw badRequest("can't parse inline keyboard button: only one of the optional fields must be used");
    const data = button.callback_data;
    if (data !== undefined && (typeof data !== "string" || Buffer.byteLength(data) < 1 || Buffer.byteLength(data) > 64)) {
      throw badRequest("BUTTON_DATA_INVALID");
    }
  }
  return value as unknown as InlineKeyboardMarkup;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRows(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every(Array.isArray);
}
