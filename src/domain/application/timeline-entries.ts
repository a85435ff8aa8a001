// What each event of an application's timeline means to the citizen: a state reached, or an appointment cancelled.
import type { ApplicationState } from "./lifecycle.js";

/** One line of the status history: the state reached, or `appointment_cancelled` for a return from booked to paid. */
export interface TimelineEntry {
  readonly kind: ApplicationState | "appointment_cancelled";
  readonly at: Date | string;
}

/**
 * The timeline as the citizen reads it. The lifecycle records only the state reached, and cancelling an
 * appointment (by the citizen or an office closing its day) returns a booked application to paid: that
 * event is the cancellation, not a second "paid, waiting for booking".
 */
export function timelineEntries(timeline: ReadonlyArray<{ readonly status: ApplicationState; readonly at: Date | string }>): TimelineEntry[] {
  return timeline.map((event, i) => ({
    kind: event.status === "paid" && timeline[i - 1]?.status === "booked" ? "appointment_cancelled" : event.status,
    at: event.at,
  }));
}
