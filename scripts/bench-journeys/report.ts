// The journey bench's report: min/median/max of each figure over the repetitions, the ratios, the targets, in Markdown.
import { writeBenchSection } from "../bench-sections.js";
import { percentile } from "./measures.js";
import { SERVICE_NODE_FLAGS } from "./processes.js";
import type { RunFigures } from "./run.js";

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  loadBefore: number[];
  loadAfter: number[];
}

export interface SqlFigure {
  target: string;
  journeys: number;
  transactions: number;
}

export interface Report {
  startedAt: Date;
  durationSeconds: number;
  citizens: number;
  repetitions: number;
  concurrencies: number[];
  updatesPerJourney: number;
  /** Journeys each target ran, and at what concurrency, before anything was measured. */
  warmUp: { journeys: number; concurrency: number };
  runs: RunFigures[];
  sql: SqlFigure[];
  machine: Machine;
  calls: Record<string, number>;
  /** The capped targets' cpu quota per instance and how it was set, or why they were skipped; absent when not asked for. */
  cpuCap?: { cores: number; how: string } | { skipped: string };
}

type Figure = keyof RunFigures;
const FIGURES: Array<[Figure, string, number]> = [
  ["updatesPerSecond", "updates/s", 0],
  ["journeysPerSecond", "journeys/s", 1],
  ["replyP50", "message → reply p50 ms", 0],
  ["replyP95", "message → reply p95 ms", 0],
  ["replyP99", "message → reply p99 ms", 0],
  ["paymentP50", "payment → tracking code p50 ms", 0],
  ["paymentP99", "payment → tracking code p99 ms", 0],
  ["payLegP50", "… pay → redirect p50 ms", 0],
  ["callbackLegP50", "… callback page p50 ms", 0],
  ["toMessageLegP50", "… callback page → message p50 ms", 0],
  ["toMessageLegP99", "… callback page → message p99 ms", 0],
  ["botCpuPerUpdate", "bot CPU ms/update", 2],
  ["harnessCpuPerUpdate", "harness CPU ms/update", 2],
  ["postgresCpuPerUpdate", "PostgreSQL CPU ms/update", 2],
  ["redisCpuPerUpdate", "Redis CPU ms/update", 2],
  ["machineBusyCores", "machine cores busy (all processes)", 2],
  ["throttledPercent", "capped: % of the quota's periods throttled", 0],
  ["rssMb", "bot RSS MB (largest instance)", 0],
  ["chatBytesInFlight", "Redis bytes of a chat at the summary", 0],
  ["conversationBytesInFlight", "… of which conversation state", 0],
  ["bytesLeftPerJourney", "Redis bytes left per journey", 0],
];

const fmt = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–";

/** "median (min–max)" of values, or the one value. */
function spread(values: number[], digits: number): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return "–";
  const median = percentile(finite, 50);
  if (finite.length === 1) return fmt(median, digits);
  return `${fmt(median, digits)} (${fmt(Math.min(...finite), digits)}–${fmt(Math.max(...finite), digits)})`;
}

const runsOf = (report: Report, target: string, concurrency: number) => report.runs.filter((r) => r.target === target && r.concurrency === concurrency);

/** Per repetition i, a's figure ÷ b's (same concurrency); the ratios' spread. */
function ratio(report: Report, a: string, b: string, concurrency: number, figure: Figure = "updatesPerSecond"): number[] {
  const as = runsOf(report, a, concurrency);
  const bs = runsOf(report, b, concurrency);
  return as.slice(0, bs.length).map((run, i) => (run[figure] as number) / (bs[i]![figure] as number));
}

export const POLLING = "journey, polling";
export const WEBHOOK = "journey, webhook";
export const WEBHOOK_2 = "journey, webhook × 2";
/** The same webhook targets with each instance under a cpu quota of its own (Report.cpuCap). */
export const WEBHOOK_CAPPED = "journey, webhook, capped";
export const WEBHOOK_2_CAPPED = "journey, webhook × 2, capped";
export const ECHO = "bare grammY echo";
export const FORM = "bare conversations + Redis form";
/** The same bare form on Node's default flags: the baseline as the issue measured it. */
export const FORM_DEFAULT = `${FORM}, default node`;

