// A send that still fails after its retries, or a service that is down (database, Redis), must not cost the
// citizen the journey: the conversation's stored state is left as it was before the update, so the next
// answer lands on the same question. A bug (any other error) still ends the conversation, as it must not loop.
import type { ConversationStorage, VersionedStateStorage } from "@grammyjs/conversations";
import { GrammyError, HttpError, type Context, type MiddlewareFn } from "grammy";

/** Updates whose conversation must not write its state (a Bot API call failed while handling them). */
const keepStateOf = new WeakSet<Context>();

/** True for errors of the Bot API itself (an answer with ok=false, or no answer at all). */
export function isBotApiFailure(error: unknown): boolean {
  return error instanceof GrammyError || error instanceof HttpError;
}

/** Network codes and Prisma's "cannot reach / timed out / pool" codes: the service is away, not wrong. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "57P01",
  "57P03",
  "08006",
  "08001",
]);

/** True when the error (or one of its causes) says a service could not be reached. */
export function isServiceUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const { code, name, message, cause } = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (name === "PrismaClientInitializationError" || name === "ChatLockTimeoutError") return true;
    if (typeof message === "string" && /Connection terminated|connect ECONNREFUSED|Can't reach database|Connection is closed/i.test(message)) return true;
    current = cause;
  }
  return false;
}

/**
 * Placed between conversations() and the conversations: @grammyjs/conversations ends a conversation that
 * threw (and persists that in a `finally`), so a Bot API failure is noted here on its way out first.
 */
export const keepConversationStateOnSendFailure: MiddlewareFn<Context> = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (isBotApiFailure(error) || isServiceUnavailable(error)) keepStateOf.add(ctx);
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
