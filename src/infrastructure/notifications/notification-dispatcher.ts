// Sends the notification outbox in two lanes: transactional rows at once and in parallel, bulk rows at the pace of
// the send budget every instance shares. Rows are claimed with SKIP LOCKED, so several instances share the work and
// no row is sent by two at once; rows sent are marked in batches.
import { GrammyError, type Api, type InlineKeyboard } from "grammy";
import { formatTrackingCode, type TrackingCode } from "../../domain/application/tracking-code.js";
import type { Translate } from "../../domain/shared/translate.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import type { Logger } from "../logging/logger.js";
import type { PrismaClient } from "../database/database.js";
import { LocalSendBudget, type SendBudget } from "../redis/send-budget.js";
import type { MessageLane } from "./message-lanes.js";

interface ClaimedRow {
  id: bigint;
  chat_id: bigint;
  message_key: string;
  params: Record<string, string | number>;
}

/** Attempts before a notification is given up on (it stays in the table with its last error). */
const MAX_ATTEMPTS = 8;
/**
 * How long a claim lasts without renewal: an instance that dies mid-send releases its rows after this.
 * A live sender renews its claims while it works (a send with retries may take minutes, see
 * api-transport.ts), so another instance never takes a row that is still being sent.
 */
const CLAIM_SECONDS = 60;

/** Transactional sends in flight at once per instance. */
const TRANSACTIONAL_CONCURRENCY = 16;
/**
 * How often an idle lane looks for rows another instance committed (this instance's own commits wake it at
 * once). A claim that finds nothing is one indexed query; a payment settled on another instance waits at
 * most this long.
 */
const TRANSACTIONAL_POLL_MS = 200;
const BULK_POLL_MS = 1000;
/** Bulk slots an instance keeps reserved ahead of now: enough that the shared pace never waits for a claim. */
const BULK_LEAD_SECONDS = 0.5;
/** How late a bulk row's slot may be taken up; later, the row takes a new slot. */
const LATE_SLOT_MS = 25;
/** One bulk message a chat at most this often, across instances (Telegram: about one a second per chat). */
const BULK_PER_CHAT_SPACING_MS = 1000;
/** A row whose send failed after its retries is claimed again after this. */
const RETRY_FAILED_AFTER_MS = 30_000;

/** Inline buttons some messages carry, by message key (the bot's keyboards/notification-buttons.ts provides them). */
type OutboxButtons = Readonly<Record<string, (translate: Translate, params: Record<string, string | number>, chatId: number) => InlineKeyboard | undefined>>;

export interface NotificationDispatcherOptions {
  prisma: PrismaClient;
  api: Api;
  translate: Translate;
  buttons?: OutboxButtons;
  logger: Logger;
  /** The bulk lane's budget; without one, this process paces bulk sends alone at 30 a second. */
  budget?: SendBudget;
  /** How often an idle transactional lane looks for new rows (default 200 ms); the bulk lane looks 5× less often. */
  pollMs?: number;
  /** Transactional sends in flight at once (default 16). */
  concurrency?: number;
  /** Claim length in seconds (default 60); renewed every quarter of it while rows are being sent. */
  claimSeconds?: number;
}

export class NotificationDispatcher {
  /** What this instance did, for logs and the bench: sent, bulk slots taken again because a busy process woke late, rows handed back for their chat's pace. */
  readonly stats = { sent: 0, failed: 0, lateSlotsRetaken: 0, deferredForChatPace: 0 };
  private readonly budget: SendBudget;
  private readonly marks: SentMarks;
  private readonly lanes: Record<MessageLane, LaneRunner>;

