// Sends the notification outbox in two lanes: transactional rows at once and in parallel, bulk rows at the pace of
// the send budget every instance shares. Rows are claimed with SKIP LOCKED, so several instances share the work and
// no row is sent by two at once; rows sent are marked in batches. Plain SQL on the pool (no Prisma): the claim runs
// on every lane poll and the sent marks on every message.
import { GrammyError, type Api, type InlineKeyboard } from "grammy";
import { formatTrackingCode, type TrackingCode } from "../../domain/application/tracking-code.js";
import type { Translate } from "../../domain/shared/translate.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import type { Logger } from "../logging/logger.js";
import type { SqlExecutor } from "../database/sql-executor.js";
import { LocalSendBudget, type SendBudget } from "../redis/send-budget.js";
import { type ClaimedRow, type LaneHost, LaneRunner, NOTHING_TO_RECORD, type SendOutcome } from "./lane-runner.js";
import type { MessageLane } from "./message-lanes.js";
import { idArray, inIdOrder, SentMarks } from "./sent-marks.js";

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
const BULK_LEAD_SECONDS = 1;
/** A row whose send failed after its retries is claimed again after this. */
const RETRY_FAILED_AFTER_MS = 30_000;

/** Inline buttons some messages carry, by message key (the bot's keyboards/notification-buttons.ts provides them). */
type OutboxButtons = Readonly<Record<string, (translate: Translate, params: Record<string, string | number>, chatId: number) => InlineKeyboard | undefined>>;

export interface NotificationDispatcherOptions {
  sql: SqlExecutor;
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

export class NotificationDispatcher implements LaneHost {
  /** What this instance did, for logs and the bench: sent, bulk slots taken again because a busy process woke late, rows handed back for their chat's pace. */
  readonly stats = { sent: 0, failed: 0, lateSlotsRetaken: 0, deferredForChatPace: 0 };
  private readonly budget: SendBudget;
  private readonly marks: SentMarks;
  private readonly lanes: Record<MessageLane, LaneRunner>;

