// Which applications the booking journey serves, and which refusals it answers with other times instead of ending.
import type { ApplicationState } from "../application/lifecycle.js";
import type { BookingError } from "./book-appointment.js";
import type { RescheduleOutcome } from "./change-appointment.js";

type RescheduleError = Extract<RescheduleOutcome, { ok: false }>["error"];

/**
 * Refusals about the chosen time, not the citizen: the time filled, its day closed, it passed, or the
 * office stopped taking bookings while the citizen chose. The citizen is offered the nearest other times.
 */
const ANOTHER_TIME_HELPS: ReadonlySet<string> = new Set(["slot_full", "day_closed", "slot_in_past", "too_soon", "not_a_slot", "office_inactive"]);

/** What the citizen is told about a refused time before the alternatives: each refusal as it is, never "it filled" for a time that passed. */
export type TimeRefusalReason = "filled" | "passed" | "too_soon" | "day_closed" | "office_closed" | "changed";

/** The true reason a chosen time could not be taken, for a refusal anotherTimeMayHelp accepts. */
export function timeRefusalReason(error: string): TimeRefusalReason {
  switch (error) {
    case "slot_full":
      return "filled";
    case "slot_in_past":
      return "passed";
    case "too_soon":
      return "too_soon";
    case "day_closed":
      return "day_closed";
    case "office_inactive":
      return "office_closed";
    default:
      return "changed";
  }
}

/** True when choosing another time can succeed after this refusal of a booking or a move. */
export function anotherTimeMayHelp(error: BookingError | RescheduleError | string): boolean {
  return ANOTHER_TIME_HELPS.has(error);
}

/** Applications the booking journey offers from the chat they were registered in: any live one that has been paid. */
export function isPaidForBooking(application: { readonly status: ApplicationState }): boolean {
  return application.status !== "awaiting_payment";
}

/** Why an application cannot book, as the journey explains it: not paid yet, or in a state past booking. */
export function notBookableReason(status: ApplicationState | "unknown"): "unpaid" | "other" {
  return status === "awaiting_payment" ? "unpaid" : "other";
}