export function renderReport(report: Report): string {
  const targets = [...new Set(report.runs.map((r) => r.target))];
  const lines: string[] = [];
  const m = report.machine;
  lines.push(
    `Written by \`npm run bench:journeys\` (scripts/bench-journeys/) on ${report.startedAt.toISOString()}; the whole run took ${Math.round(report.durationSeconds)} s.`,
    "",
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB; Node.js ${m.node}; PostgreSQL and Redis on the same machine.`,
    `- Load average (1/5/15 min) ${m.loadBefore.map((l) => l.toFixed(2)).join(" / ")} before, ${m.loadAfter.map((l) => l.toFixed(2)).join(" / ")} after: a shared machine, so absolute figures move between runs; the ratios are measured back to back in one run.`,
    `- ${report.citizens} citizens per run, ${report.repetitions} repetition(s) of each (target, concurrency), interleaved; each cell is median (min–max) over the repetitions. Before them every target ran ${report.warmUp.journeys} warm-up journeys at concurrency ${report.warmUp.concurrency}, not measured.`,
    `- A journey: /start, pre-registration with typed answers (national ID, birth date, landline, postal code in Persian digits for half the citizens) and buttons (reply keyboards, the shared contact), the summary, the payment on the sandbox page over HTTP (page, pay, callback: 3 requests), the tracking-code message from the outbox, the status check with national ID and tracking code: ${report.updatesPerJourney} updates. The echo target gets as many texts per citizen; the bare form asks the same number of steps (typed answers under a reply keyboard, every third an inline button).`,
    "",
  );
  for (const concurrency of report.concurrencies) {
    lines.push(`### Concurrency ${concurrency}`, "", `| figure | ${targets.join(" | ")} |`, `| --- |${targets.map(() => " --- |").join("")}`);
    for (const [figure, label, digits] of FIGURES) {
      const cells = targets.map((t) =>
        spread(
          runsOf(report, t, concurrency).map((r) => r[figure] as number),
          digits,
        ),
      );
      if (cells.every((c) => c === "–")) continue;
      lines.push(`| ${label} | ${cells.join(" | ")} |`);
    }
    lines.push("");
  }
  lines.push(
    "### Ratios (updates/s, per repetition)",
    "",
    `| ratio | ${report.concurrencies.map((c) => `c=${c}`).join(" | ")} |`,
    `| --- |${report.concurrencies.map(() => " --- |").join("")}`,
  );
  const ratioRow = (label: string, a: string, b: string) => {
    if (!targets.includes(a) || !targets.includes(b)) return;
    lines.push(`| ${label} | ${report.concurrencies.map((c) => spread(ratio(report, a, b, c), 3)).join(" | ")} |`);
  };
  ratioRow("journey (polling) ÷ bare echo", POLLING, ECHO);
  ratioRow("journey (polling) ÷ bare form", POLLING, FORM);
  ratioRow("journey (webhook) ÷ bare form", WEBHOOK, FORM);
  ratioRow("journey (polling) ÷ bare form on default node", POLLING, FORM_DEFAULT);
  ratioRow("journey (webhook) ÷ bare form on default node", WEBHOOK, FORM_DEFAULT);
  ratioRow("webhook × 2 ÷ webhook × 1, uncapped", WEBHOOK_2, WEBHOOK);
  const cap = report.cpuCap && "cores" in report.cpuCap ? report.cpuCap : undefined;
  if (cap) ratioRow(`webhook × 2 ÷ webhook × 1, each instance capped at ${cap.cores} cores`, WEBHOOK_2_CAPPED, WEBHOOK_CAPPED);
  lines.push("");
  if (report.sql.length > 0) {
    lines.push("### SQL transactions per journey", "");
    for (const s of report.sql) {
      lines.push(
        `- ${s.target}: ${fmt(s.transactions / s.journeys, 1)} (${s.transactions.toLocaleString("en-US")} transactions over ${s.journeys.toLocaleString("en-US")} journeys)`,
      );
    }
    lines.push(
      "- pg_stat_database xact_commit + xact_rollback of the target's own database, read after its instances exited (a backend reports",
      "  its counts on exit, or up to 10 s late while idle), minus the harness's set-up and one start-and-stop of the same instances.",
      "  It includes what the background jobs (outbox, reconciler, sweepers) did while the runs went on, and the warm-up journeys.",
      "",
    );
  }
  lines.push(...targetLines(report), "");
  lines.push(
    "### How it is measured",
    "",
    "- The fake Bot API (scripts/bench-journeys/fake-bot-api.ts, node:http) answers the bot's calls on loopback and records each message per chat; a citizen acts when the answer arrives (an event, no sleeps). Harness CPU per update is process.cpuUsage() of the bench process (fake + all citizens).",
    "- message → reply: from handing an update over (queued for getUpdates, or POSTed to the webhook) to the bot's first call in that chat after it. payment → tracking code: from the POST that pays on the sandbox page to the tracking-code message.",
    `- Every bot process, the bare ones too, runs with the node flags \`npm start\` gives the service (package.json's config.node_flags): ${SERVICE_NODE_FLAGS.join(" ") || "none"}.`,
    "- Bot CPU per update: utime + stime from /proc/<pid>/stat of the bot process(es) before and after the run ÷ updates. RSS: VmRSS after the run. Machine cores busy: /proc/stat's busy time (all processes, every core) over the run ÷ its length.",
    "- PostgreSQL and Redis CPU per update: utime + stime of every postgres and redis-server process (and what the postmaster reaped from backends that ended) before and after the run ÷ updates. Every target's bots stay up for the whole bench, so a run also counts the other targets' background work (autovacuum of their databases, their pooled connections closing, their outbox and job polling): that is what the bare targets' PostgreSQL figures are.",
    "- payment → tracking code in legs: pay → redirect (the sandbox page's POST up to its 303), the callback page (the gateway's verify and the settle transaction, in the bot's HTTP server), and from the callback page's end to the message (the outbox's transactional lane: claim, send).",
    "- Redis: MEMORY USAGE of the keys of a sampled chat (5 per run) when it reaches the summary, and the sum over the target's key prefix before and after the run ÷ journeys.",
    "- Webhook: updates go to each instance's own address (chat id modulo instances), up to the max_connections its setWebhook asked for (the platform's default 40 without it) per instance; a chat's updates one after another.",
    ...capLines(report),
    `- Bot API methods called: ${Object.entries(report.calls)
      .map(([method, n]) => `${method} ${n.toLocaleString("en-US")}`)
      .join(", ")}.`,
  );
  return lines.join("\n");
}