  constructor(private readonly options: NotificationDispatcherOptions) {
    this.budget = options.budget ?? new LocalSendBudget(30);
    this.marks = new SentMarks(options.sql, options.logger);
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
        host: this,
      }),
      bulk: new LaneRunner({
        lane: "bulk",
        capacity: Math.max(8, Math.ceil(this.budget.perSecond * BULK_LEAD_SECONDS)),
        refillBelow: Math.max(4, Math.ceil((this.budget.perSecond * BULK_LEAD_SECONDS) / 2)),
        pollMs: Math.max(transactionalPoll, BULK_POLL_MS),
        claimSeconds,
        budget: this.budget,
        host: this,
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
    const rows = await this.options.sql.query<{ id: string; chat_id: string; message_key: string; params: ClaimedRow["params"] }>(CLAIM, [
      claimSeconds,
      lane,
      MAX_ATTEMPTS,
      limit,
    ]);
    return rows.map((row) => ({ id: BigInt(row.id), chat_id: BigInt(row.chat_id), message_key: row.message_key, params: row.params }));
  }

  /** @internal Extends this instance's claims on rows it has not finished (sent rows have no claim left to extend). */
  async renewClaims(ids: bigint[], claimSeconds: number): Promise<void> {
    if (ids.length === 0) return;
    await this.options.sql
      .query(RENEW_CLAIMS, [claimSeconds, idArray(ids)])
      .then(() => undefined)
      .catch((error: unknown) => this.options.logger.warn({ err: error }, "could not renew notification claims"));
  }

  /** @internal Gives back a claimed row that was not sent (the dispatcher stopped while it waited for its slot). */
  async release(id: bigint): Promise<void> {
    await this.options.sql
      .query(RELEASE, [String(id)])
      .then(() => undefined)
      .catch((error: unknown) => this.options.logger.warn({ err: error, notification: String(id) }, "could not release a notification claim"));
  }

  /** @internal Hands claimed rows back, to be claimed again after `ms` (their attempt is not counted). */
  async defer(ids: bigint[], ms: number): Promise<void> {
    await this.options.sql.query(DEFER, [ms / 1000, idArray(ids)]);
  }

  /**
   * @internal Sends one claimed row; resolves once the platform answered, `taken` when it took the message. Its
   * sent mark (and a venue after it) follow in `recorded`. Never rejects.
   */
  async send(row: ClaimedRow): Promise<SendOutcome> {
    const { api, translate, logger } = this.options;
    try {
      const buttons = this.options.buttons?.[row.message_key]?.(translate, row.params, Number(row.chat_id));
      await api.sendMessage(Number(row.chat_id), translate(row.message_key, present(row.params)), buttons ? { reply_markup: buttons } : {});
    } catch (error) {
      const blocked = error instanceof GrammyError && error.error_code === 403;
      logger.warn({ err: error, notification: String(row.id), blocked }, "notification not sent");
      await this.recordFailure(row, error, blocked)
        // The claim runs out by itself; the row is retried then.
        .catch((recordError: unknown) => logger.warn({ err: recordError, notification: String(row.id) }, "could not record a failed notification"));
      this.stats.failed++;
      return { taken: false, recorded: NOTHING_TO_RECORD };
    }
    this.stats.sent++;
    // The venue goes once the text is marked: a crash in between must not send the text twice.
    return { taken: true, recorded: this.marks.sent(row.id).then(() => this.sendVenue(row)) };
  }

  /**
   * Keeps a failed send's error on its row and pauses the row; a citizen who blocked the bot will not be reached
   * by retrying, so the row's attempts are spent and the chat is marked blocked (the row stays for the record).
   * Rejects when the row is gone, and then leaves the chat alone.
   */
  private async recordFailure(row: ClaimedRow, error: unknown, blocked: boolean): Promise<void> {
    const updated = await this.options.sql.query(RECORD_FAILURE, [
      String(row.id),
      String(error instanceof Error ? error.message : error).slice(0, 500),
      // Its retries are spent (api-transport.ts): try the row again after a pause, not in this lane's next breath.
      new Date(Date.now() + RETRY_FAILED_AFTER_MS),
      blocked ? MAX_ATTEMPTS : null,
    ]);
    if (updated.length === 0) throw new Error("the notification row is gone");
    if (blocked) await this.options.sql.query(MARK_CHAT_BLOCKED, [String(row.chat_id), new Date()]);
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

// Stored params are raw values; what the citizen reads has Persian digits and grouped codes.
function present(params: Record<string, string | number>): Record<string, string | number> {
  const shown: Record<string, string | number> = { ...params };
  if (typeof params.trackingCode === "string") shown.trackingCode = toPersianDigits(formatTrackingCode(params.trackingCode as TrackingCode));
  return shown;
}

/**
 * Claims up to $4 rows of lane $2 for $1 seconds, in id order, skipping rows another instance holds: one attempt
 * each, at most MAX_ATTEMPTS ($3), and only rows whose claim (if any) has run out.
 */
const CLAIM = `
  UPDATE notifications SET claimed_until = now() + make_interval(secs => $1), attempts = attempts + 1
  WHERE id IN (
    SELECT id FROM notifications
    WHERE lane = $2 AND sent_at IS NULL AND attempts < $3 AND (claimed_until IS NULL OR claimed_until < now())
    ORDER BY lane, id LIMIT $4
    FOR UPDATE SKIP LOCKED)
  RETURNING id::text AS id, chat_id::text AS chat_id, message_key, params`;

const RENEW_CLAIMS = `
  UPDATE notifications SET claimed_until = now() + make_interval(secs => $1)
  WHERE id IN (${inIdOrder("$2")}) AND sent_at IS NULL AND claimed_until IS NOT NULL`;

const RELEASE = `UPDATE notifications SET claimed_until = NULL, attempts = attempts - 1 WHERE id = $1::bigint AND sent_at IS NULL`;

const DEFER = `
  UPDATE notifications SET claimed_until = now() + make_interval(secs => $1), attempts = attempts - 1
  WHERE id IN (${inIdOrder("$2")}) AND sent_at IS NULL`;

/** $4: the attempts a blocked chat's row is given (MAX_ATTEMPTS), or NULL to leave them as they are. */
const RECORD_FAILURE = `
  UPDATE notifications SET last_error = $2, claimed_until = $3, attempts = COALESCE($4::integer, attempts)
  WHERE id = $1::bigint RETURNING 1`;

const MARK_CHAT_BLOCKED = `UPDATE chats SET blocked_at = $2 WHERE id = $1::bigint`;
