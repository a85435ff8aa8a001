// A CPU quota of its own for each bot instance (Linux cgroup cpu controller, v1 or v2), as if each ran on its own
// small machine: a group per instance under one bench-named parent, the spawned pid moved in, the group removed after.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The parent group, directly under the cpu hierarchy's root; one child per capped instance. */
const PARENT = "bench-journeys";
/** The quota's period (µs): the kernel's default, so the quota is `cores × 100 ms` per 100 ms. */
const PERIOD_US = 100_000;

/** Periods the group had runnable work in, and those of them the quota cut short (cpu.stat). */
export interface Throttling {
  periods: number;
  throttled: number;
}

export interface CpuGroup {
  /** The group's directory, for messages. */
  path: string;
  /** Moves a process (all its threads) into the group. */
  add(pid: number): void;
  /** The group's cpu.stat counters so far. */
  throttling(): Throttling;
  /** Removes the group; its processes must have exited (retries briefly while the kernel lets go of them). */
  remove(): Promise<void>;
}

export interface CpuCap {
  /** How the quota is set, for the report: "cgroup v1 cpu.cfs_quota_us" or "cgroup v2 cpu.max". */
  how: string;
  cores: number;
  /** A new group limited to `cores`; `label` names it (with this process's pid, so that stale ones can be told). */
  createGroup(label: string): CpuGroup;
  /** Removes the parent group once no run has groups in it (another run's may still be there: then it stays). */
  close(): void;
}

/**
 * The cpu controller where this process may create groups, limited to `cores` each, or why not (not Linux,
 * no cpu controller mounted, not allowed to write it). Tries it out: a probe group is created, given the
 * quota and removed, so a later failure means something changed, not that it never worked.
 */
export function openCpuCap(cores: number): CpuCap | { unavailable: string } {
  if (!(cores > 0) || !Number.isFinite(cores)) return { unavailable: `BENCH_INSTANCE_CORES must be a positive number, not ${cores}` };
  const quotaUs = Math.round(cores * PERIOD_US);
  if (quotaUs < 1000) return { unavailable: `${cores} cores is below the kernel's smallest quota (1 ms per ${PERIOD_US / 1000} ms)` };
  const hierarchy = findCpuHierarchy();
  if ("unavailable" in hierarchy) return hierarchy;
  const parent = join(hierarchy.root, PARENT);
  try {
    if (hierarchy.version === 2) enableCpuController(hierarchy.root);
    mkdirSync(parent, { recursive: true });
    if (hierarchy.version === 2) enableCpuController(parent);
    removeStaleGroups(parent);
    const probe = join(parent, `${process.pid}-probe`);
    mkdirSync(probe, { recursive: true });
    try {
      setQuota(hierarchy.version, probe, quotaUs);
    } finally {
      rmdirSync(probe);
    }
  } catch (error) {
    return { unavailable: `cannot set a cpu quota under ${parent}: ${(error as Error).message} (needs root or a delegated cgroup)` };
  }
  const how = hierarchy.version === 1 ? "cgroup v1 cpu.cfs_quota_us" : "cgroup v2 cpu.max";
  return {
    how,
    cores,
    createGroup(label) {
      const path = join(parent, `${process.pid}-${label.replace(/[^A-Za-z0-9_-]+/g, "-")}`);
      mkdirSync(path);
      setQuota(hierarchy.version, path, quotaUs);
      return {
        path,
        add: (pid) => writeFileSync(join(path, "cgroup.procs"), String(pid)),
        throttling: () => readThrottling(path),
        remove: () => removeGroup(path),
      };
    },
    close() {
      try {
        rmdirSync(parent);
      } catch {
        // another run's groups are in it
      }
    },
  };
}

type Hierarchy = { version: 1 | 2; root: string } | { unavailable: string };

/** The cpu controller's mount: a v1 hierarchy that has it ("cpu" or "cpu,cpuacct"), else a cgroup2 that offers it. */
function findCpuHierarchy(): Hierarchy {
  let mounts: string[][];
  try {
    mounts = readFileSync("/proc/mounts", "utf8")
      .split("\n")
      .map((line) => line.split(" "));
  } catch {
    return { unavailable: "no /proc/mounts (not Linux)" };
  }
  // A controller is in one hierarchy only: when v1 has it, a cgroup2 mount next to it does not.
  const v1 = mounts.find(([, , type, options]) => type === "cgroup" && options?.split(",").includes("cpu"));
  if (v1) return { version: 1, root: v1[1]! };
  const v2 = mounts.find(([, , type]) => type === "cgroup2");
  if (!v2) return { unavailable: "no cgroup cpu controller mounted" };
  const controllers = readFileSync(join(v2[1]!, "cgroup.controllers"), "utf8").trim().split(" ");
  if (!controllers.includes("cpu"))
    return { unavailable: `the cgroup2 at ${v2[1]} does not offer the cpu controller (it offers: ${controllers.join(" ") || "none"})` };
  return { version: 2, root: v2[1]! };
}

/** v2: a group's children get cpu.max only once the group lists cpu in its subtree_control. */
function enableCpuController(group: string): void {
  const file = join(group, "cgroup.subtree_control");
  if (!readFileSync(file, "utf8").split(" ").includes("cpu")) writeFileSync(file, "+cpu");
}

function setQuota(version: 1 | 2, group: string, quotaUs: number): void {
  if (version === 1) {
    writeFileSync(join(group, "cpu.cfs_period_us"), String(PERIOD_US));
    writeFileSync(join(group, "cpu.cfs_quota_us"), String(quotaUs));
  } else {
    writeFileSync(join(group, "cpu.max"), `${quotaUs} ${PERIOD_US}`);
  }
}

/** nr_periods and nr_throttled of cpu.stat (the same names in v1 and v2). */
function readThrottling(group: string): Throttling {
  const stat = readFileSync(join(group, "cpu.stat"), "utf8");
  const field = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, "m").exec(stat)?.[1] ?? Number.NaN);
  return { periods: field("nr_periods"), throttled: field("nr_throttled") };
}

/** rmdir, retried for up to 2 s: a process that has just exited may still be on its way out of the group. */
async function removeGroup(path: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      rmdirSync(path);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      if ((error as NodeJS.ErrnoException).code !== "EBUSY" || attempt >= 20) {
        const left = existsSync(path) ? readFileSync(join(path, "cgroup.procs"), "utf8").trim().split("\n").join(", ") : "";
        throw new Error(`cannot remove ${path}: ${(error as Error).message}${left ? ` (processes still in it: ${left})` : ""}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Groups a bench run left behind (killed before it could remove them): named after a pid that no longer runs. */
function removeStaleGroups(parent: string): void {
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    const owner = /^(\d+)-/.exec(entry.name)?.[1];
    if (!entry.isDirectory() || !owner || existsSync(`/proc/${owner}`)) continue;
    try {
      rmdirSync(join(parent, entry.name));
    } catch {
      // still has processes: leave it
    }
  }
}
