// The staff side's background work: weekly reminders about uncollected cards (at most N, counting down to the end
// of the holding period) and each office's daily summary to its operators. Both run on every instance on a timer;
// a conditional update and the outbox's dedup key make each message exist once, whoever runs first.
import { DEFAULT_PICKUP_POLICY, daysLeft, reminderDue, type PickupPolicy } from "../../domain/cards/card.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { addDays } from "../../domain/time/jalali.js";
import { formatJalaliDate } from "../../domain/time/persian-format.js";
import { jalaliDateInTehran, tehranWallTimeOf, tehranWallTimeToInstant } from "../../domain/time/tehran-clock.js";
import type { SqlExecutor } from "../database/sql-executor.js";
import { enqueueInTransaction } from "../database/outbox-sql.js";
import type { Logger } from "../logging/logger.js";

/** Cards looked at per pass. */
const BATCH = 200;

/** One pass of the reminders: returns how many were written to the outbox. */
export async function sendPickupReminders(sql: SqlExecutor, now: Date, policy: PickupPolicy = DEFAULT_PICKUP_POLICY): Promise<number> {
  return sql.transaction(async (tx) => {
    // SKIP LOCKED: instances running together split the cards instead of waiting on each other.
    const due = await tx.query<{
      id: string;
      ready_at: Date;
      held_until: Date;
      reminders_sent: number;
      chat_id: string;
      first_name: string;
      office: string;
      address: string;
    }>(
      `SELECT c.id::text AS id, c.ready_at, c.held_until, c.reminders_sent, p.chat_id::text AS chat_id, p.first_name, o.name AS office, o.address
         FROM cards c JOIN applications p ON p.id = c.application_id JOIN offices o ON o.id = c.office_id
        WHERE c.status = 'ready' AND c.held_until > $1 AND c.reminders_sent < $2
          AND c.ready_at + (c.reminders_sent + 1) * ($3::float8 * interval '1 millisecond') <= $1
        ORDER BY c.ready_at LIMIT ${BATCH} FOR UPDATE OF c SKIP LOCKED`,
      [now, policy.maxReminders, policy.reminderEveryMs],
    );
    let sent = 0;
    for (const card of due) {
      const number = reminderDue({ status: "ready", readyAt: card.ready_at, heldUntil: card.held_until, remindersSent: card.reminders_sent }, now, policy);
      if (number === null) continue;
      const moved = await tx.query(`UPDATE cards SET reminders_sent = $2 WHERE id = $1::uuid AND reminders_sent = $3 RETURNING id`, [
        card.id,
        number,
        number - 1,
      ]);
      if (moved.length === 0) continue;
      const added = await enqueueInTransaction(tx, {
        dedupKey: `card-reminder:${card.id}:${number}`,
        chatId: card.chat_id,
        messageKey: "card-reminder",
        params: {
          name: card.first_name,
          office: card.office,
          address: card.address,
          daysLeft: toPersianDigits(daysLeft(card.held_until, now)),
          heldUntil: formatJalaliDate(card.held_until),
        },
      });
      if (added) sent++;
    }
    return sent;
  });
}

/**
 * One pass of the daily summaries: after `hour` (Tehran) each office with active operators gets today's counts,
 * one message per operator per day. Returns how many were written.
 */
export async function sendDailySummaries(sql: SqlExecutor, now: Date, hour: number): Promise<number> {
  if (tehranWallTimeOf(now).hour < hour) return 0;
  const today = jalaliDateInTehran(now);
  const from = tehranWallTimeToInstant(today, 0, 0);
  const to = tehranWallTimeToInstant(addDays(today, 1), 0, 0);
  const day = `${today.year}-${today.month}-${today.day}`;
  const rows = await sql.query<{
    office_id: number;
    office: string;
    member_id: number;
    user_id: string;
    checked_in: number;
    no_shows: number;
    completed: number;
    cards_ready: number;
    delivered: number;
    waiting: number;
  }>(
    `SELECT o.id AS office_id, o.name AS office, m.id AS member_id, m.user_id::text AS user_id,
            (SELECT count(*)::int FROM appointments a WHERE a.office_id = o.id AND a.checked_in_at >= $1 AND a.checked_in_at < $2) AS checked_in,
            (SELECT count(*)::int FROM appointments a WHERE a.office_id = o.id AND a.status = 'no_show' AND a.starts_at >= $1 AND a.starts_at < $2) AS no_shows,
            (SELECT count(*)::int FROM appointments a WHERE a.office_id = o.id AND a.completed_at >= $1 AND a.completed_at < $2) AS completed,
            (SELECT count(*)::int FROM cards c WHERE c.office_id = o.id AND c.ready_at >= $1 AND c.ready_at < $2) AS cards_ready,
            (SELECT count(*)::int FROM cards c WHERE c.office_id = o.id AND c.delivered_at >= $1 AND c.delivered_at < $2) AS delivered,
            (SELECT count(*)::int FROM cards c WHERE c.office_id = o.id AND c.status = 'ready') AS waiting
       FROM staff_members m JOIN offices o ON o.id = m.office_id
      WHERE m.role = 'operator' AND m.revoked_at IS NULL`,
    [from, to],
  );
  let sent = 0;
  for (const row of rows) {
    const added = await enqueueInTransaction(sql, {
      dedupKey: `daily-summary:${row.office_id}:${row.member_id}:${day}`,
      chatId: row.user_id,
      messageKey: "staff-daily-summary",
      params: {
        office: row.office,
        date: formatJalaliDate(now),
        checkedIn: toPersianDigits(row.checked_in),
        noShows: toPersianDigits(row.no_shows),
        completed: toPersianDigits(row.completed),
        cardsReady: toPersianDigits(row.cards_ready),
        delivered: toPersianDigits(row.delivered),
        waiting: toPersianDigits(row.waiting),
      },
    });
    if (added) sent++;
  }
  return sent;
}

/** Runs both on a timer (every instance may; each message is written once). */
export class StaffJobs {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;

  constructor(
    private readonly options: { sql: SqlExecutor; logger: Logger; wake: () => void; policy: PickupPolicy; summaryHour: number; intervalMs?: number },
  ) {}

  start(): void {
    this.timer = setInterval(
      () => {
        this.pass ??= this.runOnce().finally(() => (this.pass = undefined));
      },
      this.options.intervalMs ?? 10 * 60_000,
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  async runOnce(now = new Date()): Promise<number> {
    try {
      const reminders = await sendPickupReminders(this.options.sql, now, this.options.policy);
      const summaries = await sendDailySummaries(this.options.sql, now, this.options.summaryHour);
      if (reminders + summaries > 0) {
        this.options.logger.info({ reminders, summaries }, "pickup reminders and daily summaries written");
        this.options.wake();
      }
      return reminders + summaries;
    } catch (error) {
      this.options.logger.error({ err: error }, "staff jobs failed");
      return 0;
    }
  }
}
