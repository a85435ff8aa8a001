// Sends the notification outbox: claims unsent rows with SKIP LOCKED so several instances share the work
// and no row is sent by two at once; a row is marked sent right after the platform accepts it.
import { GrammyError, type Api, type InlineKeyboard } from "grammy";
import { formatTrackingCode, type TrackingCode } from "../../domain/application/tracking-code.js";
import type { Translate } from "../../domain/shared/translate.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import type { Logger } from "../logging/logger.js";
import type { PrismaClient } from "../database/database.js";

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

/** Inline buttons some messages carry, by message key (the bot's keyboards/notification-buttons.ts provides them). */
type OutboxButtons = Readonly<Record<string, (translate: Translate, params: Record<string, string | number>, chatId: number) => InlineKeyboard | undefined>>;

export interface NotificationDispatcherOptions {
  prisma: PrismaClient;
  api: Api;
  translate: Translate;
  buttons?: OutboxButtons;
  logger: Logger;
  pollMs?: number;
  batch?: number;
  /** Claim length in seconds (default 60); renewed every quarter of it while the batch is being sent. */
  claimSeconds?: number;
}

export class NotificationDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly options: NotificationDispatcherOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Sends what is waiting now instead of at the next poll (after a payment settles in this instance). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: claim a batch, send each, record the result. Returns how many were sent. */
  async dispatchOnce(): Promise<number> {
    const claimSeconds = this.options.claimSeconds ?? CLAIM_SECONDS;
    const rows = await this.options.prisma.$queryRaw<ClaimedRow[]>`
      UPDATE notifications SET claimed_until = now() + make_interval(secs => ${claimSeconds}), attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM notifications
        WHERE sent_at IS NULL AND attempts < ${MAX_ATTEMPTS} AND (claimed_until IS NULL OR claimed_until < now())
        ORDER BY id LIMIT ${this.options.batch ?? 20}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, chat_id, message_key, params`;
    let sent = 0;
    const pending = new Set(rows.map((row) => row.id));
    const renewal = setInterval(() => void this.renewClaims([...pending], claimSeconds), (claimSeconds * 1000) / 4);
    try {
      for (const row of rows) {
        if (await this.send(row)) sent++;
        pending.delete(row.id);
      }
    } finally {
      clearInterval(renewal);
    }
    return sent;
  }

  /** Extends this instance's claims on rows it has not finished (sent rows have no claim left to extend). */
  private async renewClaims(ids: bigint[], claimSeconds: number): Promise<void> {
    if (ids.length === 0) return;
    await this.options.prisma.$executeRaw`
      UPDATE notifications SET claimed_until = now() + make_interval(secs => ${claimSeconds})
      WHERE id = ANY(${ids}::bigint[]) AND sent_at IS NULL AND claimed_until IS NOT NULL`
      .then(() => undefined)
      .catch((error: unknown) => this.options.logger.warn({ err: error }, "could not renew notification claims"));
  }

  private async send(row: ClaimedRow): Promise<boolean> {
    const { prisma, api, translate, logger } = this.options;
    try {
      const buttons = this.options.buttons?.[row.message_key]?.(translate, row.params, Number(row.chat_id));
      await api.sendMessage(Number(row.chat_id), translate(row.message_key, present(row.params)), buttons ? { reply_markup: buttons } : {});
      await prisma.notification.update({ where: { id: row.id }, data: { sentAt: new Date(), claimedUntil: null, lastError: null } });
      await this.sendVenue(row);
      return true;
    } catch (error) {
      const blocked = error instanceof GrammyError && error.error_code === 403;
      logger.warn({ err: error, notification: String(row.id), blocked }, "notification not sent");
      await prisma.notification.update({
        where: { id: row.id },
        // A citizen who blocked the bot will not be reached by retrying; keep the row for the record.
        data: {
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          claimedUntil: null,
          ...(blocked ? { attempts: MAX_ATTEMPTS } : {}),
        },
      });
      if (blocked) await prisma.chat.updateMany({ where: { id: row.chat_id }, data: { blockedAt: new Date() } });
      return false;
    }
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

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.dispatchOnce()
        .catch((error: unknown) => this.options.logger.error({ err: error }, "notification dispatch failed"))
        .then(() => undefined)
        .finally(() => {
          this.running = undefined;
          if (this.stopped) return;
          const rerun = this.again;
          this.again = false;
          this.schedule(rerun ? 0 : (this.options.pollMs ?? 2000));
        });
    }, delayMs);
  }
}

// Stored params are raw values; what the citizen reads has Persian digits and grouped codes.
function present(params: Record<string, string | number>): Record<string, string | number> {
  const shown: Record<string, string | number> = { ...params };
  if (typeof params.trackingCode === "string") shown.trackingCode = toPersianDigits(formatTrackingCode(params.trackingCode as TrackingCode));
  return shown;
}
