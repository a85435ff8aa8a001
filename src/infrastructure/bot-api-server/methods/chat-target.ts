// Finds the chat and message a Bot API call is about, with Telegram's errors when they don't exist.

import { BotApiError, badRequest } from "../bot-api-error.js";
import type { ChatRecord, StoredMessage } from "../chat-record.js";
import type { MethodCall } from "./method-call.js";

/** A chat exists once its simulated user has written to this bot. */
export function targetChat({ bot, params }: MethodCall): ChatRecord {
  const raw = params.optionalString("chat_id");
  if (raw === undefined || raw.trim() === "") throw badRequest("chat_id is empty");
  const chat = /^-?\d+$/.test(raw.trim()) ? bot.chats.get(Number(raw)) : undefined;
  if (!chat) throw badRequest("chat not found");
  if (chat.blocked) throw new BotApiError(403, "Forbidden: bot was blocked by the user");
  return chat;
}

/** The bot's own, undeleted message a call wants to edit. */
export function messageToEdit(call: MethodCall, chat: ChatRecord): StoredMessage {
  if (call.params.has("inline_message_id")) throw badRequest("inline messages are not supported by the local Bot API server");
  const messageId = call.params.integer("message_id", "message identifier is not specified");
  const stored = chat.find(messageId);
  if (!stored || stored.deleted) throw badRequest("message to edit not found");
  if (stored.sender !== "bot") throw badRequest("message can't be edited");
  return stored;
}
