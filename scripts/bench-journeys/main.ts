// `npm run bench:journeys`: full citizen journeys against the real bot (polling, webhook, two webhook instances)
// and, in the same run, a bare grammY echo and a bare conversations + Redis form; prints and writes BENCHMARKS.md.
//
// Settings (environment): BENCH_CITIZENS per run (default 200), BENCH_REPETITIONS (3), BENCH_CONCURRENCY
// (comma list, default 50,200), BENCH_TARGETS (comma list of polling, webhook, webhook2, webhook-capped,
// webhook2-capped, echo, form, form-default; all by default; form-default is the bare form on Node's default flags;
// the capped ones run each instance under a cpu quota of BENCH_INSTANCE_CORES cores, default 0.4, and are skipped
// with a printed reason where no cgroup cpu quota can be set), BENCH_LONG=1 (CPU per update and state as one conversation grows, printed only), BENCH_QUICK=1 (10 citizens, c=5, 1 repetition, no warm-up figures), BENCH_OUT (default BENCHMARKS.md
// at the repository root; "-" prints only). PostgreSQL at DATABASE_URL (admin connection; a database per real
// target is created and dropped), Redis at REDIS_URL (a key prefix per target, deleted afterwards).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { makeCitizens } from "./citizens.js";
import { type CpuCap, openCpuCap } from "./cpu-cap.js";
import { loadLocaleTexts } from "./locale-texts.js";
import { POLLING, renderReport, type Report, type SqlFigure, WEBHOOK, WEBHOOK_2, WEBHOOK_2_CAPPED, WEBHOOK_CAPPED, writeSection } from "./report.js";
import { type RunFigures, runOnce } from "./run.js";
import { settledTransactions, startBareBot, startRealBot, type Target } from "./targets.js";

const QUICK = process.env.BENCH_QUICK === "1";
const CITIZENS = Number(process.env.BENCH_CITIZENS ?? (QUICK ? 10 : 200));
const REPETITIONS = QUICK ? 1 : Number(process.env.BENCH_REPETITIONS ?? 3);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? (QUICK ? "5" : "50,200")).split(",").map(Number);
const WANTED = new Set((process.env.BENCH_TARGETS ?? "polling,webhook,webhook2,webhook-capped,webhook2-capped,echo,form,form-default").split(","));
const CAPPED_TARGETS = ["webhook-capped", "webhook2-capped"].filter((name) => WANTED.has(name));
// Each capped instance as on a small machine of its own. 0.4: two of them plus the PostgreSQL, Redis and harness
// work they cause are meant to fit in a 2-core machine, so that the second adds its own quota (the report says
// when the machine was nearly full anyway).
const INSTANCE_CORES = Number(process.env.BENCH_INSTANCE_CORES ?? 0.4);
// Enough journeys for V8 to have optimised the hot paths of every target before anything is measured: with 20
// at concurrency 2 the first measured repetition of each target still ran 30-70 % slower than the next two.
const WARM_UP = QUICK ? 2 : 150;
const WARM_UP_CONCURRENCY = QUICK ? 2 : 20;
const OUT = process.env.BENCH_OUT ?? fileURLToPath(new URL("../../BENCHMARKS.md", import.meta.url));
const FIRST_CHAT = 1_000_000;