  constructor(private readonly options: NotificationDispatcherOptions) {
    this.budget = options.budget ?? new LocalSendBudget(30);
    this.marks = new SentMarks(options.prisma, options.logger);
    const claimSeconds = options.claimSeconds ?? CLAIM_SECONDS;
    const transactionalPoll = options.pollMs ?? TRANSACTIONAL_POLL_MS;
    this.lanes = {
      transactional: new LaneRunner({
        lane: "transactional",
        capacity: options.concurrency ?? TRANSACTIONAL_CONCURRENCY,
        refillBelow: options.concurrency ?? TRANSACTIONAL_CONCURRENCY,
        pollMs: transactionalPoll,
        claimSeconds,
        budget: this.budget,
        dispatcher: this,
      }),
      bulk: new LaneRunner({
        lane: "bulk",
        capacity: Math.max(8, Math.ceil(this.budget.perSecond * BULK_LEAD_SECONDS)),
        refillBelow: Math.max(4, Math.ceil((this.budget.perSecond * BULK_LEAD_SECONDS) / 2)),
        pollMs: Math.max(transactionalPoll, BULK_POLL_MS),
        claimSeconds,
        budget: this.budget,
        dispatcher: this,
      }),
    };
  }

  start(): void {
    this.lanes.transactional.start();
    this.lanes.bulk.start();
  }

  /** Sends what is waiting now instead of at the next poll (after a payment settles in this instance). */
  wake(): void {
    this.lanes.transactional.wake();
    this.lanes.bulk.wake();
  }

  async stop(): Promise<void> {
    await Promise.all([this.lanes.transactional.stop(), this.lanes.bulk.stop()]);
    await this.marks.flush();
  }

  /** One pass of each lane: claims what is waiting (up to a lane's capacity), sends it, records it. Returns how many were sent. */
  async dispatchOnce(): Promise<number> {
    const sent = (await this.lanes.transactional.once()) + (await this.lanes.bulk.once());
    await this.marks.flush();
    return sent;
  }

  /** @internal Until when (ms since the epoch) this instance's bulk rows may not use slots granted before a 429. */
  heldUntil = 0;

