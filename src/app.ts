// The composition root: turns a validated config into a running bot, HTTP server and their connections.
import { run, type RunnerHandle } from "@grammyjs/runner";
import { Hono } from "hono";
import type { Bot } from "grammy";
import type { AppConfig } from "./config/config.js";
import { createCitizenServices } from "./citizen-services.js";
import { combineJourneys, createStaffServices, staffJourneys } from "./staff-services.js";
import type { RateLimitedCall } from "./bot/api-transport.js";
import { registerCitizenCommands } from "./bot/commands.js";
import { createBot } from "./bot/create-bot.js";
import type { BotContext } from "./bot/context.js";
import { createI18n, DEFAULT_LOCALE } from "./bot/i18n.js";
import type { InFlightUpdates } from "./bot/middleware/in-flight.js";
import { migrate, openEmbedded, openPostgres, type Database } from "./infrastructure/database/database.js";
import { createChatRecorder } from "./infrastructure/database/chat-directory.js";
import { ensureReferenceData, sampleCitizens, upsertRegistryRecords } from "./infrastructure/database/reference-data.js";
import { ensureHomeServiceUnits } from "./infrastructure/database/cases/case-units.js";
import { ensureSampleCaseStaff, sampleCaseStaff } from "./infrastructure/database/cases/sample-case-staff.js";
import { CaseEscalationSweeper } from "./infrastructure/jobs/case-escalation.js";
import { healthRoutes } from "./infrastructure/http/health-routes.js";
import { startHttpServer, type RunningHttpServer } from "./infrastructure/http/http-server.js";
import { webhookPath, webhookRoutes } from "./infrastructure/http/webhook-routes.js";
import { createLocalBotApiServer } from "./infrastructure/bot-api-server/app.js";
import type { Logger } from "./infrastructure/logging/logger.js";
import { NotificationDispatcher } from "./infrastructure/notifications/notification-dispatcher.js";
import { webChatRoutes } from "./infrastructure/web-chat/web-chat-routes.js";
import { NoShowSweeper, reminderDelivery } from "./infrastructure/jobs/booking-jobs.js";
import { StaffJobs } from "./infrastructure/jobs/card-jobs.js";
import { ReminderQueue, startReminderWorker } from "./infrastructure/jobs/reminder-queue.js";
import { ensureSampleOffices } from "./infrastructure/offices/sample-offices.js";
import { ensureSampleStaff, SAMPLE_ADMIN_USER_ID, SAMPLE_OPERATOR_USER_ID } from "./infrastructure/staff/sample-staff.js";
import { NOTIFICATION_BUTTONS } from "./bot/keyboards/notification-buttons.js";
import { PaymentReconciler } from "./infrastructure/payments/payment-reconciler.js";
import { openRedis, type RedisStore } from "./infrastructure/redis/redis.js";
import { LocalSendBudget, RedisSendBudget } from "./infrastructure/redis/send-budget.js";

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
  const database = config.databaseUrl
    ? openPostgres(config.databaseUrl, {
        poolSize: config.databasePoolSize,
        onIdleError: (error) => logger.warn({ err: error }, "an idle database connection failed; it will be replaced"),
      })
    : await openEmbedded(config.dataDir);
  const redis = openRedis(config.redisUrl, (error) => logger.warn({ err: error }, "Redis connection error; reconnecting"));
  await prepareDatabase(database, config, logger);
  if (database.kind === "embedded" || redis.kind === "in-process") {
    logger.warn(
      { database: database.kind === "embedded" ? `embedded PostgreSQL (PGlite) in ${config.dataDir}/pglite` : "PostgreSQL", redis: redis.kind },
      "single-instance local mode: do not run a second instance on this data; set DATABASE_URL and REDIS_URL for production",
    );
  }

  const app = new Hono();
  app.route("/", healthRoutes({ database: () => database.sql.query("SELECT 1").then(() => undefined), redis: () => redisAnswers(redis) }));
  const localBotApi = config.botApi.kind === "local" ? createLocalBotApiServer() : undefined;
  if (localBotApi) app.route(LOCAL_BOT_API_PATH, localBotApi.app);
  // The routes below need the bot, and in local mode the bot needs the server's address: bind them late.
  let lateRoutes: Hono | undefined;
  app.all("*", (c) => (lateRoutes ? lateRoutes.fetch(c.req.raw) : c.text("Service Unavailable", 503)));

  const http = await startHttpServer(app, config.http);
  const apiRoot = config.botApi.kind === "local" ? `${http.url}${LOCAL_BOT_API_PATH}` : config.botApi.apiRoot;
  if (localBotApi) logger.info({ apiRoot }, "no BOT_TOKEN: the bot talks to the project's local Bot API server");
  const publicBaseUrl = (config.publicUrl ?? http.url).replace(/\/$/, "");

  const i18n = createI18n();
  const translate = (key: string, params?: Record<string, string | number>) => i18n.t(DEFAULT_LOCALE, key, params);
  let dispatcher: NotificationDispatcher | undefined;
  const wake = () => dispatcher?.wake();
  // Durable reminder jobs need a real Redis; the in-process stand-in of local mode cannot run BullMQ.
  const reminders = redis.kind === "redis" ? new ReminderQueue(redis.plain(), config.redisKeyPrefix) : undefined;
  if (!reminders) logger.warn("appointment reminders are off: they need REDIS_URL (durable jobs in Redis)");
  const staff = createStaffServices({ config, database, notifyNow: wake });
  const citizens = createCitizenServices({ config, database, redis, logger, translate, publicBaseUrl: () => publicBaseUrl, notifyNow: wake, reminders });

  // One bulk budget for every instance on this Redis; a 429 anywhere holds it for everyone.
  const sendBudget =
    redis.kind === "redis"
      ? new RedisSendBudget(redis.redis, `${config.redisKeyPrefix}send-budget:bulk`, config.bulkMessagesPerSecond)
      : new LocalSendBudget(config.bulkMessagesPerSecond);
  const onRateLimited = async (call: RateLimitedCall) => {
    logger.warn({ method: call.method, chat: call.chatId, retry_after: call.retryAfterSeconds }, "the platform answered 429; waiting as told, bulk sends held");
    dispatcher?.holdBulk(call.retryAfterSeconds * 1000);
    await Promise.all([sendBudget.countRateLimited(), sendBudget.holdFor(call.retryAfterSeconds * 1000)]);
  };

  const { bot, inFlight } = createBot({
    onRateLimited,
    token: config.botApi.token,
    apiRoot,
    logger,
    redis: redis.redis,
    keyPrefix: config.redisKeyPrefix,
    conversationTtlSeconds: config.conversationTtlSeconds,
    updatesPerMinute: config.floodLimitPerMinute,
    chatLockWaitMs: config.chatLockWaitMs,
    handledMarkWindowSeconds: config.handledUpdateWindowSeconds,
    throttle: config.botApiPacing,
    i18n,
    recordChat: createChatRecorder(database.sql, config.platform),
    // The bot's API exists from here on: wire what sends through it, then hand over the journeys.
    journeys: (api) => {
      citizens.connectBotApi(api);
      return combineJourneys(citizens.journeys(), staffJourneys(staff));
    },
  });
  await bot.init();
  await registerCitizenCommands(bot.api, translate);
  dispatcher = new NotificationDispatcher({ sql: database.sql, api: bot.api, translate, logger, buttons: NOTIFICATION_BUTTONS, budget: sendBudget });

  const routes = new Hono();
  // The browser chat talks to the local Bot API server; with a real token there is nothing to show.
  if (localBotApi) {
    const samplePeople = config.seedSampleData ? (await sampleCaseStaff()).map((person) => ({ id: Number(person.user_id), name: person.display_name })) : [];
    routes.route("/", webChatRoutes({ botApiPath: LOCAL_BOT_API_PATH, translate, botToken: config.botApi.token, samplePeople }));
  }
  for (const sub of citizens.httpRoutes) routes.route("/", sub);
  if (config.mode.kind === "webhook") {
    routes.route("/", webhookRoutes(bot, { secret: config.mode.secret, checkHeader: config.platform === "telegram", logger }));
  }
  lateRoutes = routes;

  let runner: RunnerHandle | undefined;
  if (config.mode.kind === "webhook") {
    const secret = config.mode.secret;
    const url = new URL(webhookPath(secret), config.mode.publicUrl).toString();
    // Bale documents setWebhook with the URL alone: nothing else is sent there (the secret in the path is
    // what protects it). Telegram also gets the header secret, the update types the bot wants and how many
    // deliveries it may keep open at once: with Telegram's default of 40, at peak the chats beyond the 40th
    // wait in Telegram's queue (the bench's webhook reply p99 at 200 citizens: 1.8–2.1 s at 40, 0.9–1.1 s at 100).
    if (config.platform === "bale") await bot.api.raw.setWebhook({ url });
    else await bot.api.setWebhook(url, { allowed_updates: [...ALLOWED_UPDATES], secret_token: secret, max_connections: config.mode.maxConnections });
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  }
  const background = startBackgroundWork([
    dispatcher,
    new PaymentReconciler({ payments: citizens.payments(), logger, onSettled: wake }),
    new NoShowSweeper({ booking: citizens.booking, prisma: database.prisma, logger, wake }),
    new StaffJobs({ sql: database.sql, logger, wake, policy: config.pickup, summaryHour: config.dailySummaryHour }),
    new CaseEscalationSweeper({ cases: citizens.caseSystem.cases, sql: database.sql, logger, wake }),
  ]);
  const reminderWorker = reminders
    ? startReminderWorker(redis.plain(), config.redisKeyPrefix, reminderDelivery(citizens.booking, database.prisma, wake), logger)
    : undefined;
  logger.info({ http: http.url, bot: bot.botInfo.username, mode: config.mode.kind }, `bot started in ${config.mode.kind} mode`);
  if (localBotApi) logger.info({ chat: `${http.url}/` }, `try the bot in a browser: ${http.url}/`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= shutdown({
      runner,
      http,
      inFlight,
      graceMs: config.shutdownGraceMs,
      logger,
      close: [
        () => reminderWorker?.close(),
        () => reminders?.close(),
        () => background.stop(),
        () => localBotApi?.close(),
        () => redis.close(),
        () => database.close(),
      ],
    }));
  return { httpUrl: http.url, bot, database, redis, stop };
}