async function main(): Promise<void> {
  const startedAt = new Date();
  const clock = performance.now();
  const loadBefore = os.loadavg();
  const texts = loadLocaleTexts();
  // Chat ranges: [warm-up][run 1][run 2]...; every real target's database knows every citizen.
  const runsPerTarget = REPETITIONS * CONCURRENCIES.length;
  const everyone = makeCitizens(FIRST_CHAT, WARM_UP + runsPerTarget * CITIZENS);
  const warmUp = everyone.slice(0, WARM_UP);
  const citizensOfRun = (k: number) => everyone.slice(WARM_UP + k * CITIZENS, WARM_UP + (k + 1) * CITIZENS);

  const targets: Target[] = [];
  const runs: RunFigures[] = [];
  const sql: SqlFigure[] = [];
  const journeys = new Map<Target, number>();
  const run = async (target: Target, citizens: typeof everyone, concurrency: number, updatesPerJourney: number) => {
    const figures = await runOnce(target, texts, citizens, concurrency, updatesPerJourney);
    journeys.set(target, (journeys.get(target) ?? 0) + citizens.length);
    return figures;
  };
  // The capped targets run capped or not at all: never uncapped under a capped name.
  let cpuCap: CpuCap | undefined;
  let cpuCapReport: Report["cpuCap"];
  if (CAPPED_TARGETS.length > 0) {
    const opened = openCpuCap(INSTANCE_CORES);
    if ("unavailable" in opened) {
      log(`skipping ${CAPPED_TARGETS.join(", ")}: ${opened.unavailable}`);
      cpuCapReport = { skipped: opened.unavailable };
    } else {
      cpuCap = opened;
      cpuCapReport = { cores: opened.cores, how: opened.how };
      log(`capped targets: each instance limited to ${opened.cores} cores (${opened.how})`);
    }
  }
  try {
    if (WANTED.has("polling")) targets.push(await startRealBot(POLLING, "polling", 1, everyone));
    if (WANTED.has("webhook")) targets.push(await startRealBot(WEBHOOK, "webhook", 1, everyone));
    if (WANTED.has("webhook2")) targets.push(await startRealBot(WEBHOOK_2, "webhook", 2, everyone));
    if (cpuCap && WANTED.has("webhook-capped")) targets.push(await startRealBot(WEBHOOK_CAPPED, "webhook", 1, everyone, { cpuCap }));
    if (cpuCap && WANTED.has("webhook2-capped")) targets.push(await startRealBot(WEBHOOK_2_CAPPED, "webhook", 2, everyone, { cpuCap }));
    // The journey's length decides the bare targets' (the same number of updates per citizen).
    let updatesPerJourney = 16;
    for (const target of targets) {
      const figures = await run(target, warmUp, WARM_UP_CONCURRENCY, 0);
      updatesPerJourney = Math.round(figures.updates / figures.journeys);
      log(`warm-up ${target.name}: ${figures.journeys} journeys, ${updatesPerJourney} updates each`);
    }
    if (WANTED.has("echo")) targets.push(await startBareBot("echo", updatesPerJourney - 2));
    if (WANTED.has("form")) targets.push(await startBareBot("form", updatesPerJourney - 2));
    if (WANTED.has("form-default")) targets.push(await startBareBot("form", updatesPerJourney - 2, true));
    for (const target of targets.filter((t) => t.kind !== "journey")) await run(target, warmUp, WARM_UP_CONCURRENCY, updatesPerJourney);

    let k = 0;
    for (let repetition = 1; repetition <= REPETITIONS; repetition++) {
      for (const concurrency of CONCURRENCIES) {
        const citizens = citizensOfRun(k++);
        for (const target of targets) {
          const figures = await run(target, citizens, concurrency, updatesPerJourney);
          runs.push(figures);
          const throttled = Number.isFinite(figures.throttledPercent) ? `, cpu quota throttled in ${figures.throttledPercent.toFixed(0)} % of periods` : "";
          log(
            `#${repetition} c=${concurrency} ${target.name}: ${figures.updatesPerSecond.toFixed(0)} updates/s, reply p99 ${figures.replyP99.toFixed(0)} ms, bot CPU ${figures.botCpuPerUpdate.toFixed(2)} ms/update${throttled}`,
          );
        }
      }
    }
    // The transaction counters of the real targets, once their instances have exited and reported.
    for (const target of targets.filter((t) => t.databaseName)) {
      await Promise.all(target.processes.map((p) => p.stop()));
      const transactions = (await settledTransactions(target.databaseName!)) - target.baselineTransactions!;
      sql.push({ target: target.name, journeys: journeys.get(target) ?? 0, transactions });
    }
    const calls: Record<string, number> = {};
    for (const target of targets.filter((t) => t.kind === "journey")) {
      for (const [method, n] of target.api.calls) calls[method] = (calls[method] ?? 0) + n;
    }
    const report: Report = {
      startedAt,
      durationSeconds: (performance.now() - clock) / 1000,
      citizens: CITIZENS,
      repetitions: REPETITIONS,
      concurrencies: CONCURRENCIES,
      updatesPerJourney,
      warmUp: { journeys: WARM_UP, concurrency: WARM_UP_CONCURRENCY },
      runs,
      sql,
      calls,
      cpuCap: cpuCapReport,
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
        memoryGiB: os.totalmem() / 2 ** 30,
        node: process.version,
        loadBefore,
        loadAfter: os.loadavg(),
      },
    };
    const text = renderReport(report);
    console.log(`\n${text}\n`);
    if (OUT !== "-") {
      await writeSection(OUT, text);
      log(`written to ${OUT}`);
    }
  } catch (error) {
    // A journey that met the bot's apology says only its reference: the bots' own last lines say what failed.
    for (const target of targets) for (const bot of target.processes) log(`--- last lines of ${bot.name}:\n${bot.tail()}`);
    throw error;
  } finally {
    await Promise.all(targets.map((t) => t.close().catch((error: unknown) => log(`closing ${t.name}: ${String(error)}`))));
    cpuCap?.close();
  }
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

// BENCH_LONG=1: the long-conversation measurement instead (scripts/bench-journeys/long-conversation.ts).
const chosen = process.env.BENCH_LONG === "1" ? import("./long-conversation.js").then(() => new Promise<void>(() => {})) : main();
void chosen.then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
