// Across every bot instance: each update handled at least once and de-duplicated (a redelivery is dropped), one chat at a time.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { MiddlewareFn } from "grammy";
import { withChatLock } from "../../infrastructure/redis/chat-lock.js";
import type { FlowContext } from "../context.js";

/** Options of {@link deduplicateUpdates}. */
export interface DeduplicateUpdatesOptions {
  redis: Redis;
  /** Key namespace, e.g. "idcard:" + the bot id, so two bots on one Redis never collide. */
  keyPrefix: string;
  /** Lease of the chat lock: a crashed instance holds a chat at most this long. */
  lockLeaseMs?: number;
  /** How long to wait for a chat held by another update before failing this one (default 60 s). */
  lockWaitMs?: number;
  /** How long handled update ids are remembered (the platforms redeliver within hours at most). */
  rememberSeconds?: number;
}

/**
 * A platform may deliver an update twice (a webhook timeout, a retry that reaches another instance, a
 * restart before getUpdates confirmed it). Under the chat's lock, an update already marked handled is
 * dropped; otherwise it is handled and then marked. Because the mark is written only after handling, an
 * instance that dies mid-update leaves the update to be handled again once its lease runs out: nothing
 * is lost, and conversation replay plus the database's constraints keep a repeat from doing anything twice.
 */
export function deduplicateUpdates(options: DeduplicateUpdatesOptions): MiddlewareFn<FlowContext> {
  const rememberSeconds = options.rememberSeconds ?? 24 * 3600;
  const lockLeaseMs = options.lockLeaseMs ?? 10_000;
  return async (ctx, next) => {
    const updateKey = `${options.keyPrefix}update:${updateMark(ctx.update)}`;
    const handleOnce = async () => {
      if (await options.redis.exists(updateKey)) {
        ctx.logger.info({ update_type: Object.keys(ctx.update).filter((k) => k !== "update_id") }, "duplicate of an update already handled; dropped");
        return;
      }
      await next();
      await options.redis.set(updateKey, "handled", "EX", rememberSeconds);
    };
    // Updates without a chat (rare here) are serialised on their own id instead.
    const lockSubject = ctx.chatId ?? ctx.from?.id ?? `update-${ctx.update.update_id}`;
    await withChatLock(options.redis, `${options.keyPrefix}chat-lock:${lockSubject}`, handleOnce, { leaseMs: lockLeaseMs, waitMs: options.lockWaitMs });
  };
}

/**
 * The mark of one update: its id and a digest of its content. A redelivery is the same JSON, so it gets
 * the same mark; a new Bot API server (ids counting from 1 again) sends other content under an old id,
 * which gets a mark of its own instead of being taken for a duplicate.
 */
export function updateMark(update: { update_id: number }): string {
  const digest = createHash("sha256").update(JSON.stringify(update)).digest("hex").slice(0, 16);
  return `${update.update_id}:${digest}`;
}
