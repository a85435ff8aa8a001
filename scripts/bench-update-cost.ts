// What one update costs the bot: CPU per update, SQL transactions per journey and Redis commands per update,
// over N citizens doing the real pre-registration + sandbox payment + status check in the fast harness.
//
//   npm run bench:update-cost -- [--journeys 200] [--concurrency 20] [--list] [--write] [--cpu-prof]
//
// The bot runs in this process (tests/support/fast-bot.ts: createBot with the app's wiring, Bot API calls
// answered in memory), against a database and a Redis prefix of its own. Counting is done at the client:
// every pg query (BEGIN..COMMIT counted as one transaction, a statement outside one as its own) and every
// ioredis command (a pipeline, MULTI or auto-pipeline counted as one write), so other users of the same servers do
// not disturb the figures. INFO commandstats deltas are printed too, but they count the whole server.
// --list prints each distinct transaction with how many times one journey runs it; --write puts the
// figures of the run in BENCHMARKS.md, between the markers inside this bench's section (bench:update-cost).
import { writeFile } from "node:fs/promises";
import { writeBenchSection } from "./bench-sections.js";
import { randomInt } from "node:crypto";
import { AsyncLocalStorage } from "node:async_hooks";
import { Session } from "node:inspector/promises";
import { Redis } from "ioredis";
import pg from "pg";
import setupTestServices from "../tests/support/global-setup.js";
import { startFastBot, type FastBot, type FastUser } from "../tests/support/fast-bot.js";
import { REDIS_URL } from "../tests/support/services.js";
import { createSandboxBank } from "../src/infrastructure/payments/sandbox-bank.js";
import { upsertRegistryRecords, type RegistryRecord } from "../src/infrastructure/database/reference-data.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const JOURNEYS = option("journeys", 200);
const CONCURRENCY = option("concurrency", 20);
const LIST = args.includes("--list");
const WRITE = args.includes("--write");
const PROFILE = args.includes("--cpu-prof");
const HEAP_PROFILE = args.includes("--heap-prof");

// ---- counting at the clients ------------------------------------------------------------------------
type Phase = "off" | "bot" | "page" | "dispatch";
// Which part of the journey a query belongs to, per async context (journeys run concurrently).
const phases = new AsyncLocalStorage<Phase>();
const currentPhase = (): Phase => phases.getStore() ?? "off";
const sql = { bot: new Map<string, number>(), page: new Map<string, number>(), dispatch: new Map<string, number>() };
const redisCommands = new Map<string, number>();
let redisRoundTrips = 0;

interface TxState {
  open?: { phase: Phase; statements: string[] };
}
const txOf = new WeakMap<object, TxState>();
const shorten = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/"public"\./g, "")
    .replace(/\$\d+/g, "?")
    .slice(0, 150);
/** Starts the harness's own statements, which are not counted. */
const HARNESS = "/* bench-harness */";
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

const originalQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function patchedQuery(this: object, ...queryArgs: unknown[]) {
  const first = queryArgs[0];
  const text = typeof first === "string" ? first : ((first as { text?: string })?.text ?? "");
  if (text.startsWith(HARNESS)) return originalQuery.apply(this, queryArgs);
  const state = txOf.get(this) ?? {};
  txOf.set(this, state);
  const verb = text.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
  const phase = currentPhase();
  if (verb === "BEGIN") state.open = { phase, statements: [] };
  else if (verb === "COMMIT" || verb === "ROLLBACK") {
    const open = state.open;
    state.open = undefined;
    if (open && open.phase !== "off") count(sql[open.phase], `TX[${open.statements.join(" ; ")}]${verb === "ROLLBACK" ? " (rolled back)" : ""}`);
  } else if (state.open) state.open.statements.push(shorten(text));
  else if (phase !== "off") count(sql[phase], shorten(text));
  return originalQuery.apply(this, queryArgs);
} as typeof pg.Client.prototype.query;

const originalSend = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function patchedSend(this: Redis, command, stream) {
  if (currentPhase() === "bot") {
    count(redisCommands, command.name.toUpperCase());
    if (!stream) redisRoundTrips++;
  }
  return originalSend.call(this, command, stream);
} as typeof Redis.prototype.sendCommand;
// A pipeline (MULTI, and the auto-pipeline that gathers one event-loop turn's commands) writes its commands through
// sendCommand with its own stream: one write to the socket.
type PipelineProto = { exec: (...a: unknown[]) => unknown };
const pipelineProto = Object.getPrototypeOf(new Redis({ lazyConnect: true }).pipeline()) as PipelineProto;
const originalExec = pipelineProto.exec;
pipelineProto.exec = function patchedExec(this: unknown, ...execArgs: unknown[]) {
  if (currentPhase() === "bot") redisRoundTrips++;
  return originalExec.apply(this, execArgs);
};

