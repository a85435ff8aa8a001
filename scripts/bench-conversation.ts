// `npm run bench:conversation`: what one conversation costs as it grows: CPU per update and stored state bytes
// of a pre-registration lengthened by summary corrections to 15, 105 and 195 updates; prints and writes the
// "Conversation cost" section of BENCHMARKS.md (between its markers, other sections left as they are).
//
// The real bot in this process (tests/support/fast-bot.ts: createBot with the app's wiring, bot.handleUpdate,
// every Bot API call answered in process) on the local PostgreSQL and Redis. Each update is a realistic one the
// flow accepts: the answers up to the summary, then "change the address" + a new address, again and again, then
// confirm (the application is saved and the payment started). CPU is process.cpuUsage() around each update
// (user + system, this process only: the bot, the in-process Bot API answers, the ioredis and pg clients).
// Settings (environment): BENCH_REPEATS journeys per length (default 3), BENCH_OUT (default BENCHMARKS.md; "-" prints only).
import { writeBenchSection } from "./bench-sections.js";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { upsertRegistryRecords } from "../src/infrastructure/database/reference-data.js";
import setup from "../tests/support/global-setup.js";
import { startFastBot, type FastBot, type FastUser } from "../tests/support/fast-bot.js";
import { REDIS_URL } from "../tests/support/services.js";

const LENGTHS = [15, 105, 195];
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const OUT = process.env.BENCH_OUT ?? fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));
/** Updates before the summary (the /start, the menu button and the 10 answers) and the confirm after it. */
const TO_SUMMARY = 12;
/** The updates measured for "CPU per update at length L": the last ones before the confirm. */
const WINDOW = 10;

/**
 * The same bench on main at 411264f, before the journeys kept their answers outside the replay log (every
 * answer, call and Bot API result in the log, replayed on each update), for comparison.
 */
const BEFORE = [
  "Before (main at 411264f, answers in the replay log; this script, this machine, 2026-12-01, load 0.81–1.45):",
  "",
  "| updates | CPU ms/update, last 10 | CPU ms/update, whole | state at summary (B) | state before confirm (B) | max state (B) |",
  "|---|---|---|---|---|---|",
  "| 15 | 3.64 (3.45–7.53) | 4.77 | 20920 | 23698 | 23725 |",
  "| 105 | 24.08 (20.85–36.44) | 16.10 | 20920 | 149101 | 149308 |",
  "| 195 | 47.41 (35.66–51.76) | 24.11 | 20920 | 274863 | 274948 |",
  "",
  "- then: CPU per update 195 / 15 updates 13.04 (last 10), 5.05 (whole journey); largest state 268.5 KB.",
];

interface Journey {
  length: number;
  /** CPU ms of each update, in order. */
  cpuMs: number[];
  /** Largest stored bytes of this chat's conversation (and draft, if any) seen after any update. */
  maxStateBytes: number;
  /** Stored bytes after the 12th update (the summary shown). */
  summaryStateBytes: number;
  /** Stored bytes just before the confirm. */
  lastStateBytes: number;
}

/** A valid national ID from nine digits (its check digit computed as the registry does). */
function nationalIdFrom(nine: string): string {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const r = sum % 11;
  return nine + String(r < 2 ? r : 11 - r);
}

async function stateBytes(redis: Redis, bot: FastBot, chatId: number): Promise<number> {
  // The conversation's replay log, and anything else kept for this chat's journey in flight (a draft of answers).
  const keys = [...(await bot.redisKeys(`*conversation:${chatId}`)), ...(await bot.redisKeys(`*draft:*${chatId}`))];
  let bytes = 0;
  for (const key of keys) bytes += await redis.strlen(key).catch(async () => Number(await redis.memory("USAGE", key)));
  return bytes;
}