/**
 * Machine cores one uncapped webhook instance kept busy at the top concurrency (all processes), and whether 1.5 ×
 * its throughput would need more cores than the machine has (taking every busy core to grow with the updates).
 */
function uncappedHeadroom(report: Report): { oneBusy: number; needed: number; boundByMachine: boolean | undefined } {
  const oneBusy = percentile(
    runsOf(report, WEBHOOK, Math.max(...report.concurrencies))
      .map((r) => r.machineBusyCores)
      .filter(Number.isFinite),
    50,
  );
  const needed = 1.5 * oneBusy;
  return { oneBusy, needed, boundByMachine: Number.isFinite(oneBusy) ? needed > report.machine.cores : undefined };
}

/** What the capped targets' cpu quota is, why, how it is set, and whether it was reached (per instance, over the measured runs). */
function capLines(report: Report): string[] {
  if (!report.cpuCap) return [];
  if ("skipped" in report.cpuCap) return [`- Capped targets (each instance under a cpu quota of its own): skipped, ${report.cpuCap.skipped}.`];
  const { cores, how } = report.cpuCap;
  const lines = [
    `- Capped targets (${WEBHOOK_CAPPED}; ${WEBHOOK_2_CAPPED}): each bot instance runs in a cgroup of its own with a cpu quota of ${cores} cores (${how}: ${fmt(cores * 100, 0)} ms of CPU per 100 ms period), as if it had a small machine of its own, as each instance has its own cores in production. One instance is then bound by its quota and a second adds its own. Why: uncapped, the instances share the machine's ${report.machine.cores} cores with PostgreSQL, Redis and the harness${machineNote(report)}. The uncapped ratio stays reported next to the capped one.`,
    "  Only the bot processes are capped (PostgreSQL, Redis and the harness are not); each is moved into its group right after the spawn, so its start-up runs capped too. Bot CPU per update is read from /proc/<pid>/stat as for every target.",
  ];
  const perInstance: string[] = [];
  for (const target of [WEBHOOK_CAPPED, WEBHOOK_2_CAPPED]) {
    const runs = report.runs.filter((r) => r.target === target && r.instanceThrottling);
    const instances = Math.max(0, ...runs.map((r) => r.instanceThrottling!.length));
    for (let i = 0; i < instances; i++) {
      const periods = runs.reduce((sum, r) => sum + (r.instanceThrottling![i]?.periods ?? 0), 0);
      const throttled = runs.reduce((sum, r) => sum + (r.instanceThrottling![i]?.throttled ?? 0), 0);
      perInstance.push(
        `${target} #${i + 1} ${throttled.toLocaleString("en-US")} of ${periods.toLocaleString("en-US")} (${fmt((throttled / periods) * 100, 0)} %)`,
      );
    }
  }
  if (perInstance.length > 0) {
    lines.push(
      `  Whether the quota bound: periods in which it ran out, of the 100 ms periods with work, over the measured runs (cpu.stat nr_throttled of nr_periods): ${perInstance.join("; ")}.`,
    );
  }
  return lines;
}

