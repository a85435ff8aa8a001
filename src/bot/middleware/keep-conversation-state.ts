// A send that still fails after its retries must not cost the citizen the journey: the conversation's
// stored state is left as it was before the update, so the next answer lands on the same question.
import type { ConversationStorage, VersionedStateStorage } from "@grammyjs/conversations";
import { GrammyError, HttpError, type Context, type MiddlewareFn } from "grammy";

/** Updates whose conversation must not write its state (a Bot API call failed while handling them). */
const keepStateOf = new WeakSet<Context>();

/** True for errors of the Bot API itself (an answer with ok=false, or no answer at all). */
export function isBotApiFailure(error: unknown): boolean {
  return error instanceof GrammyError || error instanceof HttpError;
}

/**
 * Placed between conversations() and the conversations: @grammyjs/conversations ends a conversation that
 * threw (and persists that in a `finally`), so a Bot API failure is noted here on its way out first.
 */
export const keepConversationStateOnSendFailure: MiddlewareFn<Context> = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (isBotApiFailure(error)) keepStateOf.add(ctx);
    throw error;
  }
};

/** The conversations' storage, keyed like the plugin's own (prefix + chat id), skipping writes of failed updates. */
export function sendFailureAwareStorage<C extends Context, S>(options: {
  version: number;
  prefix: string;
  adapter: VersionedStateStorage<string, S>;
}): ConversationStorage<C, S> {
  const keyOf = (ctx: C) => `${options.prefix}${ctx.chatId ?? ctx.from?.id ?? "none"}`;
  return {
    type: "context",
    version: options.version,
    adapter: {
      read: (ctx) => options.adapter.read(keyOf(ctx)),
      write: (ctx, state) => (keepStateOf.has(ctx) ? undefined : options.adapter.write(keyOf(ctx), state)),
      delete: (ctx) => (keepStateOf.has(ctx) ? undefined : options.adapter.delete(keyOf(ctx))),
    },
  };
}