async function runJourney(bot: FastBot, redis: Redis, user: FastUser, nationalId: string, length: number): Promise<Journey> {
  const corrections = (length - TO_SUMMARY - 1) / 2;
  if (!Number.isInteger(corrections) || corrections < 0) throw new Error(`length ${length}: 12 + 2 × corrections + 1`);
  const steps: Array<() => Promise<unknown>> = [
    () => user.say("/start"),
    () => user.press("📝 پیش‌ثبت‌نام"),
    () => user.say(nationalId),
    () => user.say("1370/05/12"),
    () => user.press("خیر، ساکن ایران هستم"),
    () => user.press("✅ بله، درست است"),
    () => user.press("📱 ارسال شماره‌ی من", { phoneNumber: "+989121234567" }),
    () => user.say("02188776655"),
    () => user.say("13456-78911"),
    () => user.say("خیابان آزادی، کوچه‌ی دوازدهم، پلاک ۳، واحد ۴"),
    () => user.press("تهران"),
    () => user.say("تهران"),
  ];
  const changeAddress = bot.translate("prereg-edit", { field: bot.translate("prereg-field-address") });
  for (let i = 0; i < corrections; i++) {
    steps.push(() => user.press(changeAddress));
    steps.push(() => user.say(`خیابان آزادی، کوچه‌ی ${i + 1}، پلاک ۳، واحد ۴`));
  }
  steps.push(() => user.press(bot.translate("prereg-confirm")));

  const journey: Journey = { length, cpuMs: [], maxStateBytes: 0, summaryStateBytes: 0, lastStateBytes: 0 };
  for (const [i, step] of steps.entries()) {
    const before = process.cpuUsage();
    await step();
    const used = process.cpuUsage(before);
    journey.cpuMs.push((used.user + used.system) / 1000);
    const bytes = await stateBytes(redis, bot, user.id);
    journey.maxStateBytes = Math.max(journey.maxStateBytes, bytes);
    if (i === TO_SUMMARY - 1) journey.summaryStateBytes = bytes;
    if (i === steps.length - 2) journey.lastStateBytes = bytes;
  }
  const last = user.lastReply().text ?? "";
  if (!last.includes("مبلغ") && !user.replies.slice(-3).some((reply) => reply.text?.includes("مبلغ"))) {
    throw new Error(`journey of ${length} did not reach the payment: last reply ${JSON.stringify(last.slice(0, 80))}`);
  }
  return journey;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (value: number, digits = 2) => value.toFixed(digits);

async function main(): Promise<void> {
  const teardown = await setup();
  const bot = await startFastBot();
  const redis = new Redis(REDIS_URL);
  const load = os.loadavg()[0]!;
  try {
    const journeys = LENGTHS.length * REPEATS + 1;
    const ids = Array.from({ length: journeys }, (_, i) => nationalIdFrom(String(123456000 + i * 7).padStart(9, "0")));
    await upsertRegistryRecords(
      bot.database,
      ids.map((nationalId, i) => ({ nationalId, birthDate: "1370/05/12", firstName: "علی", lastName: `محمدی${i}`, fatherName: "حسن" })),
    );
    // Warm-up: the first journey pays for compiling and the connection pools.
    await runJourney(bot, redis, bot.user(700_000), ids[0]!, 15);
    const results = new Map<number, Journey[]>();
    let n = 1;
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const length of LENGTHS) {
        const journey = await runJourney(bot, redis, bot.user(700_000 + n), ids[n]!, length);
        n++;
        results.set(length, [...(results.get(length) ?? []), journey]);
        console.log(`length ${length}: mean ${fmt(mean(journey.cpuMs))} ms/update, max state ${journey.maxStateBytes} B`);
      }
    }

    const rows = LENGTHS.map((length) => {
      const list = results.get(length)!;
      const windowed = list.map((j) => mean(j.cpuMs.slice(-1 - WINDOW, -1)));
      const whole = list.map((j) => mean(j.cpuMs));
      return {
        length,
        window: median(windowed),
        windowMin: Math.min(...windowed),
        windowMax: Math.max(...windowed),
        whole: median(whole),
        maxState: Math.max(...list.map((j) => j.maxStateBytes)),
        summaryState: median(list.map((j) => j.summaryStateBytes)),
        lastState: median(list.map((j) => j.lastStateBytes)),
      };
    });
    const first = rows[0]!;
    const longest = rows.at(-1)!;
    const maxState = Math.max(...rows.map((row) => row.maxState));
    const report = [
      "## Conversation cost",
      "",
      `Written by \`npm run bench:conversation\` (scripts/bench-conversation.ts) on ${new Date().toISOString()}; ` +
        `${os.cpus().length} cores, 1-minute load ${fmt(load)} at the start and ${fmt(os.loadavg()[0]!)} at the end; Node.js ${process.version}.`,
      "",
      "One citizen's pre-registration in the real bot in process (bot.handleUpdate, Bot API answered in process, local PostgreSQL",
      "and Redis), lengthened by summary corrections (change the address, type a new one) to 15, 105 and 195 updates, then",
      `confirmed (saved, payment started). CPU is process.cpuUsage() around each update; "last ${WINDOW}" is the mean of the`,
      `${WINDOW} updates before the confirm (the cost of an update at that length), "whole" the mean over the journey. State is`,
      "the STRLEN of the chat's conversation key plus its draft of answers, read after every update. Median (min–max) of",
      `${REPEATS} journeys per length, after one warm-up journey.`,
      "",
      "| updates | CPU ms/update, last 10 | CPU ms/update, whole | state at summary (B) | state before confirm (B) | max state (B) |",
      "|---|---|---|---|---|---|",
      ...rows.map(
        (row) =>
          `| ${row.length} | ${fmt(row.window)} (${fmt(row.windowMin)}–${fmt(row.windowMax)}) | ${fmt(row.whole)} | ${row.summaryState} | ${row.lastState} | ${row.maxState} |`,
      ),
      "",
      `- CPU per update, ${longest.length} / ${first.length} updates: ${fmt(longest.window / first.window)} (last 10), ` +
        `${fmt(longest.whole / first.whole)} (whole journey); target ≤ 1.5.`,
      `- Largest stored state of the conversation in flight at any step: ${maxState} bytes (${fmt(maxState / 1024, 1)} KB); target ≤ 8 KB.`,
      "",
      ...BEFORE,
    ].join("\n");
    console.log(report);
    if (OUT !== "-") {
      await writeBenchSection(OUT, "conversation", report);
      console.log(`written to ${OUT}`);
    }
  } finally {
    redis.disconnect();
    await bot.close();
    await teardown();
  }
}

await main();
process.exit(process.exitCode ?? 0);
