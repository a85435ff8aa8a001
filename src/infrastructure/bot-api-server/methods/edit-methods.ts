// Bot API methods that change sent messages: editMessageText, editMessageCaption, editMessageReplyMarkup, deleteMessage.

import { badRequest } from "../bot-api-error.js";
import { parseInlineMarkup } from "../reply-markup.js";
import { sameJson } from "../same-json.js";
import { readEntities } from "./bot-message.js";
import { messageToEdit, targetChat } from "./chat-target.js";
import { readCaption, readMessageText } from "./message-methods.js";
import type { BotMethod } from "./method-call.js";

const notModified =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

const editMessageText: BotMethod = (call) => {
  const chat = targetChat(call);
  const stored = messageToEdit(call, chat);
  const text = readMessageText(call);
  const entities = readEntities(call, "entities");
  const markup = parseInlineMarkup(call.params.optionalJson("reply_markup"));
  if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
  const { message } = stored;
  if (message.text === text && sameJson(message.entities, entities) && sameJson(message.reply_markup, markup)) {
    throw badRequest(notModified);
  }
  chat.edit(stored, { text, entities }, markup, call.state.now());
  return stored.message;
};

const editMessageCaption: BotMethod = (call) => {
  const chat = targetChat(call);
  const stored = messageToEdit(call, chat);
  const { caption, caption_entities } = readCaption(call);
  const markup = parseInlineMarkup(call.params.optionalJson("reply_markup"));
  if (stored.kind !== "photo" && stored.kind !== "document") throw badRequest("there is no caption in the message to edit");
  const { message } = stored;
  if (message.caption === caption && sameJson(message.caption_entities, caption_entities) && sameJson(message.reply_markup, markup)) {
    throw badRequest(notModified);
  }
  chat.edit(stored, { caption, caption_entities }, markup, call.state.now());
  return stored.message;
};

const editMessageReplyMarkup: BotMethod = (call) => {
  const chat = targetChat(call);
  const stored = messageToEdit(call, chat);
  const markup = parseInlineMarkup(call.params.optionalJson("reply_markup"));
  if (sameJson(stored.message.reply_markup, markup)) throw badRequest(notModified);
  chat.edit(stored, {}, markup, call.state.now());
  return stored.message;
};

const deleteMessage: BotMethod = (call) => {
  const chat = targetChat(call);
  const messageId = call.params.integer("message_id", "message identifier is not specified");
  const stored = chat.find(messageId);
  if (!stored || stored.deleted) throw badRequest("message to delete not found");
  chat.delete(stored);
  return true;
};

export const editMethods: Record<string, BotMethod> = {
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
};