  /**
   * The platform answered 429 (the app calls this from the transport's onRateLimited, next to holding the
   * shared budget): bulk rows of this instance already given a slot take a fresh one, after the hold.
   */
  holdBulk(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, Date.now() + ms);
  }

  /** @internal Claims up to `limit` unsent rows of `lane` for `claimSeconds`. */
  async claim(lane: MessageLane, limit: number, claimSeconds: number): Promise<ClaimedRow[]> {
    return this.options.prisma.$queryRaw<ClaimedRow[]>`
      UPDATE notifications SET claimed_until = now() + make_interval(secs => ${claimSeconds}), attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM notifications
        WHERE lane = ${lane} AND sent_at IS NULL AND attempts < ${MAX_ATTEMPTS} AND (claimed_until IS NULL OR claimed_until < now())
        ORDER BY lane, id LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, chat_id, message_key, params`;
  }

  /** @internal Extends this instance's claims on rows it has not finished (sent rows have no claim left to extend). */
  async renewClaims(ids: bigint[], claimSeconds: number): Promise<void> {
    if (ids.length === 0) return;
    await this.options.prisma.$executeRaw`
      UPDATE notifications SET claimed_until = now() + make_interval(secs => ${claimSeconds})
      WHERE id = ANY(${ids}::bigint[]) AND sent_at IS NULL AND claimed_until IS NOT NULL`
      .then(() => undefined)
      .catch((error: unknown) => this.options.logger.warn({ err: error }, "could not renew notification claims"));
  }

  /** @internal Gives back a claimed row that was not sent (the dispatcher stopped while it waited for its slot). */
  async release(id: bigint): Promise<void> {
    await this.options.prisma.$executeRaw`
      UPDATE notifications SET claimed_until = NULL, attempts = attempts - 1 WHERE id = ${id} AND sent_at IS NULL`
      .then(() => undefined)
      .catch((error: unknown) => this.options.logger.warn({ err: error, notification: String(id) }, "could not release a notification claim"));
  }

  /** @internal Hands claimed rows back, to be claimed again after `ms` (their attempt is not counted). */
  async defer(ids: bigint[], ms: number): Promise<void> {
    await this.options.prisma.$executeRaw`
      UPDATE notifications SET claimed_until = now() + make_interval(secs => ${ms / 1000}), attempts = attempts - 1
      WHERE id = ANY(${ids}::bigint[]) AND sent_at IS NULL`;
  }

  /** @internal Sends one claimed row; true when the platform took it. Never rejects. */
  async send(row: ClaimedRow): Promise<boolean> {
    const { prisma, api, translate, logger } = this.options;
    try {
      const buttons = this.options.buttons?.[row.message_key]?.(translate, row.params, Number(row.chat_id));
      await api.sendMessage(Number(row.chat_id), translate(row.message_key, present(row.params)), buttons ? { reply_markup: buttons } : {});
    } catch (error) {
      const blocked = error instanceof GrammyError && error.error_code === 403;
      logger.warn({ err: error, notification: String(row.id), blocked }, "notification not sent");
      await prisma.notification
        .update({
          where: { id: row.id },
          // A citizen who blocked the bot will not be reached by retrying; keep the row for the record.
          data: {
            lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
            // Its retries are spent (api-transport.ts): try the row again after a pause, not in this lane's next breath.
            claimedUntil: new Date(Date.now() + RETRY_FAILED_AFTER_MS),
            ...(blocked ? { attempts: MAX_ATTEMPTS } : {}),
          },
        })
        .then(() => (blocked ? prisma.chat.updateMany({ where: { id: row.chat_id }, data: { blockedAt: new Date() } }) : undefined))
        // The claim runs out by itself; the row is retried then.
        .catch((recordError: unknown) => logger.warn({ err: recordError, notification: String(row.id) }, "could not record a failed notification"));
      this.stats.failed++;
      return false;
    }
    this.stats.sent++;
    await this.marks.sent(row.id);
    await this.sendVenue(row);
    return true;
  }

  /**
   * A message about an office (card ready) carries its place: sent as a venue (a map) after the text. The
   * text is what must arrive once; the venue is a convenience, so a failure is logged and not retried.
   */
  private async sendVenue(row: ClaimedRow): Promise<void> {
    const { venueLatitude, venueLongitude, office, address } = row.params;
    if (typeof venueLatitude !== "number" || typeof venueLongitude !== "number") return;
    await this.options.api
      .sendVenue(Number(row.chat_id), venueLatitude, venueLongitude, String(office ?? ""), String(address ?? ""))
      .catch((error: unknown) => this.options.logger.warn({ err: error, notification: String(row.id) }, "venue of a notification not sent"));
  }

  /** @internal */
  get logger(): Logger {
    return this.options.logger;
  }
}

interface LaneRunnerOptions {
  lane: MessageLane;
  /** Rows held (claimed, waiting for a slot or being sent) at most. */
  capacity: number;
  /** Claims more once fewer than this many are held. */
  refillBelow: number;
  pollMs: number;
  claimSeconds: number;
  /** Bulk rows wait for their slot; transactional rows are charged to it without waiting. */
  budget: SendBudget;
  dispatcher: NotificationDispatcher;
}

/**
 * One lane's loop: keeps up to `capacity` rows in hand, claiming more as sends finish, and sleeps until woken or
 * the next poll when the lane is empty. Renews the claims of every row it holds.
 */