// ---- the journey ------------------------------------------------------------------------------------
const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
const toPersianDigits = (text: string) => text.replace(/[0-9]/g, (d) => PERSIAN[Number(d)]!);

function nationalIds(n: number): string[] {
  const ids = new Set<string>();
  while (ids.size < n) {
    const body = String(randomInt(100_000_000, 999_999_999)).padStart(9, "0");
    if (body.slice(3, 9) === "000000") continue;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
    const r = sum % 11;
    ids.add(body + String(r < 2 ? r : 11 - r));
  }
  return [...ids];
}

let updates = 0;
const step = async <T>(work: Promise<T>) => {
  const result = await work;
  updates++;
  return result;
};

async function journey(bot: FastBot, user: FastUser, citizen: RegistryRecord): Promise<void> {
  await step(user.say("/start"));
  await step(user.press("📝 پیش‌ثبت‌نام"));
  await step(user.say(toPersianDigits(citizen.nationalId)));
  await step(user.say(toPersianDigits(citizen.birthDate)));
  await step(user.press("خیر، ساکن ایران هستم"));
  await step(user.press("✅ بله، درست است"));
  await step(user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989121234567" }));
  await step(user.say("٠٢١ ٨٨٧٧ ٦٦٥٥"));
  await step(user.say("13456-78911"));
  await step(user.say("خیابان آزادی، کوچه‌ی دوازدهم، پلاک ۳، واحد ۴"));
  await step(user.press("تهران"));
  const summary = (await step(user.say("تهران"))).at(-1);
  if (!summary?.text?.includes("لطفاً اطلاعات خود را بررسی کنید")) throw new Error(`no summary: ${summary?.text}`);
  const replies = await step(user.press("✅ تأیید و پرداخت"));
  const payment = replies.find((reply) => reply.text?.includes("مبلغ قابل پرداخت"));
  if (!payment) throw new Error("no payment message");
  const url = payment.replyMarkup?.inline_keyboard?.flat().find((button) => "url" in button)?.url as string;
  const authority = decodeURIComponent(new URL(url).pathname.split("/").at(-1)!);
  // What the sandbox page does when the citizen pays (an HTTP request in production, not an update).
  await withPhase("page", () => createSandboxBank(bot.database.sql).decide(authority, "paid"));
  await step(user.press("✅ پرداخت کردم", { messageId: payment.messageId }));
  if (user.popups.at(-1) !== bot.translate("payment-check-settled")) throw new Error(`not settled: ${user.popups.at(-1)}`);
  // The harness's own read (marked, so it is not counted as the bot's).
  const [application] = await bot.database.sql.query<{ trackingCode: string | null }>(
    `${HARNESS} SELECT tracking_code AS "trackingCode" FROM applications WHERE national_id = $1 AND chat_id = $2`,
    [citizen.nationalId, user.id],
  );
  if (!application) throw new Error("no application");
  await step(user.say("/start"));
  await step(user.press("🔎 پیگیری وضعیت"));
  await step(user.say(citizen.nationalId));
  const status = await step(user.say(application.trackingCode!));
  if (!status.some((reply) => reply.text?.includes(toPersianDigits(application.trackingCode!.slice(0, 3))) || reply.text)) throw new Error("no status");
}

// The timed pass runs before AsyncLocalStorage is first used: on Node 20 using it turns on promise hooks,
// which cost every promise (several per cent of the profile) and would be counted as the bot's CPU.
let attributing = false;
function withPhase<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
  return attributing ? phases.run(phase, work) : work();
}

async function commandstats(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info("commandstats");
  const stats = new Map<string, number>();
  for (const line of info.split("\n")) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (match) stats.set(match[1]!, Number(match[2]));
  }
  return stats;
}

async function bytesLeftBehind(redis: Redis, prefix: string): Promise<{ keys: number; bytes: number; byKind: Map<string, number> }> {
  let cursor = "0";
  let keys = 0;
  let bytes = 0;
  const byKind = new Map<string, number>();
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    cursor = next;
    for (const key of found) {
      const size = Number((await redis.memory("USAGE", key)) ?? 0);
      keys++;
      bytes += size;
      const kind = key
        .slice(prefix.length)
        .replace(/^bot\d+:/, "")
        .split(":")[0]!;
      byKind.set(kind, (byKind.get(kind) ?? 0) + size);
    }
  } while (cursor !== "0");
  return { keys, bytes, byKind };
}

