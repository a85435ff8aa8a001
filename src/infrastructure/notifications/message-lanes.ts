// Which lane each outbox message travels in: transactional (sent at once, in parallel) or bulk (paced by the shared budget).

/** A notification's lane. Replies to an update are not notifications: they go out at once, outside any lane. */
export type MessageLane = "transactional" | "bulk";

/**
 * The bulk messages: planned fan-outs nobody is waiting for this second. Everything else (payment confirmation
 * with the tracking code, card ready/in transit/delivered, visit completed, missed appointment, a case's answer,
 * an overdue case for a supervisor) is transactional.
 *
 * The database sets the lane at insert with the same list (function notification_lane, migration
 * 20261201700000_notification_lanes); tests/infrastructure/notifications/message-lanes.test.ts checks that they
 * agree. Moving a key means a new migration replacing that function, and this list.
 */
export const BULK_MESSAGE_KEYS: ReadonlySet<string> = new Set([
  "booking-reminder-day-before",
  "booking-reminder-two-hours",
  "card-reminder",
  // An office closing a day cancels every appointment there at once (hundreds): a fan-out, minutes are fine.
  "booking-office-closed",
  "staff-daily-summary",
]);

export function laneOf(messageKey: string): MessageLane {
  return BULK_MESSAGE_KEYS.has(messageKey) ? "bulk" : "transactional";
}
