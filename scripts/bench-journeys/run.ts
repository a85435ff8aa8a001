// One measured run: N citizens through one target at a given concurrency, with every figure of that run.
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { runBareForm, runEchoes } from "./bare-journeys.js";
import type { Citizen } from "./citizens.js";
import type { Throttling } from "./cpu-cap.js";
import { type JourneyMetrics, runJourney } from "./journey.js";
import type { LocaleTexts } from "./locale-texts.js";
import { memoryOfChat, memoryUnder, percentile } from "./measures.js";
import { cpuMsOf, machineBusyMsSoFar, rssOf, serviceCpuMsSoFar } from "./processes.js";
import { REDIS_URL, type Target } from "./targets.js";

export interface RunFigures {
  target: string;
  concurrency: number;
  journeys: number;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  journeysPerSecond: number;
  replyP50: number;
  replyP95: number;
  replyP99: number;
  paymentP50: number;
  paymentP99: number;
  /** payment → tracking code in legs (p50): pay → 303, the callback page, the callback page's end → the message. */
  payLegP50: number;
  callbackLegP50: number;
  toMessageLegP50: number;
  toMessageLegP99: number;
  /** Cores the whole machine kept busy during the run (bot, PostgreSQL, Redis, harness, anything else). */
  machineBusyCores: number;
  /** Bot process(es) CPU ms per update (all instances together). */
  botCpuPerUpdate: number;
  /** Harness process (fake Bot API + citizens) CPU ms per update. */
  harnessCpuPerUpdate: number;
  /** PostgreSQL's and Redis' CPU ms per update (all their processes on this machine; NaN when not local). */
  postgresCpuPerUpdate: number;
  redisCpuPerUpdate: number;
  /** Largest RSS of the bot process(es) after the run, MB. */
  rssMb: number;
  /** Redis bytes of one chat's keys at the summary (median of the sampled chats); conversation keys alone. */
  chatBytesInFlight: number;
  conversationBytesInFlight: number;
  /** Redis bytes under the bot's prefix added by the run ÷ journeys. */
  bytesLeftPerJourney: number;
  /**
   * Capped targets: per instance, the cpu quota's periods during the run in which it had work and in which the
   * quota ran out (cpu.stat); the throttled share over all instances in percent (NaN uncapped).
   */
  instanceThrottling?: Throttling[];
  throttledPercent: number;
  /** Methods the fake answered without knowing them. */
  unknownMethods: string[];
}

/** Chats whose Redis keys are measured at the summary (each costs a SCAN over the prefix). */
const SAMPLED_CHATS = 5;

/** Runs `citizens` through `target`, `concurrency` at a time; `echoUpdates` is the journey's update count (echo target). */
export async function runOnce(target: Target, texts: LocaleTexts, citizens: Citizen[], concurrency: number, echoUpdates: number): Promise<RunFigures> {
  const redis = new Redis(REDIS_URL);
  const metrics: JourneyMetrics = { reply: [], paymentToCode: [], paymentLegs: { pay: [], callback: [], toMessage: [] }, httpRequests: 0 };
  const inFlight: Array<{ chatBytes: number; conversationBytes: number }> = [];
  const sampled = new Set(citizens.slice(Math.floor(citizens.length / 2), Math.floor(citizens.length / 2) + SAMPLED_CHATS).map((c) => c.chatId));
  try {
    const memoryBefore = await memoryUnder(redis, target.redisPrefix);
    const pids = target.processes.map((p) => p.child.pid!);
    const cpuBefore = pids.map(cpuMsOf);
    const throttlingBefore = target.cpuGroups?.map((group) => group.throttling());
    const harnessBefore = process.cpuUsage();
    const machineBefore = machineBusyMsSoFar();
    const servicesBefore = serviceCpuMsSoFar();
    const updatesBefore = target.api.updatesSent;
    const started = performance.now();

    const hooks = {
      botHttpFor: target.botHttpFor,
      atSummary: async (chatId: number, visit: number) => {
        if (visit === 1 && sampled.has(chatId)) inFlight.push(await memoryOfChat(redis, target.redisPrefix, chatId));
        return undefined;
      },
    };
    const one = (citizen: Citizen): Promise<number> => {
      if (target.kind === "journey") return runJourney(target.api, texts, citizen, hooks, metrics);
      if (target.kind === "echo") return runEchoes(target.api, citizen.chatId, echoUpdates, metrics);
      return runBareForm(target.api, citizen.chatId, metrics);
    };
    let next = 0;
    const worker = async () => {
      while (next < citizens.length) await one(citizens[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, citizens.length) }, worker));

    const seconds = (performance.now() - started) / 1000;
    const harness = process.cpuUsage(harnessBefore);
    const machineBusyMs = machineBusyMsSoFar() - machineBefore;
    const servicesAfter = serviceCpuMsSoFar();
    const cpuAfter = pids.map(cpuMsOf);
    const instanceThrottling = target.cpuGroups?.map((group, i) => {
      const [after, before] = [group.throttling(), throttlingBefore![i]!];
      return { periods: after.periods - before.periods, throttled: after.throttled - before.throttled };
    });
    const sumOf = (key: keyof Throttling) => (instanceThrottling ?? []).reduce((sum, t) => sum + t[key], 0);
    const updates = target.api.updatesSent - updatesBefore;
    const memoryAfter = await memoryUnder(redis, target.redisPrefix);
    const median = (values: number[]) => percentile(values, 50);
    return {
      target: target.name,
      concurrency,
      journeys: citizens.length,
      updates,
      seconds,
      updatesPerSecond: updates / seconds,
      journeysPerSecond: citizens.length / seconds,
      replyP50: percentile(metrics.reply, 50),
      replyP95: percentile(metrics.reply, 95),
      replyP99: percentile(metrics.reply, 99),
      paymentP50: percentile(metrics.paymentToCode, 50),
      paymentP99: percentile(metrics.paymentToCode, 99),
      payLegP50: percentile(metrics.paymentLegs.pay, 50),
      callbackLegP50: percentile(metrics.paymentLegs.callback, 50),
      toMessageLegP50: percentile(metrics.paymentLegs.toMessage, 50),
      toMessageLegP99: percentile(metrics.paymentLegs.toMessage, 99),
      machineBusyCores: machineBusyMs / 1000 / seconds,
      botCpuPerUpdate: cpuAfter.reduce((sum, after, i) => sum + after - cpuBefore[i]!, 0) / updates,
      harnessCpuPerUpdate: (harness.user + harness.system) / 1000 / updates,
      postgresCpuPerUpdate: (servicesAfter.postgres - servicesBefore.postgres) / updates,
      redisCpuPerUpdate: (servicesAfter.redis - servicesBefore.redis) / updates,
      rssMb: Math.max(...pids.map(rssOf)) / 2 ** 20,
      chatBytesInFlight: median(inFlight.map((m) => m.chatBytes)),
      conversationBytesInFlight: median(inFlight.map((m) => m.conversationBytes)),
      bytesLeftPerJourney: (memoryAfter.bytes - memoryBefore.bytes) / citizens.length,
      instanceThrottling,
      throttledPercent: instanceThrottling ? (sumOf("throttled") / sumOf("periods")) * 100 : Number.NaN,
      unknownMethods: [...target.api.unknownMethods],
    };
  } finally {
    redis.disconnect();
  }
}
