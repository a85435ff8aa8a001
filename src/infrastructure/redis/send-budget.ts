// The bulk lane's one send budget, shared by every instance: a pacing clock in Redis that hands out send slots.
import type { Redis } from "ioredis";

/** Where the next slots start and how far apart they are, from the moment of asking. */
export interface SlotGrant {
  /** Milliseconds from now until the first granted slot (0 when it is now). */
  firstInMs: number;
  /** Milliseconds between consecutive granted slots. */
  intervalMs: number;
  /** The first slot on the budget's clock (Redis time, µs since the epoch), for checking the pace. */
  firstAtMicros: number;
}

/**
 * A budget of `perSecond` messages a second across every instance that shares it. Slots are strictly paced
 * (one every 1/perSecond s, no bursts), so any one-second window holds at most `perSecond` of them, whatever
 * the number of instances; a slot not used is lost, never saved up.
 */
export interface SendBudget {
  readonly perSecond: number;
  /** Reserves `count` consecutive slots; the caller sends its i-th message at firstInMs + i × intervalMs. */
  reserve(count: number): Promise<SlotGrant>;
  /** Grants no slot before `ms` from now (the platform said 429 with retry_after): every instance slows down. */
  holdFor(ms: number): Promise<void>;
  /**
   * Takes each chat's turn for a bulk message (one a chat every `spacingMs`, across instances). Returns, per
   * chat in order, 0 when it may be sent now (the turn is taken) or the milliseconds until its next turn (not
   * taken); a chat named twice gets its second answer after its first turn.
   */
  takeChatTurns(chatIds: readonly string[], spacingMs: number): Promise<number[]>;
  /** Counts one 429 answered by the platform, for logs and the bench. */
  countRateLimited(): Promise<void>;
  /** 429s counted so far by every instance sharing the budget. */
  rateLimitedCount(): Promise<number>;
  /** Budget time nobody asked for (ms): slots lost because no instance had rows claimed in time. */
  idleMs(): Promise<number>;
}

// GCRA with no burst: KEYS[1] holds the time (µs, Redis clock) of the next free slot. Numbers are written with
// %.0f because Lua's default conversion of a number to a string keeps only 14 digits.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local count = tonumber(ARGV[2])
local next = tonumber(redis.call('GET', KEYS[1]) or '0')
if next < now then
  if next > 0 then redis.call('INCRBY', KEYS[2], string.format('%.0f', now - next)) end
  next = now
end
local after = next + count * interval
redis.call('SET', KEYS[1], string.format('%.0f', after), 'PX', math.floor((after - now) / 1000) + 60000)
return { string.format('%.0f', next - now), string.format('%.0f', next) }`;

const HOLD = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local until_ = now + tonumber(ARGV[1]) * 1000
local next = tonumber(redis.call('GET', KEYS[1]) or '0')
if next < until_ then
  redis.call('SET', KEYS[1], string.format('%.0f', until_), 'PX', tonumber(ARGV[1]) + 60000)
end
return 1`;

// Per-chat turns: KEYS[i] holds the time (ms, Redis clock) from which chat i may get its next bulk message.
const TAKE_CHAT_TURNS = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local spacing = tonumber(ARGV[1])
local waits = {}
for i, key in ipairs(KEYS) do
  local next = tonumber(redis.call('GET', key) or '0')
  if next <= now then
    redis.call('SET', key, string.format('%.0f', now + spacing), 'PX', spacing)
    waits[i] = 0
  else
    waits[i] = next - now
  end
end
return waits`;

/** Slot spacing in whole microseconds, rounded up so the pace never exceeds the rate. */
const intervalMicros = (perSecond: number) => Math.ceil(1_000_000 / perSecond);

/** The budget in Redis: every instance given the same Redis and key shares it. */
export class RedisSendBudget implements SendBudget {
  private readonly interval: number;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    readonly perSecond: number,
  ) {
    if (!(perSecond > 0)) throw new RangeError("a send budget needs a positive rate");
    this.interval = intervalMicros(perSecond);
  }

  async reserve(count: number): Promise<SlotGrant> {
    const [waitMicros, firstAt] = (await this.redis.eval(
      RESERVE,
      2,
      `${this.key}:next-slot`,
      `${this.key}:idle-micros`,
      String(this.interval),
      String(count),
    )) as [string, string];
    return { firstInMs: Number(waitMicros) / 1000, intervalMs: this.interval / 1000, firstAtMicros: Number(firstAt) };
  }

  async holdFor(ms: number): Promise<void> {
    await this.redis.eval(HOLD, 1, `${this.key}:next-slot`, String(Math.ceil(ms)));
  }

  async takeChatTurns(chatIds: readonly string[], spacingMs: number): Promise<number[]> {
    if (chatIds.length === 0) return [];
    const keys = chatIds.map((chat) => `${this.key}:chat:${chat}`);
    return (await this.redis.eval(TAKE_CHAT_TURNS, keys.length, ...keys, String(spacingMs))) as number[];
  }

  async countRateLimited(): Promise<void> {
    await this.redis.incr(`${this.key}:rate-limited`);
  }

  async rateLimitedCount(): Promise<number> {
    return Number((await this.redis.get(`${this.key}:rate-limited`)) ?? 0);
  }

  async idleMs(): Promise<number> {
    return Number((await this.redis.get(`${this.key}:idle-micros`)) ?? 0) / 1000;
  }
}

/** The same pacing in this process alone: for local mode without Redis (one instance, nothing to share). */
export class LocalSendBudget implements SendBudget {
  private nextMicros = 0;
  private rateLimited = 0;
  private idleMicros = 0;
  private readonly chatTurns = new Map<string, number>();
  private readonly interval: number;

  constructor(
    readonly perSecond: number,
    private readonly nowMicros: () => number = () => Date.now() * 1000,
  ) {
    if (!(perSecond > 0)) throw new RangeError("a send budget needs a positive rate");
    this.interval = intervalMicros(perSecond);
  }

  async reserve(count: number): Promise<SlotGrant> {
    const now = this.nowMicros();
    if (this.nextMicros > 0 && this.nextMicros < now) this.idleMicros += now - this.nextMicros;
    const first = Math.max(this.nextMicros, now);
    this.nextMicros = first + count * this.interval;
    return { firstInMs: (first - now) / 1000, intervalMs: this.interval / 1000, firstAtMicros: first };
  }

  async holdFor(ms: number): Promise<void> {
    this.nextMicros = Math.max(this.nextMicros, this.nowMicros() + ms * 1000);
  }

  async takeChatTurns(chatIds: readonly string[], spacingMs: number): Promise<number[]> {
    const now = this.nowMicros() / 1000;
    for (const [chat, next] of this.chatTurns) if (next <= now) this.chatTurns.delete(chat);
    return chatIds.map((chat) => {
      const next = this.chatTurns.get(chat) ?? 0;
      if (next > now) return next - now;
      this.chatTurns.set(chat, now + spacingMs);
      return 0;
    });
  }

  async countRateLimited(): Promise<void> {
    this.rateLimited++;
  }

  async rateLimitedCount(): Promise<number> {
    return this.rateLimited;
  }

  async idleMs(): Promise<number> {
    return this.idleMicros / 1000;
  }
}
