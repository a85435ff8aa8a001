// Issued cards: where a card waits for its holder, how long it is held, its move to another office and its delivery.

/** ready: at the pickup office; in_transit: on its way to the office the holder asked for; delivered: handed over. */
export const CARD_STATUSES = ["ready", "in_transit", "delivered"] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** A card as the store keeps it. */
export interface Card {
  readonly id: string;
  readonly applicationId: string;
  readonly serial: string;
  readonly officeId: number;
  readonly status: CardStatus;
  readonly readyAt: Date;
  readonly heldUntil: Date;
  readonly transferOfficeId: number | null;
  readonly deliveredAt: Date | null;
  readonly remindersSent: number;
}

/** The tunable numbers of pickup. */
export interface PickupPolicy {
  /** An uncollected card is held this long after it became ready at its office. */
  readonly holdMs: number;
  /** A reminder is sent every this long while the card waits. */
  readonly reminderEveryMs: number;
  /** At most this many reminders per card. */
  readonly maxReminders: number;
}

const DAY_MS = 24 * 3600_000;

/** Defaults: held 90 days (as the UAE does), a reminder a week, at most 6. */
export const DEFAULT_PICKUP_POLICY: PickupPolicy = Object.freeze({ holdMs: 90 * DAY_MS, reminderEveryMs: 7 * DAY_MS, maxReminders: 6 });

/** The last instant a card ready at `readyAt` is held. */
export function heldUntil(readyAt: Date, policy: PickupPolicy = DEFAULT_PICKUP_POLICY): Date {
  return new Date(readyAt.getTime() + policy.holdMs);
}

/**
 * The number of the reminder due at `now` for a card ready since `readyAt` (1 for the first, a week
 * after), or null when none is due: fewer than a week passed since the last one, the maximum is
 * reached, or the holding period is over. The number names the reminder, so it is sent once.
 */
export function reminderDue(
  card: Pick<Card, "status" | "readyAt" | "heldUntil" | "remindersSent">,
  now: Date,
  policy: PickupPolicy = DEFAULT_PICKUP_POLICY,
): number | null {
  if (card.status !== "ready" || now >= card.heldUntil) return null;
  const weeks = Math.floor((now.getTime() - card.readyAt.getTime()) / policy.reminderEveryMs);
  const next = card.remindersSent + 1;
  return weeks >= next && next <= policy.maxReminders ? next : null;
}

/** Whole days left until `heldUntil` at `now` (0 on the last day). */
export function daysLeft(until: Date, now: Date): number {
  return Math.max(0, Math.floor((until.getTime() - now.getTime()) / DAY_MS));
}

/** Whole days a card has waited since it became ready. */
export function ageInDays(readyAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - readyAt.getTime()) / DAY_MS));
}

/** When a card whose in-person step was done at `completedAt` is expected (15 days to a month, the seed's stage 4). */
export { cardWindow as productionWindow } from "../application/next-step.js";
