// One lane of the outbox: keeps claimed rows in hand, paces bulk ones by the shared budget and each chat's turn,
// and hands each row to its sender at its time.
import type { Logger } from "../logging/logger.js";
import type { SendBudget } from "../redis/send-budget.js";
import type { MessageLane } from "./message-lanes.js";

/** An outbox row as claimed. */
export interface ClaimedRow {
  id: bigint;
  chat_id: bigint;
  message_key: string;
  params: Record<string, string | number>;
}

/** What a lane needs of the dispatcher it runs for. */
export interface LaneHost {
  readonly logger: Logger;
  readonly stats: { lateSlotsRetaken: number; deferredForChatPace: number };
  /** Until when (ms since the epoch) bulk rows may not use slots granted before a 429. */
  readonly heldUntil: number;
  claim(lane: MessageLane, limit: number, claimSeconds: number): Promise<ClaimedRow[]>;
  renewClaims(ids: bigint[], claimSeconds: number): Promise<void>;
  /** Sends one row; resolves once the platform has answered. Never rejects. */
  send(row: ClaimedRow): Promise<SendOutcome>;
  release(id: bigint): Promise<void>;
  defer(ids: bigint[], ms: number): Promise<void>;
}

/** A send as the platform answered it: `taken` when it took the message; `recorded` once that is written down. */
export interface SendOutcome {
  taken: boolean;
  /** Never rejects. Until it resolves the row keeps its claim (renewed), so no other instance sends it again. */
  recorded: Promise<void>;
}

/** The `recorded` of a send whose outcome is already written (a refusal, recorded before the send resolves). */
export const NOTHING_TO_RECORD: Promise<void> = Promise.resolve();

/** How late a bulk row's slot may be taken up; later, the row takes a new slot. */
const LATE_SLOT_MS = 10;
/** One bulk message a chat at most this often, across instances (Telegram: about one a second per chat). */
const BULK_PER_CHAT_SPACING_MS = 1000;

export interface LaneRunnerOptions {
  lane: MessageLane;
  /** Rows held (claimed, waiting for a slot or being sent) at most. */
  capacity: number;
  /** Claims more once fewer than this many are held. */
  refillBelow: number;
  pollMs: number;
  claimSeconds: number;
  /** Bulk rows wait for their slot; transactional rows are charged to it without waiting. */
  budget: SendBudget;
  host: LaneHost;
}

/**
 * One lane's loop: keeps up to `capacity` rows in hand, claiming more as sends finish, and sleeps until woken or
 * the next poll when the lane is empty. Renews the claims of every row it holds.
 */
export class LaneRunner {
  /** Rows claimed and not yet answered by the platform: what `capacity` counts. */
  private readonly held = new Map<bigint, Promise<boolean>>();
  /**
   * Rows the platform has answered whose outcome is still being written (a sent mark waits for its batch). They
   * no longer take a send slot, or at a peak the lane would stop claiming while marks queue for a connection;
   * their claims are renewed like the held rows' until it is written.
   */
  private readonly recording = new Map<bigint, Promise<void>>();
  private stopped = true;
  private loop: Promise<void> | undefined;
  private renewal: NodeJS.Timeout | undefined;
  private nudge: (() => void) | undefined;
  private woken = false;
  private readonly stopping = new Set<() => void>();

  constructor(private readonly options: LaneRunnerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const { claimSeconds, host } = this.options;
    this.renewal = setInterval(() => void host.renewClaims([...this.held.keys(), ...this.recording.keys()], claimSeconds), (claimSeconds * 1000) / 4);
    this.loop = this.run();
  }

  wake(): void {
    this.woken = true;
    this.nudge?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.nudge?.();
    await this.loop;
    // Rows still waiting for a bulk slot go back to the outbox for another instance, or the next start.
    for (const cancel of this.stopping) cancel();
    this.stopping.clear();
    await Promise.all(this.held.values());
    await Promise.all(this.recording.values());
    clearInterval(this.renewal);
  }

