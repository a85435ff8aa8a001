// The error boundary around the middleware that runs before the handlers' own (in-flight counter,
// admission: flood count, per-chat order, the exactly-once lock): its errors go to the masked logger and the citizen is answered.
import type { BotError, MiddlewareFn } from "grammy";
import type { Logger } from "../../infrastructure/logging/logger.js";
import type { FlowContext } from "../context.js";
import { newErrorReference } from "./error-boundary.js";

/** Translates a key in the bot's default locale (i18n is not installed yet where these run). */
export type DefaultTranslate = (key: string, params?: Record<string, string | number>) => string;

/** Catches what escaped every other boundary: log with a reference, apologise, never rethrow. */
export function outerBoundary(logger: Logger, translate: DefaultTranslate): MiddlewareFn<FlowContext> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const ref = newErrorReference();
      (ctx.logger ?? logger).error(
        { err: error, ref, update_type: Object.keys(ctx.update).filter((k) => k !== "update_id") },
        "update failed before reaching its handlers",
      );
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      if (ctx.chat?.type !== "private") return;
      await ctx.api.sendMessage(ctx.chat.id, translate("error-apology", { ref })).catch((replyError: unknown) => {
        (ctx.logger ?? logger).error({ err: replyError, ref }, "could not send the apology");
      });
    }
  };
}

/** bot.catch: the last resort (grammY's default prints to the console, past the mask). */
export function logBotError(logger: Logger) {
  return (error: BotError<FlowContext>) => {
    logger.error({ err: error.error, update_id: error.ctx?.update?.update_id }, "update failed outside every boundary");
  };
}