class LaneRunner {
  private readonly held = new Map<bigint, Promise<boolean>>();
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
    const { claimSeconds, dispatcher } = this.options;
    this.renewal = setInterval(() => void dispatcher.renewClaims([...this.held.keys()], claimSeconds), (claimSeconds * 1000) / 4);
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
    clearInterval(this.renewal);
  }

  /** One claim of up to `capacity` rows, all sent before it returns. */
  async once(): Promise<number> {
    const rows = await this.claimAndStart(this.options.capacity);
    const results = await Promise.all(rows.map((row) => this.held.get(row.id)));
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
        this.options.dispatcher.logger.error({ err: error, lane: this.options.lane }, "notification dispatch failed");
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
    this.options.dispatcher.stats.deferredForChatPace += later.length;
    if (later.length > 0)
      await this.options.dispatcher.defer(
        later.map((row) => row.id),
        Math.max(...waits),
      );
    return rows.filter((_, i) => (waits[i] ?? 0) === 0);
  }

  /**
   * Waits for a row's slot; true when it has come, false when the dispatcher stops first. A bulk row whose
   * timer fired late (a busy process) takes a fresh slot instead of going at once: sent late, it would bunch up
   * with the rows after it into a burst past the platform's global limit, and one 429 costs everyone a hold.
   */
  private async onTime(waitMs: number): Promise<boolean> {
    for (let tries = 0; ; tries++) {
      const dueAt = Date.now() + waitMs;
      if (!(await this.slot(waitMs))) return false;
      const held = Date.now() < this.options.dispatcher.heldUntil;
      if (this.options.lane !== "bulk" || tries >= 3 || (!held && Date.now() - dueAt <= LATE_SLOT_MS)) return true;
      this.options.dispatcher.stats.lateSlotsRetaken++;
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
    const { lane, claimSeconds, budget, dispatcher } = this.options;
    let rows = await dispatcher.claim(lane, limit, claimSeconds);
    if (rows.length === 0) return rows;
    if (lane === "bulk") rows = await this.keepChatsPaced(rows, budget);
    if (rows.length === 0) return rows;
    // Transactional rows go now but are charged to the budget all the same: the platform's global limit
    // counts every message, so bulk ones make room for them instead of the other way round.
    const grant = lane === "bulk" ? await budget.reserve(rows.length) : undefined;
    if (lane === "transactional")
      await budget.reserve(rows.length).catch((error: unknown) => dispatcher.logger.warn({ err: error }, "could not charge the send budget"));
    rows.forEach((row, i) => {
      const waitMs = grant ? grant.firstInMs + i * grant.intervalMs : 0;
      const sending = this.onTime(waitMs)
        .then((due) => (due ? dispatcher.send(row) : dispatcher.release(row.id).then(() => false)))
        // Only a budget that cannot be reached gets here (send and release never reject): the claim runs out
        // and the row is sent later. Nothing is left to reject unobserved.
        .catch((error: unknown) => {
          dispatcher.logger.warn({ err: error, notification: String(row.id) }, "bulk notification not sent: no slot");
          return false;
        })
        .finally(() => this.held.delete(row.id));
      this.held.set(row.id, sending);
    });
    return rows;
  }
}

/**
 * Rows sent, marked in one UPDATE per batch (whatever finished while the last one ran). Until its mark is written
 * a sent row keeps its claim (renewed like any held row), so no other instance sends it again meanwhile.
 */
class SentMarks {
  private waiting: bigint[] = [];
  private writing: Promise<void> | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the row's mark is written (or, if the database refused, logged and left to the claim). */
  async sent(id: bigint): Promise<void> {
    this.waiting.push(id);
    await this.flush();
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.waiting.length === 0) return;
    const ids = this.waiting;
    this.waiting = [];
    this.writing = this.prisma.$executeRaw`
      UPDATE notifications SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = ANY(${ids}::bigint[])`
      .then(() => undefined)
      .catch((error: unknown) => {
        // Sent but not marked: the claim runs out and the row would be sent again, so try again first.
        this.waiting.push(...ids);
        this.logger.warn({ err: error, rows: ids.length }, "could not mark notifications sent");
        return delay(500).then(() => void setTimeout(() => void this.flush(), 0).unref());
      })
      .finally(() => (this.writing = undefined));
    await this.writing;
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Stored params are raw values; what the citizen reads has Persian digits and grouped codes.
function present(params: Record<string, string | number>): Record<string, string | number> {
  const shown: Record<string, string | number> = { ...params };
  if (typeof params.trackingCode === "string") shown.trackingCode = toPersianDigits(formatTrackingCode(params.trackingCode as TrackingCode));
  return shown;
}
