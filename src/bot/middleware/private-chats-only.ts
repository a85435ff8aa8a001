// Citizen journeys run in private chats only: in a group every member would feed them and read the answers.
import type { Redis } from "ioredis";
import type { MiddlewareFn } from "grammy";
import type { FlowContext } from "../context.js";

/** How long a group is remembered as told, so it is told once, not on every message. */
const TOLD_FOR_SECONDS = 30 * 24 * 3600;

export function privateChatsOnly(options: { redis: Redis; keyPrefix: string }): MiddlewareFn<FlowContext> {
  return async (ctx, next) => {
    const chat = ctx.chat;
    if (!chat || chat.type === "private") return next();
    if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery({ text: ctx.t("group-private-only"), show_alert: true }));
    const firstTime = await options.redis.set(`${options.keyPrefix}group-told:${chat.id}`, "1", "EX", TOLD_FOR_SECONDS, "NX");
    ctx.logger.info({ chat_type: chat.type, told: firstTime === "OK" }, "update from a group chat; journeys run in private chats only");
    if (firstTime === "OK" && chat.type !== "channel" && (ctx.message || ctx.myChatMember)) await ctx.reply(ctx.t("group-private-only"));
  };
}
