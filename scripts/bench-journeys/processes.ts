// Starting the bots under test as child processes (the real src/main.ts, or a bare bot), and reading their CPU and memory.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { CpuGroup } from "./cpu-cap.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface BotProcess {
  name: string;
  child: ChildProcess;
  /** The HTTP server's base URL (real bot only; from its start-up log line). */
  httpUrl: string;
  /** Last lines of its output, for a failure report. */
  tail(): string;
  stop(): Promise<void>;
}

/**
 * The node flags `npm start` runs the service with (package.json's config.node_flags). Every bot of the bench
 * gets them, the bare ones too: the ratios then compare code on the same runtime, not runtime settings.
 */
export const SERVICE_NODE_FLAGS: string[] = (
  (JSON.parse(readFileSync(`${REPO_ROOT}package.json`, "utf8")) as { config?: { node_flags?: string } }).config?.node_flags ?? ""
)
  .split(" ")
  .filter(Boolean);

/**
 * Spawns `node <service flags> --import tsx <script>` with `env` and resolves when it prints a line containing
 * `ready` (the real bot's "bot started" JSON line, or a bare bot's own line). `nodeFlags` [] runs it on Node's defaults.
 * `cpuGroup`: the process is moved into it right after the spawn (its start-up runs capped too); when that fails
 * the process is killed and the start fails, so that a capped target never runs uncapped.
 */
export function startProcess(
  name: string,
  script: string,
  env: Record<string, string>,
  ready: string,
  nodeFlags: string[] = SERVICE_NODE_FLAGS,
  cpuGroup?: CpuGroup,
): Promise<BotProcess> {
  // BENCH_NODE_ARGS: extra node flags for every bot process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile.
  const extra = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, ...extra, "--import", "tsx", script], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", IDCARD_IGNORE_DOTENV: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
  };
  createInterface({ input: child.stderr! }).on("line", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  if (cpuGroup) {
    try {
      cpuGroup.add(child.pid!);
    } catch (error) {
      child.kill("SIGKILL");
      return exited.then(() => Promise.reject(new Error(`${name}: cannot move pid ${child.pid} into ${cpuGroup.path}: ${(error as Error).message}`)));
    }
  }
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s:\n${lines.join("\n")}`)), 60_000);
    child.once("exit", (code) => {
      if (!started) reject(new Error(`${name} exited (${code}) before starting:\n${lines.join("\n")}`));
    });
    createInterface({ input: child.stdout! }).on("line", (line) => {
      keep(line);
      if (started || !line.includes(ready)) return;
      started = true;
      clearTimeout(timer);
      let httpUrl = "";
      try {
        httpUrl = String((JSON.parse(line) as { http?: string }).http ?? "");
      } catch {
        // a bare bot's plain line
      }
      resolve({
        name,
        child,
        httpUrl,
        tail: () => lines.join("\n"),
        async stop() {
          if (child.exitCode !== null) return;
          child.kill("SIGTERM");
          const forced = setTimeout(() => child.kill("SIGKILL"), 15_000);
          await exited;
          clearTimeout(forced);
        },
      });
    });
  });
}

/** What the benches read of a /proc/<pid>/stat line: its command name, parent, own and reaped children's CPU ms. */
interface ProcessStat {
  name: string;
  ppid: number;
  cpuMs: number;
  reapedChildrenCpuMs: number;
}

/** Parses a /proc/<pid>/stat line; the command name (between the first "(" and the last ")") may hold spaces. */
function parseStat(stat: string): ProcessStat {
  // Fields after the command name, counted from field 3: ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
  const fields = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  return {
    name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
    ppid: fields[1]!,
    cpuMs: ms(fields[11]! + fields[12]!),
    reapedChildrenCpuMs: ms(fields[13]! + fields[14]!),
  };
}

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat. */
export function cpuMsOf(pid: number): number {
  return parseStat(readFileSync(`/proc/${pid}/stat`, "utf8")).cpuMs;
}

/**
 * CPU time (ms) PostgreSQL and Redis have used so far on this machine, NaN where none runs here: every process
 * named postgres or redis-server, plus what the postmaster (the postgres process whose parent is not one) has
 * reaped from its exited children (backends of connections that closed), so a backend counts whether it lives
 * through the run or ends inside it.
 */
export function serviceCpuMsSoFar(): { postgres: number; redis: number } {
  const found = new Map<number, ProcessStat>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${entry}/stat`, "utf8"));
      if (stat.name === "postgres" || stat.name === "redis-server") found.set(Number(entry), stat);
    } catch {
      // ended meanwhile
    }
  }
  const sum = (name: string, counts: (stat: ProcessStat) => number) => {
    const of = [...found.values()].filter((stat) => stat.name === name);
    return of.length === 0 ? Number.NaN : of.reduce((total, stat) => total + counts(stat), 0);
  };
  const isPostmaster = (stat: ProcessStat) => found.get(stat.ppid)?.name !== "postgres";
  return {
    postgres: sum("postgres", (stat) => stat.cpuMs + (isPostmaster(stat) ? stat.reapedChildrenCpuMs : 0)),
    redis: sum("redis-server", (stat) => stat.cpuMs),
  };
}

/** CPU time (ms) the whole machine has spent busy so far (every core; /proc/stat's first line less idle and iowait). */
export function machineBusyMsSoFar(): number {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = ticks.map(Number) as number[];
  void idle;
  void iowait;
  return ((user! + nice! + system! + irq! + softirq! + steal!) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory (bytes) of a process now. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}
