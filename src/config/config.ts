// Reads and validates the process configuration once at start-up; the rest of the app gets a typed object.
import { z } from "zod";

/** API roots of the two platforms: Bale's Bot API mirrors Telegram's under its own host. */
export const PLATFORM_API_ROOTS = {
  telegram: "https://api.telegram.org",
  bale: "https://tapi.bale.ai",
} as const;

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const url = (what: string) =>
  z.preprocess(
    emptyAsUndefined,
    z.url({ error: `expected a URL (${what})` }).optional(),
  );

const environmentSchema = z
  .object({
    BOT_TOKEN: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^\d+:[\w-]+$/, { error: "expected a bot token like 123456:ABC-def (from @BotFather or Bale's BotFather)" })
        .optional(),
    ),
    BOT_PLATFORM: z.preprocess(
      emptyAsUndefined,
      z.enum(["telegram", "bale"], { error: "expected telegram or bale" }).default("telegram"),
    ),
    BOT_API_ROOT: url("the Bot API server, overrides BOT_PLATFORM's"),
    BOT_MODE: z.preprocess(
      emptyAsUndefined,
      z.enum(["polling", "webhook"], { error: "expected polling or webhook" }).default("polling"),
    ),
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
    REDIS_URL: z.preprocess(
      emptyAsUndefined,
      z.string().regex(/^rediss?:\/\//, { error: "expected a redis:// or rediss:// URL" }).optional(),
    ),
    REDIS_KEY_PREFIX: z.preprocess(
      emptyAsUndefined,
      z.string().regex(/^[\w:.-]{1,64}$/, { error: "expected up to 64 characters of letters, digits, _ : . -" }).default("idcard:"),
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
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
    CONVERSATION_TTL_HOURS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "expected a number of hours" }).positive({ error: "expected a positive number of hours" }).default(24),
    ),
    SHUTDOWN_GRACE_SECONDS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "expected a number of seconds" }).positive({ error: "expected a positive number of seconds" }).default(10),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.PUBLIC_URL) {
      ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "required when BOT_MODE=webhook (expected the https URL the platform calls)" });
    }
    if (!env.WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "required when BOT_MODE=webhook (expected 16+ random characters; it goes into the webhook path)" });
    }
  });

type Environment = z.infer<typeof environmentSchema>;

/** Where the bot's Bot API calls go. `local` is the project's own Bot API server (no token configured). */
export type BotApiTarget =
  | { kind: "platform"; token: string; apiRoot: string }
  | { kind: "local"; token: string };

/** The validated configuration of one process. */
export interface AppConfig {
  platform: "telegram" | "bale";
  botApi: BotApiTarget;
  mode: { kind: "polling" } | { kind: "webhook"; publicUrl: string; secret: string };
  /** Absent: the embedded PostgreSQL (PGlite) under dataDir. */
  databaseUrl?: string;
  /** Absent: an in-process store (single-instance local mode). */
  redisUrl?: string;
  redisKeyPrefix: string;
  http: { port: number; host: string };
  logLevel: Environment["LOG_LEVEL"];
  dataDir: string;
  conversationTtlSeconds: number;
  shutdownGraceMs: number;
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
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = issue.path.join(".") || "(environment)";
      return `${variable}: ${issue.message} (got ${describeValue(env[variable])})`;
    });
    throw new ConfigError(problems);
  }
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
        ? { kind: "webhook", publicUrl: e.PUBLIC_URL!, secret: e.WEBHOOK_SECRET! }
        : { kind: "polling" },
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    http: { port: e.HTTP_PORT, host: e.HTTP_HOST },
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    conversationTtlSeconds: Math.round(e.CONVERSATION_TTL_HOURS * 3600),
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
  };
}

// Secrets must not be echoed back into logs; show only the shape of what was given.
function describeValue(value: string | undefined): string {
  if (value === undefined || value === "") return "nothing";
  return `${value.length} characters`;
}
