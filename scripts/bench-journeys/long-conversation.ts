// `BENCH_LONG=1 npm run bench:journeys`: bot CPU per update and conversation state as one conversation grows long.
//
// Every citizen goes to the summary and then changes its address again and again (two updates a round: the edit
// button, the new address), all in lockstep: at checkpoints every chat waits until all have arrived, so the bot's
// CPU between two checkpoints belongs to updates at one conversation length. Prints only (item 3 of issue 13
// compares these figures before and after its change).
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { makeCitizens } from "./citizens.js";
import { type JourneyMetrics, runJourney } from "./journey.js";
import { loadLocaleTexts } from "./locale-texts.js";
import { memoryOfChat, percentile } from "./measures.js";
import { cpuMsOf } from "./processes.js";
import { REDIS_URL, startRealBot } from "./targets.js";

const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 50);
/** Summary visits at which a window opens and closes: [open, close] pairs, 5 rounds (10 updates) each. */
const WINDOWS: Array<[number, number]> = [
  [1, 6],
  [46, 51],
  [91, 96],
];
const LAST_VISIT = WINDOWS.at(-1)![1];

/** All chats meet at a visit; the last to arrive runs `atAll` and lets everyone go on. */
function barrier(parties: number, atAll: (visit: number) => Promise<void>) {
  const waiting = new Map<number, { count: number; release: Promise<void>; open: () => void }>();
  return async (visit: number) => {
    let gate = waiting.get(visit);
    if (!gate) {
      let open = () => {};
      const release = new Promise<void>((resolve) => (open = resolve));
      gate = { count: 0, release, open };
      waiting.set(visit, gate);
    }
    gate.count++;
    if (gate.count === parties) {
      await atAll(visit);
      gate.open();
    }
    await gate.release;
  };
}

async function main(): Promise<void> {
  const texts = loadLocaleTexts();
  const citizens = makeCitizens(3_000_000, CITIZENS);
  const target = await startRealBot("journey, polling (long)", "polling", 1, citizens, {
    countTransactions: false,
    // About 200 updates a chat within a minute or two: above the per-user flood limit, which is not measured here.
    env: { FLOOD_LIMIT_PER_MINUTE: "100000" },
  });
  const redis = new Redis(REDIS_URL);
  try {
    const pid = target.processes[0]!.child.pid!;
    const marks = new Map<number, { cpu: number; updates: number; at: number; stateBytes: number }>();
    const sampledChat = citizens[0]!.chatId;
    const meet = barrier(citizens.length, async (visit) => {
      const state = await memoryOfChat(redis, target.redisPrefix, sampledChat);
      marks.set(visit, { cpu: cpuMsOf(pid), updates: target.api.updatesSent, at: performance.now(), stateBytes: state.conversationBytes });
    });
    const checkpoints = new Set(WINDOWS.flat());
    const editAddress = texts.label("prereg-edit", { field: texts.label("prereg-field-address") });
    const metrics: JourneyMetrics = { reply: [], paymentToCode: [], paymentLegs: { pay: [], callback: [], toMessage: [] }, httpRequests: 0 };
    const hooks = {
      botHttpFor: target.botHttpFor,
      atSummary: async (_chatId: number, visit: number) => {
        if (checkpoints.has(visit)) await meet(visit);
        return visit < LAST_VISIT ? editAddress : undefined;
      },
    };
    const lengths = await Promise.all(citizens.map((citizen) => runJourney(target.api, texts, citizen, hooks, metrics)));
    console.log(`\n${CITIZENS} citizens in lockstep, ${percentile(lengths, 50)} updates per journey; each window is 5 rounds (10 updates per chat)\n`);
    console.log("| updates into the conversation | bot CPU ms/update | updates/s | conversation state bytes (one chat, at the window's start) |");
    console.log("| --- | --- | --- | --- |");
    for (const [open, close] of WINDOWS) {
      const a = marks.get(open)!;
      const b = marks.get(close)!;
      const updates = b.updates - a.updates;
      // Updates before the first summary: /start, the menu press and the questions (about 12); 2 per round after it.
      const from = Math.round(a.updates / CITIZENS);
      console.log(
        `| ${from} to ${from + Math.round(updates / CITIZENS)} | ${((b.cpu - a.cpu) / updates).toFixed(2)} | ${(updates / ((b.at - a.at) / 1000)).toFixed(0)} | ${a.stateBytes.toLocaleString("en-US")} |`,
      );
    }
  } finally {
    redis.disconnect();
    await target.close();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
