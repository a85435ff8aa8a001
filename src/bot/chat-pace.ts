// Each chat's pace for outgoing calls: one call at a time per chat, a few at once, then the platform's per-chat rate.
import type { Transformer } from "grammy";

/** A chat's allowance: `burst` calls per `windowMs` (the window starts at the first call after the last one ran out), and at least `minGapMs` between two starts. */
export interface ChatPace {
  burst: number;
  windowMs: number;
  minGapMs?: number;
}

/**
 * Private chats: a burst of 3 messages (a question with its explanation), then about one a second, within
 * Telegram's "about one message per second per chat, short bursts allowed".
 */
export const PRIVATE_CHAT_PACE: ChatPace = { burst: 3, windowMs: 3000 };
/** Groups: one a second, at most 20 a minute (Telegram's group limit). */
export const GROUP_CHAT_PACE: ChatPace = { burst: 20, windowMs: 60_000, minGapMs: 1000 };

interface ChatTurns {
  /** The chat's last queued call: the next one starts after it. */
  tail: Promise<unknown>;
  tokens: number;
  windowEnds: number;
  lastStart: number;
  queued: number;
}

/**
 * The per-chat limits as a transformer, and nothing global: a call to one chat never waits for another chat.
 * One small record per chat with calls in the last window (a map swept every few seconds), where a limiter
 * library keeps a scheduler per chat: at 100,000 chats that difference is most of a dispatcher's CPU.
 */
export function chatPaceTransformer(pace: { private: ChatPace; group: ChatPace } = { private: PRIVATE_CHAT_PACE, group: GROUP_CHAT_PACE }): Transformer {
  const chats = new Map<string, ChatTurns>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [chat, turns] of chats) if (turns.queued === 0 && turns.windowEnds <= now) chats.delete(chat);
  }, 5000);
  sweep.unref();

  const take = async (turns: ChatTurns, rule: ChatPace) => {
    let now = Date.now();
    if (now >= turns.windowEnds) {
      turns.tokens = rule.burst;
      turns.windowEnds = now + rule.windowMs;
    }
    const gapEnds = turns.lastStart + (rule.minGapMs ?? 0);
    const waitUntil = turns.tokens <= 0 ? Math.max(turns.windowEnds, gapEnds) : gapEnds;
    if (waitUntil > now) {
      await new Promise((resolve) => setTimeout(resolve, waitUntil - now));
      now = Date.now();
      if (turns.tokens <= 0 || now >= turns.windowEnds) {
        turns.tokens = rule.burst;
        turns.windowEnds = now + rule.windowMs;
      }
    }
    turns.tokens--;
    turns.lastStart = now;
  };

  return (prev, method, payload, signal) => {
    const chatId = payload && typeof payload === "object" && "chat_id" in payload ? (payload as { chat_id: unknown }).chat_id : undefined;
    if (chatId === undefined || chatId === null) return prev(method, payload, signal);
    const key = String(chatId);
    const rule = Number(chatId) < 0 || key.startsWith("@") ? pace.group : pace.private;
    let turns = chats.get(key);
    if (!turns) {
      turns = { tail: Promise.resolve(), tokens: rule.burst, windowEnds: 0, lastStart: Number.NEGATIVE_INFINITY, queued: 0 };
      chats.set(key, turns);
    }
    const mine = turns;
    mine.queued++;
    const run = mine.tail.then(async () => {
      await take(mine, rule);
      return prev(method, payload, signal);
    });
    mine.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run.finally(() => mine.queued--);
  };
}