async function main(): Promise<void> {
  const teardown = await setupTestServices();
  const bot = await startFastBot();
  const admin = new Redis(REDIS_URL);
  try {
    const ids = nationalIds(2 * JOURNEYS + 2);
    const citizens: RegistryRecord[] = ids.map((nationalId) => ({
      nationalId,
      birthDate: "1370/05/12",
      firstName: "علی",
      lastName: "محمدی",
      fatherName: "حسن",
    }));
    await upsertRegistryRecords(bot.database, citizens);

    // Warm-up: two journeys not counted (module loading, JIT, first connections).
    for (let i = 0; i < 2; i++) await journey(bot, bot.user(900_000 + i), citizens[2 * JOURNEYS + i]!);
    await withPhase("dispatch", () => bot.dispatchNotifications());
    updates = 0;

    const runJourneys = async (first: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, () =>
          withPhase("bot", async () => {
            while (next < JOURNEYS) {
              const index = first + next++;
              await journey(bot, bot.user(100_000 + index), citizens[index]!);
            }
          }),
        ),
      );
    };

    // Pass 1, timed: CPU of this process per update, nothing attributed.
    let profiler: Session | undefined;
    if (PROFILE) {
      profiler = new Session();
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.setSamplingInterval", { interval: 100 });
      await profiler.post("Profiler.start");
    }
    let heapProfiler: Session | undefined;
    if (HEAP_PROFILE) {
      // Every allocation sampled, the ones a GC collected too: what the journey allocates, not what it keeps.
      heapProfiler = new Session();
      heapProfiler.connect();
      await heapProfiler.post("HeapProfiler.enable");
      await heapProfiler.post("HeapProfiler.startSampling", {
        samplingInterval: 8192,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    }
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    await runJourneys(0);
    const cpu = process.cpuUsage(cpuBefore);
    const wallMs = performance.now() - startedAt;
    if (profiler) {
      const { profile } = await profiler.post("Profiler.stop");
      const file = `update-cost-${Date.now()}.cpuprofile`;
      await writeFile(file, JSON.stringify(profile));
      console.log(`CPU profile written to ${file}`);
    }
    if (heapProfiler) {
      const { profile } = await heapProfiler.post("HeapProfiler.stopSampling");
      const file = `update-cost-${Date.now()}.heapprofile`;
      await writeFile(file, JSON.stringify(profile));
      console.log(`allocation profile written to ${file}`);
    }
    await bot.dispatchNotifications();
    while ((await bot.dispatchNotifications()) > 0);
    const timedUpdates = updates;

    // Pass 2, counted: every SQL statement and Redis command attributed to the bot, the page or the outbox.
    attributing = true;
    updates = 0;
    const statsBefore = await commandstats(admin);
    await runJourneys(JOURNEYS);
    // The tracking-code messages: what the outbox dispatcher reads and writes for them.
    await withPhase("dispatch", async () => {
      while ((await bot.dispatchNotifications()) > 0);
    });
    const statsAfter = await commandstats(admin);
    const left = await bytesLeftBehind(admin, bot.redisPrefix);

    const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
    const perJourney = (n: number) => (n / JOURNEYS).toFixed(1);
    const botTx = total(sql.bot);
    const inserts = [...sql.bot].filter(([k]) => /INSERT/i.test(k)).reduce((a, [, n]) => a + n, 0);
    const updatesSql = [...sql.bot].filter(([k]) => /UPDATE /i.test(k) || /application_move/i.test(k)).reduce((a, [, n]) => a + n, 0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const redisJourneys = 2 * JOURNEYS + 2;
    const serverCalls = [...statsAfter].reduce((sum, [name, calls]) => sum + calls - (statsBefore.get(name) ?? 0), 0);
    const figures = {
      journeys: JOURNEYS,
      concurrency: CONCURRENCY,
      updates,
      cpuMsPerUpdate: cpuMs / timedUpdates,
      updatesPerSecond: timedUpdates / (wallMs / 1000),
      sqlTxPerJourneyBot: botTx / JOURNEYS,
      sqlTxWithInsertPerJourney: inserts / JOURNEYS,
      sqlTxWithUpdatePerJourney: updatesSql / JOURNEYS,
      sqlTxPerJourneyPage: total(sql.page) / JOURNEYS,
      sqlTxPerJourneyDispatch: total(sql.dispatch) / JOURNEYS,
      redisCommandsPerUpdate: total(redisCommands) / updates,
      redisRoundTripsPerUpdate: redisRoundTrips / updates,
      serverCommandsPerUpdate: serverCalls / updates,
      redisBytesLeftPerJourney: left.bytes / redisJourneys,
      redisKeysLeftPerJourney: left.keys / redisJourneys,
    };
    console.log(
      `journeys ${JOURNEYS} timed + ${JOURNEYS} counted, concurrency ${CONCURRENCY}, ${timedUpdates} updates timed in ${(wallMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `CPU per update (bot + in-memory Bot API, this process): ${figures.cpuMsPerUpdate.toFixed(2)} ms  (${figures.updatesPerSecond.toFixed(0)} updates/s)`,
    );
    console.log(
      `SQL transactions per journey: bot ${perJourney(botTx)} (with INSERT ${perJourney(inserts)}, with UPDATE ${perJourney(updatesSql)}); sandbox page ${perJourney(total(sql.page))}; outbox dispatch ${perJourney(total(sql.dispatch))}`,
    );
    console.log(
      `Redis per update: ${figures.redisCommandsPerUpdate.toFixed(2)} commands, ${figures.redisRoundTripsPerUpdate.toFixed(2)} writes, a pipeline or auto-pipeline counted once (server-wide INFO commandstats delta: ${figures.serverCommandsPerUpdate.toFixed(2)}, includes other clients)`,
    );
    console.log(
      `Redis commands: ${[...redisCommands]
        .sort((a, b) => b[1] - a[1])
        .map(([name, n]) => `${name} ${(n / updates).toFixed(2)}`)
        .join(", ")}`,
    );
    console.log(
      `Redis left behind: ${figures.redisKeysLeftPerJourney.toFixed(1)} keys, ${figures.redisBytesLeftPerJourney.toFixed(0)} bytes per journey (${[...left.byKind].map(([kind, bytes]) => `${kind} ${(bytes / redisJourneys).toFixed(0)}`).join(", ")})`,
    );
    if (LIST) {
      for (const [name, map] of Object.entries(sql)) {
        console.log(`\n-- ${name}: transactions per journey`);
        for (const [statement, n] of [...map].sort((a, b) => b[1] - a[1])) console.log(`${(n / JOURNEYS).toFixed(2).padStart(6)}  ${statement}`);
      }
    }
    if (WRITE) await writeBenchmarks(figures);
  } finally {
    admin.disconnect();
    await bot.close();
    await teardown();
  }
}

async function writeBenchmarks(f: Record<string, number>): Promise<void> {
  // The figures of the last run, inside this bench's section (its prose, with the before figures, stays).
  const block = [
    `Measured by \`npm run bench:update-cost -- --journeys ${f.journeys} --concurrency ${f.concurrency}\` on ${new Date().toISOString().slice(0, 10)} (${f.updates} updates; the bot in process, Bot API answered in memory; load average ${(await loadAverage()).toFixed(2)}).`,
    "",
    "| figure | value |",
    "|---|---|",
    `| CPU per update (bot process) | ${f.cpuMsPerUpdate!.toFixed(2)} ms |`,
    `| SQL transactions per journey, bot updates | ${f.sqlTxPerJourneyBot!.toFixed(1)} (with an INSERT ${f.sqlTxWithInsertPerJourney!.toFixed(1)}, with an UPDATE ${f.sqlTxWithUpdatePerJourney!.toFixed(1)}) |`,
    `| SQL transactions per journey, sandbox page + outbox | ${f.sqlTxPerJourneyPage!.toFixed(1)} + ${f.sqlTxPerJourneyDispatch!.toFixed(1)} |`,
    `| Redis commands / socket writes per update (an auto-pipeline is one write) | ${f.redisCommandsPerUpdate!.toFixed(2)} / ${f.redisRoundTripsPerUpdate!.toFixed(2)} |`,
    `| Redis left behind per journey | ${f.redisKeysLeftPerJourney!.toFixed(1)} keys, ${f.redisBytesLeftPerJourney!.toFixed(0)} bytes |`,
  ].join("\n");
  await writeBenchSection("BENCHMARKS.md", "update-cost-figures", block);
}

async function loadAverage(): Promise<number> {
  const { loadavg } = await import("node:os");
  return loadavg()[0]!;
}

await main();
