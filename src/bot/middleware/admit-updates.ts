// Lets each update in once: counted against its sender's minute at arrival (a flood is dropped, not queued),
// one chat at a time in this process and across instances (a Redis lock), a redelivery dropped (handled-marks).
import { createHash, randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { MiddlewareFn } from "grammy";
import { acquireChatLock, enterChat, type AdmissionKeys } from "../../infrastructure/redis/chat-lock.js";
import type { FlowContext } from "../context.js";

/** Options of {@link admitUpdates}. */
export interface AdmitUpdatesOptions {
  redis: Redis;
  /** Key namespace, e.g. "idcard:" + the bot id, so two bots on one Redis never collide. */
  keyPrefix: string;
  /** Updates one user may send per minute, counted when they arrive (shared by every instance). */
  perMinute: number;
  /** Updates of one chat waiting in this process at once; more are dropped (a person never gets this far ahead). */
  maxPendingPerChat?: number;
  /** Tells the sender once per minute that the rest of their updates are ignored. */
  tellSlowDown(ctx: FlowContext): Promise<unknown>;
  /** Lease of the chat lock: a crashed instance holds a chat at most this long (default 10 s). */
  lockLeaseMs?: number;
  /** How long to wait for a chat held by another instance before failing this update (default 60 s). */
  lockWaitMs?: number;
  /** How long a chat's handled-marks are kept after its last update; see {@link DEFAULT_MARK_WINDOW_SECONDS}. */
  markWindowSeconds?: number;
  /** How many of a chat's newest handled updates are remembered (default 16). */
  marksKept?: number;
}

/**
 * How long handled-marks must outlive their update: as long as the platform may still deliver it again.
 *
 * - Webhook: the platform redelivers an update until it gets a 2xx, and keeps an unacknowledged update for
 *   up to 24 hours; we answer within 25 s, so a redelivery of a handled update means our answer was lost,
 *   and its retry may come at any time in those 24 hours. But the platform delivers one chat's updates in
 *   order and sends the next only after a 2xx for the one before, so only the newest few of a chat can
 *   come back: a chat keeps its newest {@link AdmitUpdatesOptions.marksKept} marks in one small list
 *   (about 25 bytes a mark), not one key per update.
 * - Polling: the runner confirms a batch (the next getUpdates offset) as soon as it has fetched it; after
 *   that the platform cannot deliver it again at all. Only a process that dies between fetching and the
 *   next getUpdates leaves a batch to be fetched again, by the process that replaces it, so the window is
 *   the time a restart takes: 10 minutes.
 */
export const DEFAULT_MARK_WINDOW_SECONDS = { webhook: 24 * 3600, polling: 10 * 60 } as const;

/**
 * The per-update work before the handlers, in two Redis round trips: at arrival one script counts the
 * update against its sender's minute, takes the chat's lock and looks for the update's mark; after
 * handling one script writes the mark and releases the lock. When the chat is busy in this process the
 * update only counts at arrival and asks for the lock when its turn comes.
 *
 * A platform may deliver an update twice (a webhook timeout, a retry that reaches another instance, a
 * restart before getUpdates confirmed it). Under the chat's lock, an update already marked handled is
 * dropped; otherwise it is handled and then marked. Because the mark is written only after handling, an
 * instance that dies mid-update leaves the update to be handled again once its lease runs out: nothing
 * is lost, and conversation replay plus the database's constraints keep a repeat from doing anything twice.
 */
export function admitUpdates(options: AdmitUpdatesOptions): MiddlewareFn<FlowContext> {
  const maxPending = options.maxPendingPerChat ?? 8;
  const leaseMs = options.lockLeaseMs ?? 10_000;
  const windowMs = (options.markWindowSeconds ?? DEFAULT_MARK_WINDOW_SECONDS.webhook) * 1000;
  const marksKept = options.marksKept ?? 16;
  const prefix = options.keyPrefix;
  // One chat's updates in this process: how many have arrived and not finished, and the end of the queue.
  const chats = new Map<string, { pending: number; tail: Promise<void> }>();

  return async (ctx, next) => {
    const sender = ctx.from?.id ?? ctx.chatId;
    // Updates without a chat (rare here) are serialised on their own id instead.
    const subject = String(ctx.chatId ?? ctx.from?.id ?? `update-${ctx.update.update_id}`);
    const keys: AdmissionKeys = { flood: `${prefix}flood:${sender}`, lock: `${prefix}chat-lock:${subject}`, marks: `${prefix}handled:${subject}` };
    const mark = updateMark(ctx.update);

    const chat = chats.get(subject) ?? { pending: 0, tail: Promise.resolve() };
    chats.set(subject, chat);
    const ahead = chat.pending;
    chat.pending++;
    const previous = chat.tail;
    let done!: () => void;
    chat.tail = new Promise((resolve) => (done = resolve));
    try {
      const tooMany = sender !== undefined && ahead >= maxPending;
      // Nobody of this chat ahead in this process: the lock can be asked for at once, with the count.
      const token = ahead === 0 ? randomUUID() : "";
      const perMinute = sender === undefined ? 0 : options.perMinute;
      const first = perMinute > 0 || token ? await enterChat(options.redis, keys, { perMinute, token, leaseMs, mark }) : undefined;
      if (first?.outcome === "flood") {
        if (first.count === options.perMinute + 1) {
          ctx.logger.warn("too many updates from one user; ignoring until the minute is over");
          if (ctx.chat?.type === "private") await options.tellSlowDown(ctx).catch(() => undefined);
        }
        return;
      }
      if (tooMany) {
        ctx.logger.debug({ waiting: ahead }, "update dropped at arrival: its chat has too many waiting");
        return;
      }
      await previous;
      const lock = await acquireChatLock(options.redis, keys, mark, {
        leaseMs,
        waitMs: options.lockWaitMs,
        ...(token && first ? { first: first.outcome, token } : {}),
      });
      if (lock === "duplicate") {
        ctx.logger.info({ update_type: Object.keys(ctx.update).filter((k) => k !== "update_id") }, "duplicate of an update already handled; dropped");
        return;
      }
      try {
        await next();
      } catch (error) {
        await lock.release();
        throw error;
      }
      await lock.markAndRelease(mark, marksKept, windowMs);
    } finally {
      // The next update of this chat goes on only once every one before it has finished.
      void previous.then(done);
      chat.pending--;
      if (chat.pending === 0 && chats.get(subject) === chat) chats.delete(subject);
    }
  };
}

/**
 * The mark of one update: its id and a digest of its content. A redelivery is the same JSON, so it gets
 * the same mark; a new Bot API server (ids counting from 1 again) sends other content under an old id,
 * which gets a mark of its own instead of being taken for a duplicate. Eight hex digits are plenty: a
 * mark is only compared with the few of its own chat.
 */
export function updateMark(update: { update_id: number }): string {
  const digest = createHash("sha256").update(JSON.stringify(update)).digest("hex").slice(0, 8);
  return `${update.update_id}:${digest}`;
}
