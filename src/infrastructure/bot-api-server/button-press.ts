// Pressing a button by its label, the way a user taps a reply-keyboard or inline-keyboard button.

import type { InlineKeyboardButton, KeyboardButton } from "grammy/types";
import type { StoredMessage } from "./chat-record.js";
import { buttonLabels, inlineKeyboardOf, keyboardButtonText, latestInlineKeyboardMessage, replyKeyboardInForce } from "./keyboards.js";
import { SimError } from "./sim-error.js";
import { contactContent, sendCallbackQuery, sendUserMessage, startPayment, textContent, type SimActionResult, type SimChat } from "./simulated-user-actions.js";

export interface PressRequest {
  label: string;
  /** Press an inline button of this (possibly older) message instead of the latest keyboards. */
  message_id?: number | undefined;
  /** For request_contact buttons: the phone number shared (default: the user's stable number). */
  phone_number?: string | undefined;
  /** For request_location buttons (default: central Tehran). */
  latitude?: number | undefined;
  longitude?: number | undefined;
}

type Found = { keyboard: "reply"; button: KeyboardButton; messageId: number } | { keyboard: "inline"; button: InlineKeyboardButton; message: StoredMessage };

export function pressButton(place: SimChat, request: PressRequest): SimActionResult {
  const found = findButton(place, request);
  return found.keyboard === "reply" ? pressReplyButton(place, found.button, request) : pressInlineButton(place, found.button, found.message);
}

/**
 * Looks in the reply keyboard in force and in the newest inline keyboard; when both have the
 * label, the newer message wins, as that is what the user sees last.
 */
function findButton({ chat }: SimChat, request: PressRequest): Found {
  const candidates: Found[] = [];
  const available: string[] = [];
  if (request.message_id !== undefined) {
    const stored = chat.find(request.message_id);
    if (!stored || stored.deleted || stored.sender !== "bot") {
      throw new SimError(404, { error: `bot message ${request.message_id} not found`, available });
    }
    addInline(stored, candidates, available, request.label);
  } else {
    const inline = latestInlineKeyboardMessage(chat);
    const reply = replyKeyboardInForce(chat);
    if (inline) addInline(inline, candidates, available, request.label);
    if (reply) {
      available.push(...buttonLabels(reply.markup));
      const button = reply.markup.keyboard.flat().find((candidate) => keyboardButtonText(candidate) === request.label);
      if (button) candidates.push({ keyboard: "reply", button, messageId: reply.message_id });
    }
  }
  candidates.sort((a, b) => messageIdOf(b) - messageIdOf(a));
  const [newest] = candidates;
  if (!newest) throw new SimError(404, { error: `no button labelled "${request.label}"`, available });
  return newest;
}

function addInline(stored: StoredMessage, candidates: Found[], available: string[], label: string): void {
  const buttons = inlineKeyboardOf(stored)?.inline_keyboard.flat() ?? [];
  available.push(...buttons.map((button) => button.text));
  const button = buttons.find((candidate) => candidate.text === label);
  if (button) candidates.push({ keyboard: "inline", button, message: stored });
}

function messageIdOf(found: Found): number {
  return found.keyboard === "reply" ? found.messageId : found.message.message.message_id;
}

function pressReplyButton(place: SimChat, button: KeyboardButton, request: PressRequest): SimActionResult {
  if (typeof button === "string") return sendUserMessage(place, "text", textContent(button));
  if ("request_contact" in button && button.request_contact) {
    return sendUserMessage(place, "contact", contactContent(place.chat, { phone_number: request.phone_number }));
  }
  if ("request_location" in button && button.request_location) {
    const location = { latitude: request.latitude ?? 35.6997, longitude: request.longitude ?? 51.338 };
    return sendUserMessage(place, "location", { location });
  }
  const special = Object.keys(button).find((key) => key !== "text");
  if (special) throw new SimError(400, { error: `reply buttons with ${special} are not simulated` });
  return sendUserMessage(place, "text", textContent(button.text));
}

function pressInlineButton(place: SimChat, button: InlineKeyboardButton, message: StoredMessage): SimActionResult {
  if ("callback_data" in button) return sendCallbackQuery(place, message, button.callback_data);
  if ("url" in button) return { kind: "url", url: button.url, last_message_id: place.chat.lastMessageId };
  if ("pay" in button && message.kind === "invoice") return startPayment(place, message.message.message_id);
  const kind = Object.keys(button).find((key) => key !== "text") ?? "no action";
  throw new SimError(400, { error: `inline buttons with ${kind} are not simulated` });
}
