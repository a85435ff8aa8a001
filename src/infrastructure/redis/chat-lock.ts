// A per-chat lock in Redis, so one chat's updates are handled one at a time across every bot instance.
import { createHash, randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

// Deletes the lock only if we still own it (a lease that expired may belong to someone else now).
const RELEASE_IF_OWNER = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const EXTEND_IF_OWNER = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/** Options of {@link withChatLock}. */
export interface ChatLockOptions {
  /** How long a lease lasts without renewal; a crashed holder blocks the chat at most this long. */
  leaseMs?: number;
  /** How long to wait for the lock before giving up with an error. */
  waitMs?: number;
  pollMs?: number;
}

/** Thrown when a chat stays locked longer than the wait allows. */
export class ChatLockTimeoutError extends Error {
  override name = "ChatLockTimeoutError";
}

/** Runs `work` holding the lock `key`; the lease is renewed while work runs and released after. */
export async function withChatLock<T>(redis: Redis, key: string, work: () => Promise<T>, options: ChatLockOptions = {}): Promise<T> {
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 60_000;
  const pollMs = options.pollMs ?? 15;
  const token = randomUUID();
  const deadline = Date.now() + waitMs;
  while ((await redis.set(key, token, "PX", leaseMs, "NX")) !== "OK") {
    if (Date.now() > deadline) throw new ChatLockTimeoutError(`chat lock ${key} not acquired in ${waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const renewal = setInterval(() => {
    redis.eval(EXTEND_IF_OWNER, 1, key, token, String(leaseMs)).catch(() => undefined);
  }, leaseMs / 3);
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await redis.eval(RELEASE_IF_OWNER, 1, key, token).catch(() => undefined);
  }
}

// ---- one round trip in, one round trip out ---------------------------------------------------------

/**
 * At an update's arrival, in one round trip: count it against its sender's minute (when `perMinute` > 0),
 * then (when a token is given and the count is within budget) try the chat's lock and, holding it, look
 * for the update among the chat's handled-marks. A duplicate releases the lock at once. Answers
 * {count, outcome}: "flood" (over budget, nothing taken), "counted" (no lock asked), "locked" (another
 * holder), "duplicate" or "acquired".
 */
const ENTER = `
local count = 0
if tonumber(ARGV[1]) > 0 then
  redis.call("set", KEYS[1], 0, "PX", 60000, "NX")
  count = redis.call("incr", KEYS[1])
  if count > tonumber(ARGV[1]) then return {count, "flood"} end
end
if ARGV[2] == "" then return {count, "counted"} end
if not redis.call("set", KEYS[2], ARGV[2], "PX", ARGV[3], "NX") then return {count, "locked"} end
if redis.call("lpos", KEYS[3], ARGV[4]) then
  redis.call("del", KEYS[2])
  return {count, "duplicate"}
end
return {count, "acquired"}`;

/** After a handled update, in one round trip: add its mark (the newest `keep` kept, the list expiring after the window) and release the lock if still ours. */
const MARK_AND_RELEASE = `
redis.call("lpush", KEYS[2], ARGV[2])
redis.call("ltrim", KEYS[2], 0, tonumber(ARGV[3]) - 1)
redis.call("pexpire", KEYS[2], ARGV[4])
if redis.call("get", KEYS[1]) == ARGV[1] then redis.call("del", KEYS[1]) end
return 1`;

const shaOf = new Map<string, string>();
/** EVALSHA with the script's text sent only the first time a server has not seen it. */
async function runScript(redis: Redis, script: string, keys: string[], args: Array<string | number>): Promise<unknown> {
  let sha = shaOf.get(script);
  if (!sha) {
    sha = createHash("sha1").update(script).digest("hex");
    shaOf.set(script, sha);
  }
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return redis.eval(script, keys.length, ...keys, ...args);
  }
}

/** Where one update's admission looks: its sender's flood counter, its chat's lock and handled-marks. */
export interface AdmissionKeys {
  flood: string;
  lock: string;
  marks: string;
}

export type EnterOutcome = "flood" | "counted" | "locked" | "duplicate" | "acquired";

/**
 * One round trip at arrival (see ENTER). `perMinute` 0 skips the count (already counted); `token` ""
 * only counts (the chat is busy in this process, so its lock is asked for later).
 */
export async function enterChat(
  redis: Redis,
  keys: AdmissionKeys,
  request: { perMinute: number; token: string; leaseMs: number; mark: string },
): Promise<{ count: number; outcome: EnterOutcome }> {
  const [count, outcome] = (await runScript(
    redis,
    ENTER,
    [keys.flood, keys.lock, keys.marks],
    [request.perMinute, request.token, request.leaseMs, request.mark],
  )) as [number, EnterOutcome];
  return { count: Number(count), outcome };
}

/** A lock taken by {@link enterChat}: renewed while the work runs; left with or without a handled-mark. */
export class HeldChatLock {
  private readonly renewal: ReturnType<typeof setInterval>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: AdmissionKeys,
    private readonly token: string,
    leaseMs: number,
  ) {
    this.renewal = setInterval(() => {
      redis.eval(EXTEND_IF_OWNER, 1, keys.lock, token, String(leaseMs)).catch(() => undefined);
    }, leaseMs / 3);
  }

  /** Marks the update handled (newest `keep` marks of the chat, kept `windowMs`) and releases, in one round trip. */
  async markAndRelease(mark: string, keep: number, windowMs: number): Promise<void> {
    clearInterval(this.renewal);
    await runScript(this.redis, MARK_AND_RELEASE, [this.keys.lock, this.keys.marks], [this.token, mark, keep, windowMs]);
  }

  /** Releases without a mark (the update failed: a redelivery must handle it again). */
  async release(): Promise<void> {
    clearInterval(this.renewal);
    await this.redis.eval(RELEASE_IF_OWNER, 1, this.keys.lock, this.token).catch(() => undefined);
  }
}

/**
 * Takes the chat's lock (waiting, polling, for another holder) and checks the handled-marks under it.
 * Answers the held lock, or "duplicate" (already handled; nothing held). `first` is the outcome of an
 * {@link enterChat} that already tried once.
 */
export async function acquireChatLock(
  redis: Redis,
  keys: AdmissionKeys,
  mark: string,
  options: ChatLockOptions & { first?: EnterOutcome; token?: string } = {},
): Promise<HeldChatLock | "duplicate"> {
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 60_000;
  const pollMs = options.pollMs ?? 15;
  const token = options.token ?? randomUUID();
  const deadline = Date.now() + waitMs;
  let outcome = options.first ?? (await enterChat(redis, keys, { perMinute: 0, token, leaseMs, mark })).outcome;
  while (outcome === "locked") {
    if (Date.now() > deadline) throw new ChatLockTimeoutError(`chat lock ${keys.lock} not acquired in ${waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    outcome = (await enterChat(redis, keys, { perMinute: 0, token, leaseMs, mark })).outcome;
  }
  if (outcome === "duplicate") return "duplicate";
  if (outcome !== "acquired") throw new Error(`unexpected chat lock outcome ${outcome}`);
  return new HeldChatLock(redis, keys, token, leaseMs);
}
