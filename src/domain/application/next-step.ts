// What the status check tells a citizen to expect next: the card window, the booked time, the ban's end, or the stage's own advice.
import type { ApplicationState } from "./lifecycle.js";

/** The card is issued 15 days to a month after the in-person visit (seed document, stage 4). */
export const CARD_WINDOW_DAYS = { from: 15, to: 30 } as const;
const DAY_MS = 24 * 3600 * 1000;

/** The next step, as plain facts the flow turns into text. */
export type NextStep =
  | { readonly kind: "card_window"; readonly from: Date; readonly to: Date }
  | { readonly kind: "booked_at" }
  | { readonly kind: "no_show_until"; readonly until: Date }
  | { readonly kind: "card_at"; readonly office: string }
  | { readonly kind: "stage"; readonly status: ApplicationState };

/** When the card should be ready, counted from the in-person visit. */
export function cardWindow(completedAt: Date): { from: Date; to: Date } {
  return {
    from: new Date(completedAt.getTime() + CARD_WINDOW_DAYS.from * DAY_MS),
    to: new Date(completedAt.getTime() + CARD_WINDOW_DAYS.to * DAY_MS),
  };
}

/**
 * After the visit (completed or in production): the card window. A card ready or in transit: its office. Booked with a known appointment: its
 * time. Missed with the ban still running: its end. Otherwise the stage's own advice.
 */
export function nextStep(
  application: { readonly status: ApplicationState; readonly timeline: ReadonlyArray<{ readonly status: ApplicationState; readonly at: Date | string }> },
  facts: { readonly booked: boolean; readonly banEndsAt?: Date; readonly cardOffice?: string },
): NextStep {
  // The visit ends in production now; completed_in_person is the state older applications passed through.
  const visit = application.timeline.find((event) => event.status === "completed_in_person" || event.status === "in_production")?.at;
  if (visit !== undefined && (application.status === "completed_in_person" || application.status === "in_production")) {
    return { kind: "card_window", ...cardWindow(new Date(visit)) };
  }
  if (facts.cardOffice !== undefined && (application.status === "ready_for_pickup" || application.status === "in_transit"))
    return { kind: "card_at", office: facts.cardOffice };
  if (facts.booked && application.status === "booked") return { kind: "booked_at" };
  if (facts.banEndsAt !== undefined && application.status === "no_show") return { kind: "no_show_until", until: facts.banEndsAt };
  return { kind: "stage", status: application.status };
}
