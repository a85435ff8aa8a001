// Flood protection at arrival: an update over its sender's budget is dropped before it queues for its chat,
// so a flooding chat's backlog never holds up anyone else's answer.
import type { Redis } from "ioredis";
import type { MiddlewareFn } from "grammy";
import type { FlowContext } from "../context.js";

export interface ArrivalGateOptions {
  redis: Redis;
  keyPrefix: string;
  /** Updates one user may send per minute, counted when they arrive (shared by every instance). */
  perMinute: number;
  /** Updates of one chat waiting in this process at once; more are dropped (a person never gets this far ahead). */
  maxPendingPerChat?: number;
  /** Tells the sender once per minute that the rest of their updates are ignored. */
  tellSlowDown(ctx: FlowContext): Promise<unknown>;
}

export function arrivalGate(options: ArrivalGateOptions): MiddlewareFn<FlowContext> {
  const maxPending = options.maxPendingPerChat ?? 8;
  const pending = new Map<string, number>();
  return async (ctx, next) => {
    const sender = ctx.from?.id ?? ctx.chatId;
    if (sender === undefined) return next();
    const chat = String(ctx.chatId ?? sender);
    const key = `${options.keyPrefix}flood:${sender}`;
    const counted = await options.redis.multi().set(key, 0, "PX", 60_000, "NX").incr(key).exec();
    const count = Number(counted?.[1]?.[1] ?? 0);
    if (count > options.perMinute) {
      if (count === options.perMinute + 1) {
        ctx.logger.warn("too many updates from one user; ignoring until the minute is over");
        if (ctx.chat?.type === "private") await options.tellSlowDown(ctx).catch(() => undefined);
      }
      return;
    }
    const waiting = pending.get(chat) ?? 0;
    if (waiting >= maxPending) {
      ctx.logger.debug({ waiting }, "update dropped at arrival: its chat has too many waiting");
      return;
    }
    pending.set(chat, waiting + 1);
    try {
      await next();
    } finally {
      const left = (pending.get(chat) ?? 1) - 1;
      if (left <= 0) pending.delete(chat);
      else pending.set(chat, left);
    }
  };
}
