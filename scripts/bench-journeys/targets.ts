// The bots the bench drives, each with its own fake Bot API, Redis key prefix and (real bot) fresh database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { Redis } from "ioredis";
import { migrate, openPostgres } from "../../src/infrastructure/database/database.js";
import { upsertRegistryRecords } from "../../src/infrastructure/database/reference-data.js";
import { type Citizen, registryRecords } from "./citizens.js";
import type { CpuCap, CpuGroup } from "./cpu-cap.js";
import { FakeBotApi } from "./fake-bot-api.js";
import { transactionsOf } from "./measures.js";
import { type BotProcess, SERVICE_NODE_FLAGS, startProcess } from "./processes.js";
import { deleteKeysMatching } from "../../tests/support/redis-keys.js";

export const ADMIN_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const TOKEN = "4242:bench-journeys";

export type TargetKind = "journey" | "echo" | "form";

export interface Target {
  name: string;
  kind: TargetKind;
  api: FakeBotApi;
  processes: BotProcess[];
  redisPrefix: string;
  /** The run's database (real bot only). */
  databaseName?: string;
  /**
   * The database's transaction count to subtract from the one after the runs: the harness's set-up, one
   * start-and-stop of the instances, and (estimated by that start-and-stop) the start-up before the runs.
   */
  baselineTransactions?: number;
  /** Each instance's own cpu quota group, in the order of `processes` (capped targets only). */
  cpuGroups?: CpuGroup[];
  /** The instance serving a chat (real bot: payment pages are opened there). */
  botHttpFor(chatId: number): string;
  close(): Promise<void>;
}

/**
 * The real bot (src/main.ts), in polling mode or as `instances` webhook instances sharing one database and prefix;
 * with `cpuCap`, each instance in a cpu quota group of its own (every start of it, the start-and-stop included).
 */
export async function startRealBot(
  name: string,
  mode: "polling" | "webhook",
  instances: number,
  citizens: Citizen[],
  options: { countTransactions?: boolean; env?: Record<string, string>; cpuCap?: CpuCap } = {},
): Promise<Target> {
  const databaseName = `bench_journeys_${randomBytes(4).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${databaseName}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${databaseName}`;
  // Migrations and the bench's registry records before the bot starts (it would migrate itself; the
  // records need the tables). These transactions are the harness's, done before the counters are read.
  const db = openPostgres(url.toString(), { poolSize: 2 });
  try {
    await migrate(db);
    await upsertRegistryRecords(db, registryRecords(citizens));
  } finally {
    await db.close();
  }
  const api = new FakeBotApi(TOKEN);
  await api.start();
  const redisPrefix = `bench-journeys-${randomBytes(4).toString("hex")}:`;
  const env: Record<string, string> = {
    BOT_TOKEN: TOKEN,
    PAYMENT_GATEWAY: "sandbox",
    BOT_API_ROOT: api.url,
    DATABASE_URL: url.toString(),
    REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    HTTP_PORT: "0",
    SEED_SAMPLE_DATA: "false",
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    // The fake enforces no pace, like the tests' local server; pacing is item 2's to measure.
    BOT_API_PACING: process.env.BENCH_BOT_API_PACING ?? "off",
    ...options.env,
  };
  if (mode === "webhook") {
    // The fake delivers to each instance's own address; PUBLIC_URL only shapes paths (links are rewritten).
    Object.assign(env, { BOT_MODE: "webhook", PUBLIC_URL: "http://127.0.0.1:9", WEBHOOK_SECRET: randomBytes(16).toString("hex") });
  }
  const cpuGroups = options.cpuCap ? Array.from({ length: instances }, (_, i) => options.cpuCap!.createGroup(`${name}-${i + 1}`)) : undefined;
  const removeGroups = () => Promise.all((cpuGroups ?? []).map((group) => group.remove()));
  const startAll = async (): Promise<BotProcess[]> => {
    const started: BotProcess[] = [];
    try {
      for (let i = 0; i < instances; i++) {
        started.push(await startProcess(`${name}#${i + 1}`, "src/main.ts", env, "bot started", SERVICE_NODE_FLAGS, cpuGroups?.[i]));
      }
    } catch (error) {
      await Promise.all(started.map((p) => p.stop()));
      throw error;
    }
    return started;
  };
  // A backend reports its transaction counts when it exits (or idles, up to 10 s late): start and stop the
  // instances once so that their start-up transactions can be told apart from the journeys' ones.
  let baselineTransactions: number | undefined;
  let processes: BotProcess[];
  try {
    if (options.countTransactions !== false) {
      const beforeStart = await settledTransactions(databaseName);
      await Promise.all((await startAll()).map((p) => p.stop()));
      const afterCycle = await settledTransactions(databaseName);
      baselineTransactions = afterCycle + (afterCycle - beforeStart);
    }
    processes = await startAll();
  } catch (error) {
    await removeGroups().catch(() => {});
    throw error;
  }
  api.setWebhookTargets(processes.map((p) => p.httpUrl));
  if (mode === "webhook" && !api.webhookSet) throw new Error(`${name}: the bot did not set a webhook`);
  return {
    name,
    kind: "journey",
    api,
    processes,
    redisPrefix,
    databaseName,
    baselineTransactions,
    cpuGroups,
    botHttpFor: (chatId) => processes[chatId % processes.length]!.httpUrl,
    async close() {
      await Promise.all(processes.map((p) => p.stop()));
      try {
        await api.close();
        await deleteKeys(redisPrefix);
        await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`));
      } finally {
        await removeGroups();
      }
    },
  };
}

/**
 * A bare bot of scripts/bench-journeys (echo or form), long polling through the runner like the real bot, with the
 * service's node flags; `onDefaultNode` runs it without them (the baseline as anyone would start it).
 */
export async function startBareBot(kind: "echo" | "form", formSteps: number, onDefaultNode = false): Promise<Target> {
  const api = new FakeBotApi(TOKEN);
  await api.start();
  const redisPrefix = `bench-journeys-${randomBytes(4).toString("hex")}:`;
  const env = { BOT_TOKEN: TOKEN, BOT_API_ROOT: api.url, REDIS_URL, REDIS_KEY_PREFIX: redisPrefix, FORM_STEPS: String(formSteps) };
  const flags = onDefaultNode ? [] : undefined;
  const processes = [await startProcess(`bare ${kind}`, `scripts/bench-journeys/bare-${kind}.ts`, env, "bare bot ready", flags)];
  const name = kind === "echo" ? "bare grammY echo" : "bare conversations + Redis form";
  return {
    name: onDefaultNode ? `${name}, default node` : name,
    kind,
    api,
    processes,
    redisPrefix,
    botHttpFor: () => "",
    async close() {
      await Promise.all(processes.map((p) => p.stop()));
      await api.close();
      await deleteKeys(redisPrefix);
    },
  };
}

/** The database's transaction count once the statistics stop moving (every backend that exited has reported). */
export function settledTransactions(database: string): Promise<number> {
  return withAdmin(async (admin) => {
    let last = await transactionsOf(admin, database);
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = await transactionsOf(admin, database);
      if (now === last) return now;
      last = now;
    }
    return last;
  });
}

export async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    await deleteKeysMatching(redis, `${prefix}*`);
  } finally {
    redis.disconnect();
  }
}
