// Across every bot instance: each update is handled once, and one chat's updates one at a time.
import type { Redis } from "ioredis";
import type { MiddlewareFn } from "grammy";
import { withChatLock } from "../../infrastructure/redis/chat-lock.js";
import type { FlowContext } from "../context.js";

/** Options of {@link exactlyOnce}. */
export interface ExactlyOnceOptions {
  redis: Redis;
  /** Key namespace, e.g. "idcard:" + the bot id, so two bots on one Redis never collide. */
  keyPrefix: string;
  /** How long a claimed update stays claimed if its instance dies mid-way; then a redelivery is handled. */
  claimMs?: number;
  /** How long handled update ids are remembered (the platforms redeliver within hours at most). */
  rememberSeconds?: number;
}

/**
 * A webhook may deliver an update twice (a timeout, a retry to another instance). The first instance to
 * claim the update id handles it; the rest drop it. The chat lock keeps conversation state from being
 * written by two instances at once when a slow update overlaps the next one of the same chat.
 */
export function exactlyOnce(options: ExactlyOnceOptions): MiddlewareFn<FlowContext> {
  const claimMs = options.claimMs ?? 120_000;
  const rememberSeconds = options.rememberSeconds ?? 24 * 3600;
  return async (ctx, next) => {
    const updateKey = `${options.keyPrefix}update:${ctx.update.update_id}`;
    const claimed = await options.redis.set(updateKey, "handling", "PX", claimMs, "NX");
    if (claimed !== "OK") {
      ctx.logger.info("update already handled or being handled elsewhere; dropped");
      return;
    }
    const handle = async () => {
      try {
        await next();
      } catch (error) {
        // Not handled after all: let a redelivery try again.
        await options.redis.del(updateKey);
        throw error;
      }
      await options.redis.set(updateKey, "handled", "EX", rememberSeconds);
    };
    const chatId = ctx.chatId ?? ctx.from?.id;
    if (chatId === undefined) return handle();
    await withChatLock(options.redis, `${options.keyPrefix}chat-lock:${chatId}`, handle);
  };
}
