// Reads and validates the process configuration once at start-up; the rest of the app gets a typed object.
import { z } from "zod";
import { isLoopbackUrl } from "./test-clock.js";

/** API roots of the two platforms: Bale's Bot API mirrors Telegram's under its own host. */
export const PLATFORM_API_ROOTS = {
  telegram: "https://api.telegram.org",
  bale: "https://tapi.bale.ai",
} as const;

/** Zarinpal's hosts: the sandbox takes any merchant id and moves no money. */
export const ZARINPAL_HOSTS = {
  production: "https://api.zarinpal.com",
  sandbox: "https://sandbox.zarinpal.com",
} as const;

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const url = (what: string) => z.preprocess(emptyAsUndefined, z.url({ error: `expected a URL (${what})` }).optional());

const environmentSchema = z.object({
  BOT_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\d+:[\w-]+$/, { error: "expected a bot token like 123456:ABC-def (from @BotFather or Bale's BotFather)" })
      .optional(),
  ),
  BOT_PLATFORM: z.preprocess(emptyAsUndefined, z.enum(["telegram", "bale"], { error: "expected telegram or bale" }).default("telegram")),
  BOT_API_ROOT: url("the Bot API server, overrides BOT_PLATFORM's"),
  BOT_MODE: z.preprocess(emptyAsUndefined, z.enum(["polling", "webhook"], { error: "expected polling or webhook" }).default("polling")),
  PUBLIC_URL: url("where the platform reaches this server, e.g. https://bot.example.ir"),
  WEBHOOK_SECRET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, { error: "expected 16 to 256 characters of A-Z, a-z, 0-9, _ or -" })
      .optional(),
  ),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "expected a postgresql:// connection URL" })
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of connections" })
      .int({ error: "expected a whole number" })
      .min(1, { error: "expected 1 to 100" })
      .max(100, { error: "expected 1 to 100" })
      .default(20),
  ),
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, { error: "expected a redis:// or rediss:// URL" })
      .optional(),
  ),
  REDIS_KEY_PREFIX: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[\w:.-]{1,64}$/, { error: "expected up to 64 characters of letters, digits, _ : . -" })
      .default("idcard:"),
  ),
  HTTP_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a port number" })
      .int({ error: "expected a whole port number" })
      .min(0, { error: "expected a port between 0 and 65535" })
      .max(65535, { error: "expected a port between 0 and 65535" })
      .default(3000),
  ),
  HTTP_HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "expected one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
  ),
  LOG_FORMAT: z.preprocess(emptyAsUndefined, z.enum(["json", "auto"], { error: "expected json or auto (readable on a terminal)" }).default("auto")),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
  CONVERSATION_TTL_HOURS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "expected a number of hours" }).positive({ error: "expected a positive number of hours" }).default(24),
  ),
  SEED_SAMPLE_DATA: z.preprocess(emptyAsUndefined, z.enum(["true", "false"], { error: "expected true or false" }).optional()),
  PAYMENT_GATEWAY: z.preprocess(emptyAsUndefined, z.enum(["sandbox", "zarinpal", "bale"], { error: "expected sandbox, zarinpal or bale" }).default("sandbox")),
  ZARINPAL_MERCHANT_ID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[0-9a-fA-F-]{36}$/, { error: "expected Zarinpal's 36-character merchant id" })
      .optional(),
  ),
  ZARINPAL_SANDBOX: z.preprocess(emptyAsUndefined, z.enum(["true", "false"], { error: "expected true or false" }).default("false")),
  ZARINPAL_API_BASE: url("Zarinpal's API host, overrides ZARINPAL_SANDBOX's"),
  BALE_PROVIDER_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\d{16}$/, { error: "expected the 16-digit bank card number that receives Bale payments" })
      .optional(),
  ),
  PAYMENT_TTL_MINUTES: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of minutes" })
      .int({ error: "expected whole minutes" })
      .min(5, { error: "expected at least 5 minutes" })
      .max(24 * 60, { error: "expected at most 1440 minutes" })
      .default(30),
  ),
  FLOOD_LIMIT_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "expected a number of updates" }).int({ error: "expected a whole number" }).min(1, { error: "expected at least 1" }).default(60),
  ),
  WEBHOOK_MAX_CONNECTIONS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of connections" })
      .int({ error: "expected a whole number" })
      .min(1, { error: "expected 1 to 100" })
      .max(100, { error: "expected 1 to 100 (Telegram's limit)" })
      .default(100),
  ),
  HANDLED_UPDATE_WINDOW_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of seconds" })
      .int({ error: "expected a whole number" })
      .positive({ error: "expected a positive number of seconds" })
      .optional(),
  ),
  CHAT_LOCK_WAIT_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "expected a number of seconds" }).positive({ error: "expected a positive number of seconds" }).default(60),
  ),
  BOT_API_PACING: z.preprocess(emptyAsUndefined, z.enum(["on", "off"], { error: "expected on or off" }).optional()),
  IDCARD_TEST_NOW: z.preprocess(emptyAsUndefined, z.iso.datetime({ error: "expected an ISO instant such as 2026-12-01T08:00:00Z" }).optional()),
  SHUTDOWN_GRACE_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "expected a number of seconds" }).positive({ error: "expected a positive number of seconds" }).default(10),
  ),
  CHECK_IN_OPENS_MINUTES_BEFORE: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of minutes" })
      .int({ error: "expected whole minutes" })
      .min(0, { error: "expected 0 or more" })
      .max(24 * 60, { error: "expected at most 1440 minutes" })
      .default(180),
  ),
  CARD_HOLD_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of days" })
      .int({ error: "expected whole days" })
      .min(7, { error: "expected at least 7 days" })
      .max(3650, { error: "expected at most 3650 days" })
      .default(90),
  ),
  CARD_REMINDERS_MAX: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of reminders" })
      .int({ error: "expected a whole number" })
      .min(0, { error: "expected 0 or more" })
      .max(52, { error: "expected at most 52" })
      .default(6),
  ),
  BULK_MESSAGES_PER_SECOND: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected a number of messages a second" })
      .positive({ error: "expected a positive number of messages a second" })
      .max(10_000, { error: "expected at most 10000" })
      .default(30),
  ),
  DAILY_SUMMARY_HOUR: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "expected an hour" })
      .int({ error: "expected a whole hour" })
      .min(0, { error: "expected 0-23" })
      .max(23, { error: "expected 0-23" })
      .default(19),
  ),
});

