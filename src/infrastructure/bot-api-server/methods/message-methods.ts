// Bot API methods that send messages: sendMessage, sendPhoto, sendDocument, sendLocation, sendVenue.

import type { Location, PhotoSize } from "grammy/types";
import { badRequest } from "../bot-api-error.js";
import { pngSize } from "../sample-media.js";
import { postBotMessage, readEntities, readSendOptions } from "./bot-message.js";
import { targetChat } from "./chat-target.js";
import { storeInputFile } from "./input-files.js";
import type { BotMethod, MethodCall } from "./method-call.js";

const maxTextLength = 4096;
const maxCaptionLength = 1024;

const sendMessage: BotMethod = (call) => {
  const chat = targetChat(call);
  const text = readMessageText(call);
  const entities = readEntities(call, "entities");
  return postBotMessage(call, chat, "text", { text, ...(entities ? { entities } : {}) }, readSendOptions(call, chat));
};

/** Checks a message's text the way sendMessage and editMessageText do. */
export function readMessageText({ params }: MethodCall): string {
  const text = params.optionalString("text") ?? "";
  if (text.trim() === "") throw badRequest("message text is empty");
  if (text.length > maxTextLength) throw badRequest("message is too long");
  return text;
}

export function readCaption(call: MethodCall) {
  const caption = call.params.optionalString("caption");
  if (caption !== undefined && caption.length > maxCaptionLength) throw badRequest("message caption is too long");
  const entities = readEntities(call, "caption_entities");
  return { ...(caption ? { caption } : {}), ...(entities ? { caption_entities: entities } : {}) };
}

const sendPhoto: BotMethod = (call) => {
  const chat = targetChat(call);
  const input = call.params.optionalFile("photo");
  if (!input) throw badRequest("there is no photo in the request");
  const file = storeInputFile(call, input, "photos");
  const size = (file.bytes && pngSize(file.bytes)) ?? { width: 320, height: 320 };
  const photo: PhotoSize[] = [
    {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      ...size,
      ...(file.bytes ? { file_size: file.bytes.byteLength } : {}),
    },
  ];
  return postBotMessage(call, chat, "photo", { photo, ...readCaption(call) }, readSendOptions(call, chat));
};

const sendDocument: BotMethod = (call) => {
  const chat = targetChat(call);
  const input = call.params.optionalFile("document");
  if (!input) throw badRequest("there is no document in the request");
  const file = storeInputFile(call, input, "documents");
  const document = {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    ...(input.kind === "upload" ? { file_name: input.file.filename } : {}),
    mime_type: file.contentType,
    ...(file.bytes ? { file_size: file.bytes.byteLength } : {}),
  };
  return postBotMessage(call, chat, "document", { document, ...readCaption(call) }, readSendOptions(call, chat));
};

function readLocation({ params }: MethodCall): Location {
  const latitude = params.float("latitude");
  const longitude = params.float("longitude");
  if (latitude < -90 || latitude > 90) throw badRequest("wrong latitude specified");
  if (longitude < -180 || longitude > 180) throw badRequest("wrong longitude specified");
  return { latitude, longitude };
}

const sendLocation: BotMethod = (call) => {
  const chat = targetChat(call);
  const location = readLocation(call);
  return postBotMessage(call, chat, "location", { location }, readSendOptions(call, chat));
};

const sendVenue: BotMethod = (call) => {
  const chat = targetChat(call);
  const location = readLocation(call);
  const title = call.params.string("title", "venue title is empty");
  const address = call.params.string("address", "venue address is empty");
  const venue = { location, title, address };
  // Telegram fills `location` too, so location handlers also see venues.
  return postBotMessage(call, chat, "venue", { venue, location }, readSendOptions(call, chat));
};

export const messageMethods: Record<string, BotMethod> = {
  sendMessage,
  sendPhoto,
  sendDocument,
  sendLocation,
  sendVenue,
};
