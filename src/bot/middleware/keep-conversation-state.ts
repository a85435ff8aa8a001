// A send that still fails after its retries, or a service that is down (database, Redis), must not cost the
// citizen the journey: the conversation's stored state is left as it was before the update, so the next
// answer lands on the same question. A bug (any other error) still ends the conversation, as it must not loop.
import type { ConversationStorage, VersionedState } from "@grammyjs/conversations";
import { GrammyError, HttpError, type Context, type MiddlewareFn } from "grammy";
import type { ConversationStateStorage } from "../../infrastructure/redis/conversation-storage.js";
import type { HeldKeys } from "../../infrastructure/redis/held-keys.js";
import type { UpdateDrafts } from "../../infrastructure/redis/journey-drafts.js";

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

/** True when this update's conversation state must stay as it was (so must the draft it would have written). */
export function keepsStateOf(ctx: Context): boolean {
  return keepStateOf.has(ctx);
}

/** The key of an update's conversation state: the plugin's own (prefix + chat id). */
export function conversationKeyOf(prefix: string, ctx: Context): string {
  return `${prefix}${ctx.chatId ?? ctx.from?.id ?? "none"}`;
}

/**
 * The conversations' storage, keyed like the plugin's own ({@link conversationKeyOf}), skipping writes of
 * failed updates. The update's draft (`draftsOf`) is read and written with the state; a skipped write skips
 * the draft's pending write with it, so the draft stays the one the kept state read. `heldOf` gives the
 * chat's keys as the update read them under its chat's lock (read and written there without a round trip).
 */
export function sendFailureAwareStorage<C extends Context, S>(options: {
  version: number;
  prefix: string;
  adapter: ConversationStateStorage<VersionedState<S>>;
  draftsOf?: (ctx: C) => UpdateDrafts | undefined;
  heldOf?: (ctx: C) => HeldKeys | undefined;
}): ConversationStorage<C, S> {
  const keyOf = (ctx: C) => conversationKeyOf(options.prefix, ctx);
  const draftsOf = options.draftsOf ?? (() => undefined);
  const heldOf = options.heldOf ?? (() => undefined);
  return {
    type: "context",
    version: options.version,
    adapter: {
      read: (ctx) => options.adapter.read(keyOf(ctx), draftsOf(ctx), heldOf(ctx)),
      write: (ctx, state) => (keepStateOf.has(ctx) ? undefined : options.adapter.write(keyOf(ctx), state, draftsOf(ctx), heldOf(ctx))),
      delete: (ctx) => (keepStateOf.has(ctx) ? undefined : options.adapter.delete(keyOf(ctx), draftsOf(ctx), heldOf(ctx))),
    },
  };
}
