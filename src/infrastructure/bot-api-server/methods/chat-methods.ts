// Chat-level Bot API methods: sendChatAction and getChat.

import { badRequest } from "../bot-api-error.js";
import { targetChat } from "./chat-target.js";
import type { BotMethod } from "./method-call.js";

const chatActions = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const sendChatAction: BotMethod = (call) => {
  const chat = targetChat(call);
  const action = call.params.string("action", "action is empty");
  if (!chatActions.has(action)) throw badRequest("wrong parameter action in request");
  chat.recordChatAction({ action, date: call.state.now() });
  return true;
};

const getChat: BotMethod = (call) => {
  const chat = targetChat(call);
  return { ...chat.chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
};

export const chatMethods: Record<string, BotMethod> = { sendChatAction, getChat };