/**
 * Requirements between variables, checked on the raw environment so they are reported together with
 * every other problem (a schema refinement would only run once everything else is valid).
 */
function crossVariableProblems(env: NodeJS.ProcessEnv): Array<[variable: string, message: string]> {
  const given = (name: string) => (env[name] ?? "") !== "";
  const problems: Array<[string, string]> = [];
  // The sandbox moves no money: on a real bot it would hand out tracking codes for free, so a bot with a
  // token must name its gateway (sandbox stays possible for a test bot, but only when asked for).
  if (given("BOT_TOKEN") && !given("PAYMENT_GATEWAY")) {
    problems.push(["PAYMENT_GATEWAY", "required with BOT_TOKEN (expected zarinpal or bale; sandbox takes no money, so set it only for a test bot)"]);
  }
  if (env.PAYMENT_GATEWAY === "zarinpal" && !given("ZARINPAL_MERCHANT_ID")) {
    problems.push(["ZARINPAL_MERCHANT_ID", "required when PAYMENT_GATEWAY=zarinpal (expected the merchant id from Zarinpal's panel)"]);
  }
  if (env.PAYMENT_GATEWAY === "bale" && !given("BALE_PROVIDER_TOKEN")) {
    problems.push(["BALE_PROVIDER_TOKEN", "required when PAYMENT_GATEWAY=bale (expected the receiving bank card number)"]);
  }
  // A fake clock in production would misdate ages, payments and appointments: tests and local mode only.
  if (given("IDCARD_TEST_NOW") && given("BOT_API_ROOT") && !isLoopbackUrl(env.BOT_API_ROOT!)) {
    problems.push(["IDCARD_TEST_NOW", "honoured only in tests and local mode (no BOT_API_ROOT, or one on 127.0.0.1/localhost)"]);
  } else if (given("IDCARD_TEST_NOW") && given("BOT_TOKEN") && !given("BOT_API_ROOT")) {
    problems.push(["IDCARD_TEST_NOW", "honoured only in tests and local mode (this bot talks to the real platform)"]);
  }
  if (env.BOT_MODE === "webhook") {
    if (!given("PUBLIC_URL")) problems.push(["PUBLIC_URL", "required when BOT_MODE=webhook (expected the https URL the platform calls)"]);
    if (!given("WEBHOOK_SECRET"))
      problems.push(["WEBHOOK_SECRET", "required when BOT_MODE=webhook (expected 16+ random characters; it goes into the webhook path)"]);
  }
  return problems;
}