  /** One claim of up to `capacity` rows, all sent and recorded before it returns. */
  async once(): Promise<number> {
    const rows = await this.claimAndStart(this.options.capacity);
    const results = await Promise.all(rows.map((row) => this.held.get(row.id)));
    await Promise.all(rows.map((row) => this.recording.get(row.id)));
    return results.filter(Boolean).length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.held.size >= this.options.refillBelow) {
          await this.waitFor(Promise.race(this.held.values()));
          continue;
        }
        this.woken = false;
        const rows = await this.claimAndStart(this.options.capacity - this.held.size);
        // A full claim: there is probably more, claim again as soon as there is room.
        if (rows.length > 0) continue;
        if (this.woken) continue;
        await this.waitFor(delay(this.options.pollMs));
      } catch (error) {
        this.options.host.logger.error({ err: error, lane: this.options.lane }, "notification dispatch failed");
        await this.waitFor(delay(this.options.pollMs));
      }
    }
  }

  /**
   * Bulk rows whose chat had a bulk message less than a second ago (a family's reminders, claimed by any
   * instance) are handed back until the chat's turn, before they take a slot of the shared budget.
   */
  private async keepChatsPaced(rows: ClaimedRow[], budget: SendBudget): Promise<ClaimedRow[]> {
    const waits = await budget.takeChatTurns(
      rows.map((row) => String(row.chat_id)),
      BULK_PER_CHAT_SPACING_MS,
    );
    const later = rows.filter((_, i) => (waits[i] ?? 0) > 0);
    this.options.host.stats.deferredForChatPace += later.length;
    if (later.length > 0)
      await this.options.host.defer(
        later.map((row) => row.id),
        Math.max(...waits),
      );
    return rows.filter((_, i) => (waits[i] ?? 0) === 0);
  }

  /**
   * Waits for a row's slot; true when it has come, false when the dispatcher stops first. A bulk row whose
   * timer fired late (a busy process) takes a fresh slot instead of going at once: sent late, it would bunch up
   * with the rows after it into a burst past the platform's global limit, and one 429 costs everyone a hold.
   * Once only: a process starved of CPU would otherwise spend several slots on each message.
   */
  private async onTime(waitMs: number): Promise<boolean> {
    for (let tries = 0; ; tries++) {
      const dueAt = Date.now() + waitMs;
      if (!(await this.slot(waitMs))) return false;
      const held = Date.now() < this.options.host.heldUntil;
      if (this.options.lane !== "bulk" || tries >= 1 || (!held && Date.now() - dueAt <= LATE_SLOT_MS)) return true;
      this.options.host.stats.lateSlotsRetaken++;
      waitMs = (await this.options.budget.reserve(1)).firstInMs;
    }
  }

  /** Resolves true when a row's slot has come, false when the dispatcher stops first (the row is not sent then). */
  private slot(waitMs: number): Promise<boolean> {
    if (waitMs < 1) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.stopping.delete(cancel);
        resolve(true);
      }, waitMs);
      const cancel = () => {
        clearTimeout(timer);
        resolve(false);
      };
      this.stopping.add(cancel);
    });
  }

  /** Waits for `event`, a wake-up or a stop, whichever comes first. */
  private async waitFor(event: Promise<unknown>): Promise<void> {
    await Promise.race([event, new Promise<void>((resolve) => (this.nudge = resolve))]);
    this.nudge = undefined;
  }

  private async claimAndStart(limit: number): Promise<ClaimedRow[]> {
    if (limit <= 0) return [];
    const { lane, claimSeconds, budget, host } = this.options;
    let rows = await host.claim(lane, limit, claimSeconds);
    if (rows.length === 0) return rows;
    if (lane === "bulk") rows = await this.keepChatsPaced(rows, budget);
    if (rows.length === 0) return rows;
    // Transactional rows go now but are charged to the budget all the same: the platform's global limit
    // counts every message, so bulk ones make room for them instead of the other way round. Not awaited: a
    // payment confirmation does not wait for Redis (nor for a Redis outage).
    const grant = lane === "bulk" ? await budget.reserve(rows.length) : undefined;
    if (lane === "transactional")
      void budget.reserve(rows.length).catch((error: unknown) => host.logger.warn({ err: error }, "could not charge the send budget"));
    rows.forEach((row, i) => {
      const waitMs = grant ? grant.firstInMs + i * grant.intervalMs : 0;
      const sending = this.onTime(waitMs)
        .then((due) => (due ? host.send(row) : host.release(row.id).then(() => ({ taken: false, recorded: NOTHING_TO_RECORD }))))
        .then(({ taken, recorded }) => {
          // Answered: the send slot is free now (`finally` below), the claim stays covered until recorded.
          if (recorded !== NOTHING_TO_RECORD) {
            this.recording.set(row.id, recorded);
            void recorded.finally(() => this.recording.delete(row.id));
          }
          return taken;
        })
        // Only a budget that cannot be reached gets here (send and release never reject): the claim runs out
        // and the row is sent later. Nothing is left to reject unobserved.
        .catch((error: unknown) => {
          host.logger.warn({ err: error, notification: String(row.id) }, "bulk notification not sent: no slot");
          return false;
        })
        .finally(() => this.held.delete(row.id));
      this.held.set(row.id, sending);
    });
    return rows;
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
