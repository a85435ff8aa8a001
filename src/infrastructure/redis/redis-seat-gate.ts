// The seat gate in Redis: per-slot "full" marks set only when PostgreSQL found a slot full, voided by a per-office-day generation.
import type { Redis } from "ioredis";
import type { GatedSeat, SeatGate, SeatGateAnswer } from "../../domain/booking/seat-gate.js";

export interface RedisSeatGateOptions {
  /**
   * How long a "full" mark lives after the store call that set it: the bound on turning an attempt away for a
   * seat freed in a way the gate is not told of (counters added to an office, a `freed` lost to a Redis
   * outage). Under a stampede each expiry costs one store refusal per slot and attempt in flight.
   */
  fullMarkMs?: number;
  /** How long a look may wait for Redis before the attempt goes to the store anyway. */
  timeoutMs?: number;
  /** Called when Redis failed or was slow and the gate let the attempt through (for a counter or a log line). */
  onSkip?: (error: unknown) => void;
}

export const DEFAULT_FULL_MARK_MS = 5_000;
const DEFAULT_TIMEOUT_MS = 50;
/** The generation only has to outlive every mark and every attempt in flight; it is refreshed by each free. */
const GENERATION_TTL_MS = 24 * 3_600_000;

const OPEN: SeatGateAnswer = { full: false };

/**
 * A SeatGate over Redis. Keys (`prefix` + `seats:{office:day}:...`):
 *
 * - `gen`: a counter INCRed whenever a seat of the office-day may have come free;
 * - `full:<start ms>`: set by `full` (the store refused the slot for lack of a seat or took its last one) to
 *   the generation read by the `check` before that store call, with a PX of `fullMarkMs`.
 *
 * A look (two keys of an MGET that the looks of one event-loop turn share) answers full only when the mark
 * exists and still equals the generation. A free is reported after its transaction commits, so a free the
 * store call did not see bumps the generation after that call's look and voids its mark, even if the mark's
 * write lands later (it carries the old generation): a seat freed through the domain is bookable at once. A seat freed without `freed`
 * is turned away for at most `fullMarkMs` after the store call that set the mark (default 5 s). The store
 * decides every booking that gets past, so no extra booking can be let through.
 *
 * Redis not connected, failing or slower than `timeoutMs` (default 50 ms): the look answers "not full" and
 * the attempt goes to the store; `full` and `freed` swallow errors (a lost `freed` is bounded as above).
 */
export function createRedisSeatGate(redis: Redis, prefix: string, options: RedisSeatGateOptions = {}): SeatGate {
  const fullMarkMs = options.fullMarkMs ?? DEFAULT_FULL_MARK_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const skip = options.onSkip ?? (() => undefined);
  const dayKey = (seat: { officeId: number; day: GatedSeat["day"] }) => `${prefix}seats:{${seat.officeId}:${seat.day.year}-${seat.day.month}-${seat.day.day}}`;

  /** Whether a command may be sent now: while ioredis reconnects it would queue commands, and the attempt must not wait. */
  const usable = () => redis.status === "ready";
  const looks = lookBatcher(redis, timeoutMs);

  return {
    async check(seat) {
      if (!usable()) return OPEN;
      const key = dayKey(seat);
      try {
        const [mark, generation] = await looks(`${key}:full:${seat.startsAt.getTime()}`, `${key}:gen`);
        const current = generation ?? "0";
        return mark === current ? { full: true } : { full: false, ticket: current };
      } catch (error) {
        skip(error);
        return OPEN;
      }
    },

    async full(seat, ticket) {
      // Without a ticket the look did not reach Redis: the generation before the refusal is unknown.
      if (ticket === undefined || !usable()) return;
      try {
        await withTimeout(redis.set(`${dayKey(seat)}:full:${seat.startsAt.getTime()}`, ticket, "PX", fullMarkMs), timeoutMs);
      } catch (error) {
        skip(error);
      }
    },

    async freed(seat) {
      if (!usable()) return;
      const key = `${dayKey(seat)}:gen`;
      try {
        await withTimeout(redis.multi().incr(key).pexpire(key, GENERATION_TTL_MS).exec(), timeoutMs);
      } catch (error) {
        skip(error);
      }
    },
  };
}

/**
 * Looks of one turn of the event loop go out as one MGET (a stampede's attempts arrive together): one command,
 * one round trip and one timer for all of them instead of one each. Returns each look's mark and generation.
 */
function lookBatcher(redis: Redis, timeoutMs: number): (markKey: string, generationKey: string) => Promise<[string | null, string | null]> {
  interface Look {
    keys: [string, string];
    resolve(values: [string | null, string | null]): void;
    reject(error: unknown): void;
  }
  let waiting: Look[] = [];
  const send = () => {
    const batch = waiting;
    waiting = [];
    withTimeout(redis.mget(batch.flatMap((look) => look.keys)), timeoutMs).then(
      (values) => batch.forEach((look, i) => look.resolve([values[2 * i] ?? null, values[2 * i + 1] ?? null])),
      (error: unknown) => batch.forEach((look) => look.reject(error)),
    );
  };
  return (markKey, generationKey) =>
    new Promise((resolve, reject) => {
      if (waiting.push({ keys: [markKey, generationKey], resolve, reject }) === 1) setImmediate(send);
    });
}

/** The command's result, or a rejection after `ms` (the command itself may still complete later). */
function withTimeout<T>(command: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis seat gate: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([command, timeout]).finally(() => clearTimeout(timer));
}