/** Median of the finite values (NaN when there are none). */
function med(values: number[]): number {
  return percentile(values.filter(Number.isFinite), 50);
}

/** The issue's targets this bench can judge, met or not. */
function targetLines(report: Report): string[] {
  const top = Math.max(...report.concurrencies);
  const journeyRuns = report.runs.filter((r) => r.target === POLLING || r.target === WEBHOOK);
  const verdict = (ok: boolean | undefined) => (ok === undefined ? "not measured" : ok ? "met" : "not met");
  const formRatio = med(report.concurrencies.flatMap((c) => ratio(report, POLLING, FORM, c)));
  const defaultFormRatio = med(report.concurrencies.flatMap((c) => ratio(report, POLLING, FORM_DEFAULT, c)));
  const cpu = med(journeyRuns.map((r) => r.botCpuPerUpdate));
  const payP99 = med(runsOf(report, POLLING, top).map((r) => r.paymentP99));
  const replyP99 = med(runsOf(report, POLLING, top).map((r) => r.replyP99));
  const state = Math.max(...journeyRuns.map((r) => r.conversationBytesInFlight).filter(Number.isFinite));
  const scaling = med(ratio(report, WEBHOOK_2, WEBHOOK, top));
  const formReplyP99 = med(runsOf(report, FORM, top).map((r) => r.replyP99));
  const pollingRate = med(runsOf(report, POLLING, top).map((r) => r.updatesPerSecond));
  const reference = (label: string, value: number, unit: string) =>
    Number.isFinite(value) ? `; ${label}: ${`${fmt(value, unit === "ms" ? 0 : 2)} ${unit}`.trim()}` : "";
  const known = (value: number) => (Number.isFinite(value) ? value : undefined);
  const check = (value: number, ok: (v: number) => boolean) => verdict(known(value) === undefined ? undefined : ok(value));
  return [
    "### The issue's targets (issue 13)",
    "",
    `- journey ≥ 0.6 × bare conversations + Redis form (both on the service's node flags): ${fmt(formRatio, 3)}, ${check(formRatio, (v) => v >= 0.6)}${reference("against the bare form on Node's default flags", defaultFormRatio, "")}.`,
    ...machineShareLines(report, top),
    `- bot CPU ≤ 1 ms per update: ${fmt(cpu, 2)} ms, ${check(cpu, (v) => v <= 1)}.`,
    `- payment → tracking code p99 ≤ 1 s at c=${top}: ${fmt(payP99, 0)} ms, ${check(payP99, (v) => v <= 1000)}.`,
    `- message → reply p99 ≤ 250 ms at c=${top}: ${fmt(replyP99, 0)} ms, ${check(replyP99, (v) => v <= 250)}${reference("the bare conversations + Redis form in the same run", formReplyP99, "ms")}.`,
    `  Each citizen answers the moment the reply arrives (a closed loop without pauses), so at c=${top} the mean wait is about c ÷ updates/s by Little's law (${fmt((top / pollingRate) * 1000, 0)} ms at ${fmt(pollingRate, 0)} updates/s): a 250 ms mean alone needs ${fmt(top / 0.25, 0)} updates/s.`,
    `- conversation state ≤ 8 KB (largest median at the summary, Redis MEMORY USAGE): ${fmt(state, 0)} bytes, ${check(state, (v) => v <= 8192)}.`,
    `- 2 instances ≥ 1.5 × one in webhook mode (c=${top}); the global bulk budget is not exercised by this bench:`,
    `  - ${cappedScalingLine(report, top)}`,
    `  - ${uncappedScalingLine(report, scaling)}`,
    "- CPU per update flat in conversation length (15 → 195 updates): not measured here (the shipped journey has a fixed length).",
    "- booking stampede and fan-out: not measured here (`npm run bench:booking` and their own benches).",
  ];
}

