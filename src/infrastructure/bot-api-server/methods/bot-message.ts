// What every send method shares: reply markup, the message replied to, and posting the bot's message.

import type { Message, MessageEntity } from "grammy/types";
import { badRequest } from "../bot-api-error.js";
import type { AnyReplyMarkup, ChatRecord, MessageContent, MessageKind, StoredMessage } from "../chat-record.js";
import { parseReplyMarkup } from "../reply-markup.js";
import type { MethodCall } from "./method-call.js";

export interface SendOptions {
  replyMarkup?: AnyReplyMarkup;
  replyTo?: Message;
}

/** reply_markup plus reply_parameters (or the older reply_to_message_id). */
export function readSendOptions({ params }: MethodCall, chat: ChatRecord): SendOptions {
  const replyMarkup = parseReplyMarkup(params.optionalJson("reply_markup"));
  const replyParameters = params.optionalJson("reply_parameters") as { message_id?: unknown; allow_sending_without_reply?: unknown } | undefined;
  const replyToId = replyParameters?.message_id ?? params.optionalInteger("reply_to_message_id");
  const allowWithoutReply = replyParameters?.allow_sending_without_reply === true || params.flag("allow_sending_without_reply");
  let replyTo: Message | undefined;
  if (typeof replyToId === "number") {
    const target = chat.find(replyToId);
    if (target && !target.deleted) replyTo = withoutNestedReply(target.message);
    else if (!allowWithoutReply) throw badRequest("message to be replied not found");
  }
  return { ...(replyMarkup ? { replyMarkup } : {}), ...(replyTo ? { replyTo } : {}) };
}

/** Text entities as given; parse_mode is stored beside the text, not applied. */
export function readEntities({ params }: MethodCall, name: "entities" | "caption_entities"): MessageEntity[] | undefined {
  const entities = params.optionalJson(name);
  if (entities === undefined) return undefined;
  if (!Array.isArray(entities)) throw badRequest(`can't parse ${name} JSON object`);
  return entities as MessageEntity[];
}

export function postBotMessage(
  call: MethodCall,
  chat: ChatRecord,
  kind: MessageKind,
  content: MessageContent,
  options: SendOptions & { invoice?: StoredMessage["invoice"] } = {},
): Message {
  const parseMode = call.params.optionalString("parse_mode");
  const stored = chat.addMessage({
    sender: "bot",
    from: call.bot.sender,
    kind,
    content: options.replyTo ? ({ ...content, reply_to_message: options.replyTo } as MessageContent) : content,
    date: call.state.now(),
    ...(options.replyMarkup ? { replyMarkup: options.replyMarkup } : {}),
    ...(parseMode ? { parseMode } : {}),
    ...(options.invoice ? { invoice: options.invoice } : {}),
  });
  return stored.message;
}

function withoutNestedReply(message: Message): Message {
  const { reply_to_message: _nested, ...rest } = message;
  return rest as Message;
}
