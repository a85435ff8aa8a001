// Builds the grammY bot from its dependencies: middleware order, conversations, features. No I/O at build time.
import { conversations, createConversation, type ConversationBuilder, type ConversationData } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Bot, type Api, type ApiClientOptions } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "../infrastructure/logging/logger.js";
import type { BotJourneys } from "../flows/flow.js";
import type { BotContext, FlowContext } from "./context.js";
import { journeysFeature, type JourneyEntry } from "./features/journeys.js";
import { mainMenuFeature, type RecordChat } from "./features/main-menu.js";
import { unhandledFeature } from "./features/unhandled.js";
import type { MainMenuKey } from "./keyboards/main-menu.js";
import { LONGEST_SEND_SECONDS, type RateLimitedCall, resilientFetch, retryTransformers } from "./api-transport.js";
import { admitUpdates, heldKeysOf } from "./middleware/admit-updates.js";
import { attachLogger } from "./middleware/attach-logger.js";
import { conversationKeyOf, keepConversationStateOnSendFailure, keepsStateOf, sendFailureAwareStorage } from "./middleware/keep-conversation-state.js";
import { apologiseAndLog } from "./middleware/error-boundary.js";
import { InFlightUpdates } from "./middleware/in-flight.js";
import { privateChatsOnly } from "./middleware/private-chats-only.js";
import { logBotError, outerBoundary } from "./middleware/outer-boundary.js";
import { DEFAULT_LOCALE } from "./i18n.js";
import { redisConversationStorage } from "../infrastructure/redis/conversation-storage.js";
import { redisJourneyDrafts, type UpdateDrafts } from "../infrastructure/redis/journey-drafts.js";

/**
 * Bump when any flow's steps change: conversations are replayed from their recorded updates, so a state
 * saved by older code must be dropped rather than replayed into new code.
 */
export const CONVERSATION_STATE_VERSION = 4;

export interface BotDependencies {
  token: string;
  apiRoot: string;
  logger: Logger;
  redis: Redis;
  /** Namespace of every Redis key this bot writes. */
  keyPrefix: string;
  conversationTtlSeconds: number;
  /** How long an update waits for its chat's lock (held by another instance) before it fails (default 60 s). */
  chatLockWaitMs?: number;
  /** How long a chat's handled-update marks outlive its last update (see DEFAULT_MARK_WINDOW_SECONDS; default the webhook's 24 h). */
  handledMarkWindowSeconds?: number;
  /** Updates one user may send per minute before the rest are ignored (default 60). */
  updatesPerMinute?: number;
  i18n: I18n<FlowContext>;
  recordChat: RecordChat;
  /**
   * The HTTP client's fetch under the per-chat pace and retries (default: the network). The fast tests answer the Bot API here: it is the one
   * layer that also carries the calls conversations make, since each replay builds its own Api object
   * from the bot's client options (transformers installed on bot.api do not reach it).
   */
  fetch?: ApiClientOptions["fetch"];
  /** Hold outgoing calls to the platform's rate limits (default true; off only when no platform answers, as in the fast tests). */
  throttle?: boolean;
  /** Told of every 429 the platform answers (the app counts it and holds the shared bulk send budget). */
  onRateLimited?: (call: RateLimitedCall) => unknown;
  /** Builds the journeys; called once with the bot's API (gateways that send invoices need it). */
  journeys(api: Api): BotJourneys;
}

export interface BuiltBot {
  bot: Bot<BotContext>;
  inFlight: InFlightUpdates;
}