type Environment = z.infer<typeof environmentSchema>;

/** Where the bot's Bot API calls go. `local` is the project's own Bot API server (no token configured). */
export type BotApiTarget = { kind: "platform"; token: string; apiRoot: string } | { kind: "local"; token: string };

/** The validated configuration of one process. */
export interface AppConfig {
  platform: "telegram" | "bale";
  botApi: BotApiTarget;
  /** In webhook mode, `maxConnections` is how many deliveries Telegram may have open at once (Bale is sent the URL only). */
  mode: { kind: "polling" } | { kind: "webhook"; publicUrl: string; secret: string; maxConnections: number };
  /** Absent: the embedded PostgreSQL (PGlite) under dataDir. */
  databaseUrl?: string;
  /** Connections this process keeps to PostgreSQL (DATABASE_URL only). */
  databasePoolSize: number;
  /** Absent: an in-process store (single-instance local mode). */
  redisUrl?: string;
  redisKeyPrefix: string;
  http: { port: number; host: string };
  logLevel: Environment["LOG_LEVEL"];
  /** auto: readable lines on an interactive terminal, JSON lines otherwise; json: always JSON. */
  logFormat: Environment["LOG_FORMAT"];
  dataDir: string;
  conversationTtlSeconds: number;
  /** Updates one user may send per minute; beyond it they are told once and ignored. */
  floodLimitPerMinute: number;
  shutdownGraceMs: number;
  /** Tests and local mode only: the instant the process clock starts from. */
  testNow?: Date;
  /** How long an update waits for its chat, busy with another update on some instance, before failing. */
  chatLockWaitMs: number;
  /**
   * How long a chat's handled-update marks outlive its last update: while the platform could deliver it
   * again (default 24 h with a webhook, 10 minutes with polling; the reasoning is at DEFAULT_MARK_WINDOW_SECONDS).
   */
  handledUpdateWindowSeconds: number;
  /**
   * Hold outgoing calls to the platform's per-chat pace (about one message a second). Default: on against a
   * platform, off against the project's own local Bot API server, which has no limits to respect.
   */
  botApiPacing: boolean;
  /** Load the sample citizens (and offices) shipped with the project; on by default only in local mode. */
  seedSampleData: boolean;
  /** Base URL of this server as citizens' browsers reach it (payment pages and callbacks). */
  publicUrl?: string;
  /** An operator may check an applicant in from this long before the appointment. */
  checkInOpensBeforeMs: number;
  /** How long uncollected cards are held, and the weekly reminders about them. */
  pickup: { holdMs: number; reminderEveryMs: number; maxReminders: number };
  /** Tehran hour after which each office's operators get the day's summary. */
  dailySummaryHour: number;
  /** Bulk notifications a second, all instances together (one budget counted in Redis). */
  bulkMessagesPerSecond: number;
  payment: {
    gateway: "sandbox" | "zarinpal" | "bale";
    ttlMs: number;
    zarinpal?: { merchantId: string; apiBase: string };
    baleProviderToken?: string;
  };
}

