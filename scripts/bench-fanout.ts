// Fan-out bench: 100,000 due reminders sent by two dispatcher processes through one shared bulk budget to a loopback
// Bot API that enforces a per-chat and a global limit, while payment confirmations keep arriving; prints the figures
// and writes the "## Fan-out" section of BENCHMARKS.md (between its markers, leaving the rest of the file alone).
//
// Time-scaled: the bulk rate is 1,000 a second instead of Telegram's 30 (the fake's global limit scaled the same),
// so an hour's 100,000 reminders take about 100 s. Per-chat limits stay in real seconds.
// Environment: DATABASE_URL (admin connection, default the local test server), REDIS_URL, BENCH_FANOUT_REMINDERS
// (100000), BENCH_FANOUT_RATE (1000), BENCH_FANOUT_INSTANCES (2), BENCH_OUT (BENCHMARKS.md; "-" prints only).
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Bot } from "grammy";
import { Redis } from "ioredis";
import pg from "pg";
import { resilientFetch } from "../src/bot/api-transport.js";
import { MIGRATIONS_DIR, openPostgres } from "../src/infrastructure/database/database.js";
import { applyMigrations, readMigrations } from "../src/infrastructure/database/migrations.js";
import { createLogger } from "../src/infrastructure/logging/logger.js";
import { NotificationDispatcher } from "../src/infrastructure/notifications/notification-dispatcher.js";
import { RedisSendBudget } from "../src/infrastructure/redis/send-budget.js";
import { startLimitedBotApi } from "../tests/harness/limited-bot-api.js";
import { writeBenchSection } from "./bench-sections.js";

const ADMIN_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const REMINDERS = Number(process.env.BENCH_FANOUT_REMINDERS ?? 100_000);
const RATE = Number(process.env.BENCH_FANOUT_RATE ?? 1_000);
const INSTANCES = Number(process.env.BENCH_FANOUT_INSTANCES ?? 2);
const OUT = process.env.BENCH_OUT ?? fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));
const TOKEN = "4242:fanout-bench";
/** The fake's global limit over the bulk rate: room for the transactional lane, which is not held back. */
const GLOBAL_HEADROOM = 1.05;
/** Reminders of families: this share of them goes to chats with FAMILY_SIZE reminders each (one parent, several appointments). */
const FAMILY_SHARE = 0.1;
const FAMILY_SIZE = 4;
/** One payment confirmation every this many ms while the fan-out runs. */
const TRANSACTIONAL_EVERY_MS = 100;
const BULK_KEY = "booking-reminder-two-hours";
const TRANSACTIONAL_KEY = "payment-confirmed";

/** What a dispatcher process reports when told to stop. */
interface WorkerReport {
  rateLimited: number;
  givenUp: number;
  givenUp429: number;
  cpuMs: number;
  lateSlotsRetaken: number;
  deferredForChatPace: number;
}

if (process.argv[2] === "worker") void worker();
else void main();

// ---------------------------------------------------------------------------------------------------------
// One dispatcher instance: its own PostgreSQL pool and Redis connection, the app's transport and budget.

async function worker(): Promise<void> {
  const { DB_URL, API_ROOT, BUDGET_KEY } = process.env as Record<string, string>;
  const db = openPostgres(DB_URL!, { poolSize: 10 });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const budget = new RedisSendBudget(redis, BUDGET_KEY!, RATE);
  const report: WorkerReport = { rateLimited: 0, givenUp: 0, givenUp429: 0, cpuMs: 0, lateSlotsRetaken: 0, deferredForChatPace: 0 };
  const fetch = resilientFetch({
    onRateLimited: async (call) => {
      report.rateLimited++;
      dispatcher.holdBulk(call.retryAfterSeconds * 1000);
      await Promise.all([budget.countRateLimited(), budget.holdFor(call.retryAfterSeconds * 1000)]);
    },
    onFailure: (call) => {
      report.givenUp++;
      if (call.errorCode === 429) report.givenUp429++;
    },
  });
  const api = new Bot(TOKEN, { client: { apiRoot: API_ROOT!, fetch } }).api;
  const dispatcher = new NotificationDispatcher({
    sql: db.sql,
    api,
    budget,
    translate: (key, params) => `${key} ${params?.n ?? ""}`,
    logger: createLogger("warn"),
  });
  process.on("message", async (message) => {
    if (message !== "stop") return;
    await dispatcher.stop();
    const cpu = process.cpuUsage();
    report.cpuMs = (cpu.user + cpu.system) / 1000;
    report.lateSlotsRetaken = dispatcher.stats.lateSlotsRetaken;
    report.deferredForChatPace = dispatcher.stats.deferredForChatPace;
    process.send?.(report);
    await db.close();
    redis.disconnect();
    process.exit(0);
  });
  dispatcher.start();
  process.send?.("ready");
}