/** Where the machine's time goes per update, journey (polling) against the bare form at concurrency `top`. */
function machineShareLines(report: Report, top: number): string[] {
  const of = (target: string) => {
    const runs = runsOf(report, target, top);
    const figure = (pick: (r: RunFigures) => number) => med(runs.map(pick));
    const machine = figure((r) => (r.machineBusyCores / r.updatesPerSecond) * 1000);
    return {
      machine,
      bot: figure((r) => r.botCpuPerUpdate),
      postgres: figure((r) => r.postgresCpuPerUpdate),
      redis: figure((r) => r.redisCpuPerUpdate),
      harness: figure((r) => r.harnessCpuPerUpdate),
    };
  };
  const journey = of(POLLING);
  const form = of(FORM);
  if (!Number.isFinite(journey.machine) || !Number.isFinite(form.machine)) return [];
  const line = (r: ReturnType<typeof of>) =>
    `bot ${fmt(r.bot, 2)}, PostgreSQL ${fmt(r.postgres, 2)}, Redis ${fmt(r.redis, 2)}, harness ${fmt(r.harness, 2)}; the machine ${fmt(r.machine, 2)}`;
  return [
    `  The machine's CPU per update at c=${top} in ms (medians; the machine: cores busy ÷ updates/s, every process and steal): journey ${line(journey)}; bare form ${line(form)}. All of it shares the machine's ${report.machine.cores} cores, so the throughput ratio follows these totals. The bare form runs no SQL: its PostgreSQL figure is the other targets' background work during its runs (autovacuum of their databases, their pooled connections closing).`,
  ];
}

/** The capped 2-instances ratio, the scaling measurement, with what says whether the quota (and not the machine) bound it. */
function cappedScalingLine(report: Report, top: number): string {
  if (!report.cpuCap) return "each instance capped (the scaling measurement): not measured (BENCH_TARGETS without webhook-capped and webhook2-capped).";
  if ("skipped" in report.cpuCap) return `each instance capped (the scaling measurement): not measured (${report.cpuCap.skipped}).`;
  const scaling = med(ratio(report, WEBHOOK_2_CAPPED, WEBHOOK_CAPPED, top));
  const capped = `each instance capped at ${report.cpuCap.cores} cores (the scaling measurement)`;
  if (!Number.isFinite(scaling)) return `${capped}: not measured.`;
  const oneThrottled = med(runsOf(report, WEBHOOK_CAPPED, top).map((r) => r.throttledPercent));
  const twoThrottled = med(runsOf(report, WEBHOOK_2_CAPPED, top).map((r) => r.throttledPercent));
  const twoBusy = med(runsOf(report, WEBHOOK_2_CAPPED, top).map((r) => r.machineBusyCores));
  const cores = report.machine.cores;
  const notes = [`the quota ran out in ${fmt(oneThrottled, 0)} % of the periods with work with one instance, ${fmt(twoThrottled, 0)} % with two`];
  if (oneThrottled < 5) notes.push("one instance hardly reached its quota, so this ratio does not show how the bot scales");
  if (twoBusy >= 0.9 * cores)
    notes.push(
      `the machine was nearly full with two capped instances too (${fmt(twoBusy, 2)} of ${cores} cores busy), so this ratio may be bound by it as well`,
    );
  return `${capped}: ${fmt(scaling, 2)}, ${scaling >= 1.5 ? "met" : "not met"}; ${notes.join("; ")}.`;
}

/** The uncapped 2-instances ratio, and whether this machine could have given 1.5 × one at all. */
function uncappedScalingLine(report: Report, scaling: number): string {
  const verdict = Number.isFinite(scaling) ? (scaling >= 1.5 ? "met" : "not met") : "not measured";
  return `uncapped: ${fmt(scaling, 2)}, ${verdict}${machineNote(report)}.`;
}

/** Whether one uncapped instance left this machine room for 1.5 × its throughput ("" when webhook was not measured). */
function machineNote(report: Report): string {
  const { oneBusy, needed, boundByMachine } = uncappedHeadroom(report);
  const cores = report.machine.cores;
  if (boundByMachine === undefined) return "";
  return boundByMachine
    ? `; bound by this machine: one instance kept ${fmt(oneBusy, 2)} of the machine's ${cores} cores busy (with PostgreSQL, Redis and the harness), 1.5 × that throughput needs about ${fmt(needed, 2)} cores`
    : `; one instance kept ${fmt(oneBusy, 2)} of the ${cores} cores busy, so the machine had room for 1.5 ×`;
}

/** Replaces the journeys section of BENCHMARKS.md (appends it the first time); the rest is left as is. */
export function writeSection(path: string, body: string): Promise<void> {
  return writeBenchSection(path, "journeys", `## Full journeys\n\n${body}`);
}