/** Redis health: a connection that is not ready fails at once (its commands would queue, not fail). */
async function redisAnswers(store: RedisStore): Promise<void> {
  if (store.kind === "redis" && store.redis.status !== "ready") throw new Error(`Redis connection is ${store.redis.status}`);
  await store.redis.ping();
}

/** A timer-driven job every instance runs (outbox, reconciliation, no-show sweep). */
interface BackgroundJob {
  start(): void;
  stop(): Promise<void>;
}

function startBackgroundWork(jobs: BackgroundJob[]): { stop(): Promise<void> } {
  for (const job of jobs) job.start();
  return { stop: async () => void (await Promise.all(jobs.map((job) => job.stop()))) };
}

/** Migrations, reference data, and (when asked) the sample citizens of the default registry. */
async function prepareDatabase(database: Database, config: AppConfig, logger: Logger): Promise<void> {
  const migrations = await migrate(database);
  if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, "database migrations applied");
  await ensureReferenceData(database);
  await ensureHomeServiceUnits(database.sql);
  if (config.seedSampleData) {
    const count = await upsertRegistryRecords(database, await sampleCitizens());
    const offices = await ensureSampleOffices(database);
    const staff = await ensureSampleStaff(database.sql);
    logger.info(
      { citizens: count, offices: offices.total, sampleAdmin: SAMPLE_ADMIN_USER_ID, sampleOperator: SAMPLE_OPERATOR_USER_ID, operatorOffice: staff.officeCode },
      "sample citizens, offices and staff loaded (made-up data, see README)",
    );
    const hotline = await ensureSampleCaseStaff(database.sql);
    if (hotline > 0) logger.info({ added: hotline }, "sample hotline agents and supervisor added (made-up people, see README)");
  }
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
