// Builds the grammY bot from its dependencies: middleware order, conversations, features. No I/O at build time.
import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, createConversation, type ConversationBuilder } from "@grammyjs/conversations";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { apiThrottler } from "@grammyjs/transformer-throttler";
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
import { attachLogger } from "./middleware/attach-logger.js";
import { apologiseAndLog } from "./middleware/error-boundary.js";
import { deduplicateUpdates } from "./middleware/deduplicate-updates.js";
import { InFlightUpdates } from "./middleware/in-flight.js";

/**
 * Bump when any flow's steps change: conversations are replayed from their recorded updates, so a state
 * saved by older code must be dropped rather than replayed into new code.
 */
export const CONVERSATION_STATE_VERSION = 2;

export interface BotDependencies {
  token: string;
  apiRoot: string;
  logger: Logger;
  redis: Redis;
  /** Namespace of every Redis key this bot writes. */
  keyPrefix: string;
  conversationTtlSeconds: number;
  /** Updates one user may send per minute before the rest are ignored (default 60). */
  updatesPerMinute?: number;
  i18n: I18n<FlowContext>;
  recordChat: RecordChat;
  /**
   * The HTTP client's fetch (default: the network). The fast tests answer the Bot API here: it is the one
   * layer that also carries the calls conversations make, since each replay builds its own Api object
   * from the bot's client options (transformers installed on bot.api do not reach it).
   */
  fetch?: ApiClientOptions["fetch"];
  /** Hold outgoing calls to the platform's rate limits (default true; off only when no platform answers, as in the fast tests). */
  throttle?: boolean;
  /** Builds the journeys; called once with the bot's API (gateways that send invoices need it). */
  journeys(api: Api): BotJourneys;
}

export interface BuiltBot {
  bot: Bot<BotContext>;
  inFlight: InFlightUpdates;
}

export function createBot(deps: BotDependencies): BuiltBot {
  const bot = new Bot<BotContext>(deps.token, { client: { apiRoot: deps.apiRoot, ...(deps.fetch ? { fetch: deps.fetch } : {}) } });
  // Throttle first so retries wait their turn too; auto-retry honours 429 retry_after and 5xx.
  if (deps.throttle !== false) bot.api.config.use(apiThrottler());
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));

  const inFlight = new InFlightUpdates();
  const { i18n } = deps;
  const journeys = deps.journeys(bot.api);
  const logger = attachLogger(deps.logger);
  const keyPrefix = `${deps.keyPrefix}bot${botIdOf(deps.token)}:`;

  bot.use(inFlight.middleware);
  // In one process: one chat's updates in order, other chats in parallel (runner delivers concurrently).
  bot.use(sequentialize((ctx) => (ctx.chatId ?? ctx.from?.id)?.toString()));
  bot.use(logger);
  bot.use(deduplicateUpdates({ redis: deps.redis, keyPrefix }));

  const guarded = bot.errorBoundary(apologiseAndLog);
  guarded.use(i18n);
  // Flood protection shared by every instance: a person types far below this; a script is told once and then ignored.
  guarded.use(
    limit<FlowContext, Redis>({
      timeFrame: 60_000,
      limit: deps.updatesPerMinute ?? 60,
      storageClient: deps.redis,
      keyPrefix: `${keyPrefix}flood:`,
      onLimitExceeded: async (ctx) => {
        ctx.logger.warn("too many updates from one user; ignoring until the minute is over");
        if (ctx.chat?.type === "private") await ctx.reply(ctx.t("flood-slow-down"));
      },
    }),
  );
  guarded.use(
    conversations<BotContext, FlowContext>({
      storage: {
        type: "key",
        version: CONVERSATION_STATE_VERSION,
        prefix: `${keyPrefix}conversation:`,
        adapter: new RedisAdapter({ instance: deps.redis, ttl: deps.conversationTtlSeconds }),
      },
      plugins: [logger, i18n],
    }),
  );
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
