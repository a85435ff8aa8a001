// A per-chat lock in Redis, so one chat's updates are handled one at a time across every bot instance.
import { randomUUID } from "node:crypto";
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