/** Thrown with every problem of the environment at once, one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The token the bot uses against the local Bot API server when none is configured. */
export const LOCAL_BOT_TOKEN = "1000001:local-development-bot";

/** Parses the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues).map((issue) => {
      const variable = issue.path.join(".") || "(environment)";
      return `${variable}: ${issue.message} (got ${describeValue(env[variable])})`;
    }),
    ...crossVariableProblems(env).map(([variable, message]) => `${variable}: ${message}`),
  ];
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  const botApi: BotApiTarget = e.BOT_TOKEN
    ? { kind: "platform", token: e.BOT_TOKEN, apiRoot: e.BOT_API_ROOT ?? PLATFORM_API_ROOTS[e.BOT_PLATFORM] }
    : e.BOT_API_ROOT
      ? { kind: "platform", token: LOCAL_BOT_TOKEN, apiRoot: e.BOT_API_ROOT }
      : { kind: "local", token: LOCAL_BOT_TOKEN };
  return {
    platform: e.BOT_PLATFORM,
    botApi,
    mode:
      e.BOT_MODE === "webhook"
        ? { kind: "webhook", publicUrl: e.PUBLIC_URL!, secret: e.WEBHOOK_SECRET!, maxConnections: e.WEBHOOK_MAX_CONNECTIONS }
        : { kind: "polling" },
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    http: { port: e.HTTP_PORT, host: e.HTTP_HOST },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    dataDir: e.DATA_DIR,
    conversationTtlSeconds: Math.round(e.CONVERSATION_TTL_HOURS * 3600),
    floodLimitPerMinute: e.FLOOD_LIMIT_PER_MINUTE,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    testNow: e.IDCARD_TEST_NOW ? new Date(e.IDCARD_TEST_NOW) : undefined,
    chatLockWaitMs: e.CHAT_LOCK_WAIT_SECONDS * 1000,
    handledUpdateWindowSeconds: e.HANDLED_UPDATE_WINDOW_SECONDS ?? (e.BOT_MODE === "webhook" ? 24 * 3600 : 10 * 60),
    botApiPacing: e.BOT_API_PACING ? e.BOT_API_PACING === "on" : botApi.kind === "platform",
    seedSampleData: e.SEED_SAMPLE_DATA ? e.SEED_SAMPLE_DATA === "true" : !e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL,
    checkInOpensBeforeMs: e.CHECK_IN_OPENS_MINUTES_BEFORE * 60_000,
    pickup: { holdMs: e.CARD_HOLD_DAYS * 86_400_000, reminderEveryMs: 7 * 86_400_000, maxReminders: e.CARD_REMINDERS_MAX },
    dailySummaryHour: e.DAILY_SUMMARY_HOUR,
    bulkMessagesPerSecond: e.BULK_MESSAGES_PER_SECOND,
    payment: {
      gateway: e.PAYMENT_GATEWAY,
      ttlMs: e.PAYMENT_TTL_MINUTES * 60_000,
      zarinpal: e.ZARINPAL_MERCHANT_ID
        ? {
            merchantId: e.ZARINPAL_MERCHANT_ID,
            apiBase: e.ZARINPAL_API_BASE ?? (e.ZARINPAL_SANDBOX === "true" ? ZARINPAL_HOSTS.sandbox : ZARINPAL_HOSTS.production),
          }
        : undefined,
      baleProviderToken: e.BALE_PROVIDER_TOKEN,
    },
  };
}

// Secrets must not be echoed back into logs; show only the shape of what was given.
function describeValue(value: string | undefined): string {
  if (value === undefined || value === "") return "nothing";
  return `${value.length} characters`;
}
