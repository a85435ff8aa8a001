// answerCallbackQuery: records the bot's answer on the callback query a simulated user caused.

import { badRequest } from "../bot-api-error.js";
import type { CallbackAnswer } from "../chat-record.js";
import type { BotMethod } from "./method-call.js";

const answerCallbackQuery: BotMethod = ({ bot, params }) => {
  const id = params.string("callback_query_id", "QUERY_ID_INVALID");
  for (const chat of bot.chats.values()) {
    const query = chat.callbackQueries.find((candidate) => candidate.id === id);
    if (!query) continue;
    // Telegram accepts one answer per query; a second looks like an expired one.
    if (query.answer) break;
    const text = params.optionalString("text");
    if (text !== undefined && text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
    const url = params.optionalString("url");
    const cacheTime = params.optionalInteger("cache_time");
    const answer: CallbackAnswer = {
      show_alert: params.flag("show_alert"),
      ...(text !== undefined ? { text } : {}),
      ...(url !== undefined ? { url } : {}),
      ...(cacheTime !== undefined ? { cache_time: cacheTime } : {}),
    };
    chat.recordCallbackAnswer(query, answer);
    return true;
  }
  throw badRequest("query is too old and response timeout expired or query ID is invalid");
};

export const callbackMethods: Record<string, BotMethod> = { answerCallbackQuery };
