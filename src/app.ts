// The composition root: turns a validated config into a running bot, HTTP server and their connections.
import { run, type RunnerHandle } from "@grammyjs/runner";
import { Hono, type Context as HonoContext } from "hono";
import type { Bot } from "grammy";
import type { AppConfig } from "./config/config.js";
import { createBot } from "./bot/create-bot.js";
import type { BotContext } from "./bot/context.js";
import type { InFlightUpdates } from "./bot/middleware/in-flight.js";
import { migrate, openEmbedded, openPostgres, type Database } from "./infrastructure/database/database.js";
import { healthRoutes } from "./infrastructure/http/health-routes.js";
import { startHttpServer, type RunningHttpServer } from "./infrastructure/http/http-server.js";
import { webhookPath, webhookRoutes } from "./infrastructure/http/webhook-routes.js";
import { createLocalBotApiServer } from "./infrastructure/bot-api-server/app.js";
import type { Logger } from "./infrastructure/logging/logger.js";
import { openRedis, type RedisStore } from "./infrastructure/redis/redis.js";

/** Where the local Bot API server is mounted on our HTTP server when no token is configured. */
export const LOCAL_BOT_API_PATH = "/local-bot-api";

/** Updates the bot asks for; anything else the platform has is of no use to it. */
const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "pre_checkout_query", "my_chat_member"] as const;

/** A started application. */
export interface RunningApp {
  httpUrl: string;
  bot: Bot<BotContext>;
  database: Database;
  redis: RedisStore;
  /** Stops taking updates, lets in-flight ones finish (up to the grace period), closes connections. */
  stop(): Promise<void>;
}

export async function startApp(config: AppConfig, logger: Logger): Promise<RunningApp> {
  const database = config.databaseUrl ? openPostgres(config.databaseUrl) : await openEmbedded(config.dataDir);
  const redis = openRedis(config.redisUrl);
  const migrations = await migrate(database);
  if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, "database migrations applied");
  if (database.kind === "embedded" || redis.kind === "in-process") {
    logger.warn(
      { database: database.kind === "embedded" ? `embedded PostgreSQL (PGlite) in ${config.dataDir}/pglite` : "PostgreSQL", redis: redis.kind },
      "single-instance local mode: do not run a second instance on this data; set DATABASE_URL and REDIS_URL for production",
    );
  }

  const app = new Hono();
  app.route("/", healthRoutes({ database: () => database.sql.query("SELECT 1").then(() => undefined), redis: () => redis.redis.ping().then(() => undefined) }));
  const localBotApi = config.botApi.kind === "local" ? createLocalBotApiServer() : undefined;
  if (localBotApi) app.route(LOCAL_BOT_API_PATH, localBotApi.app);
  // The webhook handler needs the bot, and in local mode the bot needs the server's address: bind late.
  let webhookHandler: ((c: HonoContext) => Response | Promise<Response>) | undefined;
  app.post("/webhook/:secret", (c) => (webhookHandler ? webhookHandler(c) : c.text("Service Unavailable", 503)));

  const http = await startHttpServer(app, config.http);
  const apiRoot = config.botApi.kind === "local" ? `${http.url}${LOCAL_BOT_API_PATH}` : config.botApi.apiRoot;
  if (localBotApi) logger.info({ apiRoot }, "no BOT_TOKEN: the bot talks to the project's local Bot API server");

  const { bot, inFlight } = createBot({
    token: config.botApi.token,
    apiRoot,
    logger,
    redis: redis.redis,
    keyPrefix: config.redisKeyPrefix,
    conversationTtlSeconds: config.conversationTtlSeconds,
    recordChat: async (chatId) => {
      await database.prisma.chat.upsert({
        where: { id: BigInt(chatId) },
        create: { id: BigInt(chatId), platform: config.platform },
        update: { lastSeenAt: new Date(), blockedAt: null },
      });
    },
    flows: [],
  });
  await bot.init();

  let runner: RunnerHandle | undefined;
  if (config.mode.kind === "webhook") {
    const secret = config.mode.secret;
    const routes = webhookRoutes(bot, { secret, checkHeader: config.platform === "telegram" });
    webhookHandler = (c) => routes.fetch(c.req.raw);
    const url = new URL(webhookPath(secret), config.mode.publicUrl).toString();
    await bot.api.setWebhook(url, {
      allowed_updates: [...ALLOWED_UPDATES],
      // Bale's setWebhook takes only the URL; the secret in the path is what protects it there.
      ...(config.platform === "telegram" ? { secret_token: secret } : {}),
    });
    logger.info({ http: http.url, bot: bot.botInfo.username }, "bot started in webhook mode");
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    logger.info({ http: http.url, bot: bot.botInfo.username }, "bot started in long-polling mode");
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= shutdown({ runner, http, inFlight, graceMs: config.shutdownGraceMs, logger, close: [
      () => localBotApi?.close(),
      () => redis.close(),
      () => database.close(),
    ] }));
  return { httpUrl: http.url, bot, database, redis, stop };
}

async function shutdown(parts: {
  runner?: RunnerHandle;
  http: RunningHttpServer;
  inFlight: InFlightUpdates;
  graceMs: number;
  logger: Logger;
  close: Array<() => Promise<unknown> | undefined>;
}): Promise<void> {
  parts.logger.info({ inFlight: parts.inFlight.size }, "shutting down: no new updates, finishing those in flight");
  // Polling: stop fetching and wait for the runner's tasks. Webhook: close() stops new requests.
  if (parts.runner?.isRunning()) await parts.runner.stop();
  const httpClosed = parts.http.close();
  const drained = await parts.inFlight.drained(parts.graceMs);
  if (!drained) parts.logger.warn({ inFlight: parts.inFlight.size }, "grace period over; closing with updates still in flight");
  await Promise.race([httpClosed, new Promise((resolve) => setTimeout(resolve, 1000))]);
  for (const close of parts.close) await close()?.catch((error: unknown) => parts.logger.error({ err: error }, "close failed"));
  parts.logger.info("stopped");
}