export function createBot(deps: BotDependencies): BuiltBot {
  // Throttling and retries live in the client's fetch, so the Api each conversation builds from these
  // options gets them too (see api-transport.ts); one failed call is logged once, without its payload.
  const fetch = resilientFetch({
    ...(deps.fetch ? { fetch: deps.fetch as unknown as typeof globalThis.fetch } : {}),
    ...(deps.throttle === false ? { transformers: retryTransformers() } : {}),
    ...(deps.onRateLimited ? { onRateLimited: deps.onRateLimited } : {}),
    onFailure: (call) =>
      deps.logger.warn(
        { method: call.method, chat: call.chatId, error_code: call.errorCode, description: call.description, err: call.cause },
        "Bot API call failed after its retries",
      ),
  });
  const bot = new Bot<BotContext>(deps.token, { client: { apiRoot: deps.apiRoot, fetch, timeoutSeconds: LONGEST_SEND_SECONDS } });

  const inFlight = new InFlightUpdates();
  const { i18n } = deps;
  const journeys = deps.journeys(bot.api);
  const logger = attachLogger(deps.logger);
  const keyPrefix = `${deps.keyPrefix}bot${botIdOf(deps.token)}:`;
  // Each journey keeps its answers in the chat's draft, outside the replay log (src/flows/kit/journey.ts).
  const drafts = redisJourneyDrafts(deps.redis, keyPrefix, deps.conversationTtlSeconds);
  const draftChatOf = (ctx: FlowContext) => ctx.chatId ?? ctx.from?.id ?? 0;
  const conversationPrefix = `${keyPrefix}conversation:`;

  bot.catch(logBotError(deps.logger));
  // First of all: shutdown waits for every update that has begun, even one still at the arrival gate.
  bot.use(inFlight.middleware);
  bot.use(logger);
  bot.use(outerBoundary(deps.logger, (key, params) => i18n.t(DEFAULT_LOCALE, key, params)));
  // Counted at arrival, before the update waits for its chat (a flood is dropped, not queued); then one chat
  // at a time, in this process (runner delivers concurrently) and across instances, each update once. The
  // conversation's state and the draft are read with the lock and stored with the update's mark.
  bot.use(
    admitUpdates({
      redis: deps.redis,
      keyPrefix,
      perMinute: deps.updatesPerMinute ?? 60,
      tellSlowDown: (ctx) => ctx.api.sendMessage(ctx.chat!.id, i18n.t(DEFAULT_LOCALE, "flood-slow-down")),
      lockWaitMs: deps.chatLockWaitMs,
      markWindowSeconds: deps.handledMarkWindowSeconds,
      chatKeys: (ctx) => [conversationKeyOf(conversationPrefix, ctx), drafts.keyOf(draftChatOf(ctx))],
    }),
  );

  const guarded = bot.errorBoundary(apologiseAndLog);
  guarded.use(i18n);
  guarded.use(privateChatsOnly({ redis: deps.redis, keyPrefix }));
  // The draft is read with the conversation's state and written with it (under the chat's lock, without a
  // round trip of their own); a write owed by an update whose conversation stored no state (entered and
  // done at once) is stored here after.
  guarded.use(async (ctx, next) => {
    const own = drafts.forUpdate(draftChatOf(ctx), heldKeysOf(ctx));
    ctx.drafts = own;
    await next();
    if (!keepsStateOf(ctx)) await own.flush();
  });
  guarded.use(
    conversations<BotContext, FlowContext>({
      storage: sendFailureAwareStorage<BotContext, ConversationData>({
        version: CONVERSATION_STATE_VERSION,
        prefix: conversationPrefix,
        adapter: redisConversationStorage(deps.redis, deps.conversationTtlSeconds),
        draftsOf: (ctx) => ctx.drafts as UpdateDrafts,
        heldOf: heldKeysOf,
      }),
      plugins: [logger, i18n],
    }),
  );
  guarded.use(keepConversationStateOnSendFailure);
  for (const flow of journeys.flows) {
    // FlowConversation is the plugin's conversation with external() typed to refuse unsafe results.
    const builder = flow.run as unknown as ConversationBuilder<BotContext, FlowContext>;
    guarded.use(createConversation(builder, { id: flow.id, maxMillisecondsToWait: deps.conversationTtlSeconds * 1000 }));
  }

  for (const feature of journeys.entry ?? []) guarded.use(feature);
  guarded.use(mainMenuFeature(deps.recordChat));
  const entries: Partial<Record<MainMenuKey, JourneyEntry>> = {};
  for (const [key, handler] of Object.entries(journeys.pages ?? {})) entries[key as MainMenuKey] = { handler };
  for (const flow of journeys.flows) if (flow.menuKey) entries[flow.menuKey] = { conversation: flow.id };
  guarded.use(journeysFeature(entries));
  for (const feature of journeys.features ?? []) guarded.use(feature);
  guarded.use(unhandledFeature());
  return { bot, inFlight };
}

function botIdOf(token: string): string {
  return token.split(":")[0] ?? "0";
}