// ---------------------------------------------------------------------------------------------------------
// The run.

async function main(): Promise<void> {
  const name = `bench_fanout_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const db = openPostgres(dbUrl, { poolSize: 4 });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const budgetKey = `bench-fanout-${randomBytes(4).toString("hex")}:send-budget:bulk`;
  const workers: ChildProcess[] = [];
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  try {
    await applyMigrations(db.sql, await readMigrations(MIGRATIONS_DIR));
    const fake = await startLimitedBotApi({ globalPerSecond: Math.ceil(RATE * GLOBAL_HEADROOM), perChat: { burst: 3, perSecond: 1 }, retryAfterSeconds: 1 });

    // The hour's reminders, due now, written as reminderDelivery writes them (same key shape, message key and params).
    const families = Math.floor(REMINDERS * FAMILY_SHARE);
    const planStarted = performance.now();
    await db.sql.query(
      `INSERT INTO notifications (dedup_key, chat_id, message_key, params)
       SELECT 'reminder:' || md5(g::text)::uuid || ':two-hours:2026-12-01T10:00:00.000Z',
              CASE WHEN g < $2 THEN 1000000 + g / $3 ELSE 2000000 + g END,
              $4,
              jsonb_build_object('n', g, 'office', 'دفتر پیشخوان ' || (g % 900), 'address', 'تهران، خیابان ' || (g % 300), 'date', '۱۰ آذر ۱۴۰۵', 'time', '۱۳:۳۰')
         FROM generate_series(0, $1 - 1) AS g`,
      [REMINDERS, families, FAMILY_SIZE, BULK_KEY],
    );
    const planMs = performance.now() - planStarted;
    console.log(
      `planned ${REMINDERS.toLocaleString("en")} reminders in ${(planMs / 1000).toFixed(1)} s; starting ${INSTANCES} dispatcher processes at ${RATE}/s`,
    );

    const reports: Array<Promise<WorkerReport>> = [];
    for (let i = 0; i < INSTANCES; i++) {
      const child = fork(fileURLToPath(import.meta.url), ["worker"], {
        execArgv: ["--import", "tsx", ...(process.env.BENCH_FANOUT_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_FANOUT_PROFILE}`] : [])],
        env: { ...process.env, DB_URL: dbUrl, API_ROOT: fake.url, BUDGET_KEY: budgetKey, REDIS_URL },
      });
      workers.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once("message", () => resolve());
        child.once("exit", (code) => reject(new Error(`dispatcher ${i} exited with ${code}`)));
      });
      reports.push(new Promise((resolve) => child.on("message", (message) => typeof message === "object" && resolve(message as WorkerReport))));
    }

    // Payment confirmations while the fan-out runs: each to its own chat, committed, then timed to its arrival.
    const committedAt = new Map<number, number>();
    let next = 0;
    const arrived = tally(fake.accepted);
    const bulkDone = () => arrived().bulk >= REMINDERS;
    const started = Date.now();
    const deadline = started + (REMINDERS / RATE) * 3000 + 60_000;
    while (!bulkDone() && Date.now() < deadline) {
      const n = next++;
      await db.sql.query(`INSERT INTO notifications (dedup_key, chat_id, message_key, params) VALUES ($1, $2, $3, $4::jsonb)`, [
        `payment-confirmed:bench-${n}`,
        3_000_000 + n,
        TRANSACTIONAL_KEY,
        JSON.stringify({ n }),
      ]);
      committedAt.set(n, Date.now());
      await new Promise((resolve) => setTimeout(resolve, TRANSACTIONAL_EVERY_MS));
    }
    // The last confirmations get their second to arrive.
    const settle = Date.now() + 5_000;
    while (Date.now() < settle && arrived().transactional < committedAt.size) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const child of workers) child.send("stop");
    const workerReports = await Promise.all(reports);

    // Read back.
    const bulk = fake.accepted.filter((m) => m.text.startsWith(BULK_KEY));
    const transactional = fake.accepted.filter((m) => m.text.startsWith(TRANSACTIONAL_KEY));
    const bulkIds = bulk.map((m) => Number(m.text.slice(BULK_KEY.length + 1)));
    const distinctBulk = new Set(bulkIds);
    const transactionalIds = transactional.map((m) => Number(m.text.slice(TRANSACTIONAL_KEY.length + 1)));
    const duplicates = bulkIds.length - distinctBulk.size + (transactionalIds.length - new Set(transactionalIds).size);
    const [dbCounts] = await db.sql.query<{ unsent_bulk: string; unsent_transactional: string; sent: string }>(
      `SELECT count(*) FILTER (WHERE sent_at IS NULL AND lane = 'bulk') AS unsent_bulk,
              count(*) FILTER (WHERE sent_at IS NULL AND lane = 'transactional') AS unsent_transactional,
              count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent FROM notifications`,
    );
    const lost = REMINDERS - distinctBulk.size + (committedAt.size - new Set(transactionalIds).size);
    const times = bulk.map((m) => m.at).sort((a, b) => a - b);
    const spanS = (times.at(-1)! - times[0]!) / 1000;
    const achieved = (times.length - 1) / spanS;
    const latencies = transactional.map((m) => m.at - committedAt.get(Number(m.text.slice(TRANSACTIONAL_KEY.length + 1)))!).sort((a, b) => a - b);
    const received429 = workerReports.reduce((sum, r) => sum + r.rateLimited, 0);
    const unhandled429 = workerReports.reduce((sum, r) => sum + r.givenUp429, 0);
    const givenUp = workerReports.reduce((sum, r) => sum + r.givenUp, 0);
    const shared = new RedisSendBudget(redis, budgetKey, RATE);
    const sharedCount = await shared.rateLimitedCount();
    const idleMs = await shared.idleMs();
    const lateSlots = workerReports.reduce((sum, r) => sum + r.lateSlotsRetaken, 0);
    const deferred = workerReports.reduce((sum, r) => sum + r.deferredForChatPace, 0);
    const figures = {
      achieved,
      ratio: achieved / RATE,
      spanS,
      sent: times.length,
      received429,
      sharedCount,
      refusedGlobal: fake.refusedGlobal,
      refusedPerChat: fake.refusedPerChat,
      unhandled429,
      givenUp,
      duplicates,
      lost,
      unsentBulk: Number(dbCounts!.unsent_bulk),
      unsentTransactional: Number(dbCounts!.unsent_transactional),
      transactionalCount: committedAt.size,
      transactionalArrived: transactional.length,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      max: latencies.at(-1) ?? Number.NaN,
      cpuMs: workerReports.map((r) => r.cpuMs),
      idleMs,
      lateSlots,
      deferred,
      planMs,
      loadBefore,
      loadAfter: os.loadavg()[0] ?? Number.NaN,
    };
    const section = render(figures);
    console.log(`\n${section}`);
    if (OUT !== "-") {
      await writeBenchSection(OUT, "fanout", section);
      console.log(`written to ${OUT}`);
    }
    await fake.close();
    const failed = figures.ratio < 0.95 || unhandled429 > 0 || fake.refusedPerChat > 0 || duplicates > 0 || lost > 0 || figures.p99 > 1000;
    process.exitCode = failed ? 1 : 0;
  } finally {
    for (const child of workers) if (child.exitCode === null) child.kill();
    await db.close();
    const keys = await redis.keys(`${budgetKey.split(":")[0]}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** Counts what the fake has accepted so far, by lane, reading only what arrived since the last call. */
function tally(accepted: Array<{ text: string }>): () => { bulk: number; transactional: number } {
  let read = 0;
  const counts = { bulk: 0, transactional: 0 };
  return () => {
    for (; read < accepted.length; read++) {
      if (accepted[read]!.text.startsWith(TRANSACTIONAL_KEY)) counts.transactional++;
      else counts.bulk++;
    }
    return counts;
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const fmt = (value: number, digits = 0) => value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function render(f: {
  achieved: number;
  ratio: number;
  spanS: number;
  sent: number;
  received429: number;
  sharedCount: number;
  refusedGlobal: number;
  refusedPerChat: number;
  unhandled429: number;
  givenUp: number;
  duplicates: number;
  lost: number;
  unsentBulk: number;
  unsentTransactional: number;
  transactionalCount: number;
  transactionalArrived: number;
  p50: number;
  p99: number;
  max: number;
  cpuMs: number[];
  idleMs: number;
  lateSlots: number;
  deferred: number;
  planMs: number;
  loadBefore: number;
  loadAfter: number;
}): string {
  return `## Fan-out: ${fmt(REMINDERS)} reminders, ${INSTANCES} dispatcher processes, one bulk budget

Written by \`npm run bench:fanout\` (scripts/bench-fanout.ts) on ${new Date().toISOString()}; ${os.cpus().length} cores, Node.js ${process.version},
1-minute load average ${f.loadBefore.toFixed(2)} at the start and ${f.loadAfter.toFixed(2)} at the end (a shared machine).

| figure | value | target |
| --- | --- | --- |
| bulk rate achieved (configured ${fmt(RATE)}/s) | ${fmt(f.achieved, 1)}/s = ${fmt(f.ratio * 100, 1)} % over ${fmt(f.spanS, 1)} s | ≥ 95 % |
| 429s received by the dispatchers (counted in Redis: ${fmt(f.sharedCount)}) | ${fmt(f.received429)} (fake: ${fmt(f.refusedGlobal)} global, ${fmt(f.refusedPerChat)} per chat) | as few as possible |
| 429s unhandled (a send that gave up on a 429) | ${fmt(f.unhandled429)} | 0 |
| per-chat limit violations (the fake's per-chat 429s) | ${fmt(f.refusedPerChat)} | 0 |
| duplicates (a message the fake accepted twice) | ${fmt(f.duplicates)} | 0 |
| lost (planned, never accepted by the fake) | ${fmt(f.lost)} (unsent rows left: ${fmt(f.unsentBulk)} bulk, ${fmt(f.unsentTransactional)} transactional) | 0 |
| payment confirmation committed → accepted, during the fan-out (${fmt(f.transactionalArrived)} of ${fmt(f.transactionalCount)}) | p50 ${fmt(f.p50)} ms, p99 ${fmt(f.p99)} ms, max ${fmt(f.max)} ms | p99 ≤ 1,000 ms |
| sends that failed after their retries | ${fmt(f.givenUp)} | 0 |
| where the rest went: budget time no instance asked for; bulk slots re-taken after a late wake-up; rows handed back for their chat's pace | ${fmt(f.idleMs / 1000, 2)} s (${fmt((f.idleMs / 1000) * RATE)} slots); ${fmt(f.lateSlots)}; ${fmt(f.deferred)} | |
| dispatcher CPU (per process) | ${f.cpuMs.map((ms) => `${fmt(ms / 1000, 1)} s`).join(", ")} for ${fmt(f.sent)} bulk messages | |

- Time-scaled: the bulk rate is ${fmt(RATE)}/s (Telegram's is about 30/s, BULK_MESSAGES_PER_SECOND's default); the fake's global limit is
  scaled the same (${fmt(Math.ceil(RATE * GLOBAL_HEADROOM))} messages in any sliding second: the bulk rate plus ${fmt((GLOBAL_HEADROOM - 1) * 100)} % for the transactional
  lane). Its per-chat limit is in real time: a bucket of 3 refilled at one a second. It answers 429 with retry_after 1 past either.
- The reminders were all due at once (the hour's ${fmt(REMINDERS)} written in one statement in ${fmt(f.planMs / 1000, 1)} s, with the dedup keys, message
  key and params reminderDelivery writes; the BullMQ delay that spreads them over the hour is not part of the run): the hardest case for the
  budget. ${fmt(FAMILY_SHARE * 100)} % of them go to families (${FAMILY_SIZE} reminders to one chat), so the per-chat limit is in play across the two processes.
- Each process is a NotificationDispatcher with its own PostgreSQL pool and Redis connection, the app's transport (resilientFetch: each chat's
  pace, auto-retry, 429s counted and holding the shared budget, JSON over kept-alive node:http) and a RedisSendBudget on one key. One payment confirmation was committed
  every ${TRANSACTIONAL_EVERY_MS} ms by the bench (not by a dispatcher instance, so no in-process wake-up: it is found by the other instances' 200 ms poll).
- Duplicates and losses are counted by the fake from what it accepted, and the outbox is read back after the run. A 429 holds every
  instance's bulk lane for its retry_after (here 1 s); the message it refused is retried by auto-retry, so "unhandled" counts only sends
  that gave up on a 429. A bulk row whose timer fires more than 10 ms after its slot (a process short of CPU: the machine is
  shared, watch the load average above) takes one fresh slot instead of going in a burst; those, and budget time no instance asked for,
  are what separates the achieved rate from the configured one. Rows handed back for their chat's pace are a family's further reminders waiting their second (counted per claim).`;
}
