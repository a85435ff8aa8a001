// Lets each update in once: counted against its sender's minute at arrival (a flood is dropped, not queued),
// one chat at a time in this process and across instances (a Redis lock), a redelivery dropped (handled-marks).
import { createHash, randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { MiddlewareFn } from "grammy";
import { acquireChatLock, enterChat, type AdmissionKeys } from "../../infrastructure/redis/chat-lock.js";
import type { HeldKeys } from "../../infrastructure/redis/held-keys.js";
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
  /**
   * The chat's keys its handlers will read (the conversation's state, the journey's draft): read with the
   * lock and written when it is left, in the same scripts, through {@link heldKeysOf}.
   */
  chatKeys?: (ctx: FlowContext) => readonly string[];
}

/** Each admitted update's view of its chat's keys, for as long as it holds the chat's lock. */
const heldKeysByUpdate = new WeakMap<object, HeldKeys>();

/**
 * The chat's keys (see {@link AdmitUpdatesOptions.chatKeys}) as this update read them under its chat's lock,
 * and where its writes to them wait to be stored with its mark; undefined for an update not admitted here.
 */
export function heldKeysOf(ctx: object): HeldKeys | undefined {
  return heldKeysByUpdate.get(ctx);
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
 * The per-update work before the handlers, and the chat's Redis state of a conversation, in two Redis
 * round trips: at arrival one script counts the update against its sender's minute, takes the chat's
 * lock, looks for the update's mark and reads the chat's keys (`chatKeys`: the conversation's state and
 * the draft); after handling one script stores what the update wrote to them, writes the mark and
 * releases the lock. When the chat is busy in this process the update only counts at arrival and asks
 * for the lock (and reads the keys, as the update ahead left them) when its turn comes.
 *
 * A platform may deliver an update twice (a webhook timeout, a retry that reaches another instance, a
 * restart before getUpdates confirmed it). Under the chat's lock, an update already marked handled is
 * dropped; otherwise it is handled and then marked, its state stored at the same moment. Because the mark
 * is written only after handling, an instance that dies mid-update leaves the update to be handled again
 * once its lease runs out, from the state before it: nothing is lost, and conversation replay plus the
 * database's constraints keep a repeat from doing anything twice. An update whose lease ran out (another
 * instance may have taken the chat) stores nothing and is not marked.
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
    const keys: AdmissionKeys = {
      flood: `${prefix}flood:${sender}`,
      lock: `${prefix}chat-lock:${subject}`,
      marks: `${prefix}handled:${subject}`,
      ...(options.chatKeys ? { reads: options.chatKeys(ctx) } : {}),
    };
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
        ...(token && first ? { first, token } : {}),
      });
      if (lock === "duplicate") {
        ctx.logger.info({ update_type: Object.keys(ctx.update).filter((k) => k !== "update_id") }, "duplicate of an update already handled; dropped");
        return;
      }
      heldKeysByUpdate.set(ctx, lock.held);
      try {
        await next();
      } catch (error) {
        // What the handlers wrote before the throw is stored all the same (as a write made at once would be).
        await lock.release();
        throw error;
      }
      if (!(await lock.markAndRelease(mark, marksKept, windowMs))) {
        ctx.logger.warn("chat lock lost before the update's writes were stored; dropped, and the update left unmarked");
      }
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
