// A per-chat lock in Redis, so one chat's updates are handled one at a time across every bot instance.
import { createHash, randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { HeldKeys } from "./held-keys.js";

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
 * {count, outcome, values…}: "flood" (over budget, nothing taken), "counted" (no lock asked), "locked"
 * (another holder), "duplicate" or "acquired", then, once acquired, the values of KEYS[4..] read under the
 * lock ("" for none: no stored value is ever ""). One table constructor, as ioredis-mock (local mode) reads no other.
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
local values = {}
for i = 4, #KEYS do values[i - 3] = redis.call("get", KEYS[i]) or "" end
return {count, "acquired", (unpack or table.unpack)(values)}`;

/**
 * Stores the writes an update owes (KEYS[3..2 + writes]; ARGV holds a value and a TTL for each from
 * ARGV[5], "" deleting) and adds its mark unless ARGV[2] is "" (the newest ARGV[3] kept, the list
 * expiring after ARGV[4] ms). Shared by the two ways of leaving the lock below.
 */
const STORE_AND_MARK = `
local function store_and_mark(writes)
  for i = 3, 2 + writes do
    if ARGV[2 * i - 1] == "" then redis.call("del", KEYS[i]) else redis.call("set", KEYS[i], ARGV[2 * i - 1], "EX", ARGV[2 * i]) end
  end
  if ARGV[2] ~= "" then
    redis.call("lpush", KEYS[2], ARGV[2])
    redis.call("ltrim", KEYS[2], 0, tonumber(ARGV[3]) - 1)
    redis.call("pexpire", KEYS[2], ARGV[4])
  end
end`;

/**
 * Leaving the lock, in one round trip: the owed writes and the mark stored (ARGV[1] the token), and the
 * lock released, all only while it is still ours. A lease that ran out may have let another instance
 * handle the chat since, whose state must not be overwritten: then nothing is stored and 0 answered
 * (see LEAVE_IF_UNCHANGED). An update that owes no writes is marked all the same, having nothing to lose.
 */
const LEAVE = `${STORE_AND_MARK}
local ours = redis.call("get", KEYS[1]) == ARGV[1]
if not ours and #KEYS > 2 then return 0 end
store_and_mark(#KEYS - 2)
if ours then redis.call("del", KEYS[1]) end
return 1`;

/**
 * After LEAVE answered 0 (ARGV[1] the number of writes): the writes and the mark are stored all the same
 * when nobody holds the chat now and every key read with the lock (KEYS after the writes, their values
 * as read last in ARGV, "" for none) is as it was read, so nobody has handled the chat since (a lease that
 * ran out during a Redis outage, say). Otherwise nothing is stored and the update is not marked: its
 * writes are lost, so a redelivery must handle it again. Rare: only here are the values read sent back.
 */
const LEAVE_IF_UNCHANGED = `${STORE_AND_MARK}
local writes = tonumber(ARGV[1])
if redis.call("exists", KEYS[1]) == 1 then return 0 end
for i = 3 + writes, #KEYS do
  if (redis.call("get", KEYS[i]) or "") ~= ARGV[i + writes + 2] then return 0 end
end
store_and_mark(writes)
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

/** Where one update's admission looks: its sender's flood counter, its chat's lock and handled-marks, and the chat's keys its handlers will read. */
export interface AdmissionKeys {
  flood: string;
  lock: string;
  marks: string;
  /** Read with the lock once it is taken, so the handlers' reads of them cost no round trip (see {@link HeldKeys}). */
  reads?: readonly string[];
}

export type EnterOutcome = "flood" | "counted" | "locked" | "duplicate" | "acquired";

/** What {@link enterChat} found; `values` are those of `keys.reads`, when the lock was acquired. */
export interface Entry {
  count: number;
  outcome: EnterOutcome;
  values?: Array<string | null>;
}

/**
 * One round trip at arrival (see ENTER). `perMinute` 0 skips the count (already counted); `token` ""
 * only counts (the chat is busy in this process, so its lock is asked for later).
 */
export async function enterChat(
  redis: Redis,
  keys: AdmissionKeys,
  request: { perMinute: number; token: string; leaseMs: number; mark: string },
): Promise<Entry> {
  const [count, outcome, ...values] = (await runScript(
    redis,
    ENTER,
    [keys.flood, keys.lock, keys.marks, ...(keys.reads ?? [])],
    [request.perMinute, request.token, request.leaseMs, request.mark],
  )) as [number, EnterOutcome, ...string[]];
  if (outcome !== "acquired") return { count: Number(count), outcome };
  return { count: Number(count), outcome, values: values.map((value) => value || null) };
}

/**
 * A lock taken by {@link enterChat}: renewed while the work runs; left with or without a handled-mark,
 * storing with it the writes the work owes the chat's keys ({@link held}).
 */
export class HeldChatLock {
  private readonly renewal: ReturnType<typeof setInterval>;
  /** The chat's keys as read when the lock was taken; writes to them are stored when it is left. */
  readonly held: HeldKeys;

  constructor(
    private readonly redis: Redis,
    private readonly keys: AdmissionKeys,
    private readonly token: string,
    leaseMs: number,
    values: ReadonlyArray<string | null> = [],
  ) {
    this.held = new HeldKeys(keys.reads, values);
    this.renewal = setInterval(() => {
      redis.eval(EXTEND_IF_OWNER, 1, keys.lock, token, String(leaseMs)).catch(() => undefined);
    }, leaseMs / 3);
  }

  /**
   * Stores the owed writes, marks the update handled (newest `keep` marks of the chat, kept `windowMs`) and
   * releases, in one round trip. False when the lock was lost with writes owed and someone else may have
   * handled the chat since: nothing stored, nothing marked.
   */
  async markAndRelease(mark: string, keep: number, windowMs: number): Promise<boolean> {
    clearInterval(this.renewal);
    return this.leave(mark, keep, windowMs);
  }

  /** Stores the owed writes and releases without a mark (the update failed: a redelivery must handle it again). */
  async release(): Promise<void> {
    clearInterval(this.renewal);
    await this.leave("", 0, 0).catch(() => undefined);
  }

  private async leave(mark: string, keep: number, windowMs: number): Promise<boolean> {
    const writes = this.held.takeWrites();
    const keys = [this.keys.lock, this.keys.marks, ...writes.map((write) => write.key)];
    const args = [mark, keep, windowMs, ...writes.flatMap((write) => [write.value, write.ttlSeconds])];
    if (Number(await runScript(this.redis, LEAVE, keys, [this.token, ...args])) === 1) return true;
    const read = this.held.asRead();
    const unchanged = await runScript(
      this.redis,
      LEAVE_IF_UNCHANGED,
      [...keys, ...read.map((entry) => entry.key)],
      [writes.length, ...args, ...read.map((entry) => entry.value ?? "")],
    );
    return Number(unchanged) === 1;
  }
}

/**
 * Takes the chat's lock (waiting, polling, for another holder) and checks the handled-marks under it.
 * Answers the held lock, or "duplicate" (already handled; nothing held). `first` is what an
 * {@link enterChat} that already tried once found.
 */
export async function acquireChatLock(
  redis: Redis,
  keys: AdmissionKeys,
  mark: string,
  options: ChatLockOptions & { first?: Entry; token?: string } = {},
): Promise<HeldChatLock | "duplicate"> {
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 60_000;
  const pollMs = options.pollMs ?? 15;
  const token = options.token ?? randomUUID();
  const deadline = Date.now() + waitMs;
  let entry = options.first ?? (await enterChat(redis, keys, { perMinute: 0, token, leaseMs, mark }));
  while (entry.outcome === "locked") {
    if (Date.now() > deadline) throw new ChatLockTimeoutError(`chat lock ${keys.lock} not acquired in ${waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    entry = await enterChat(redis, keys, { perMinute: 0, token, leaseMs, mark });
  }
  if (entry.outcome === "duplicate") return "duplicate";
  if (entry.outcome !== "acquired") throw new Error(`unexpected chat lock outcome ${entry.outcome}`);
  return new HeldChatLock(redis, keys, token, leaseMs, entry.values);
}
