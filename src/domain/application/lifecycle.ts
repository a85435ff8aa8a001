// Application lifecycle: the states of a smart-card application and the events that move it between them.
import { fail, ok } from "../shared/result.js";
import type { Result } from "../shared/result.js";

/** Every state an application can be in, in the order a successful application passes through them. */
export const APPLICATION_STATES = [
  "awaiting_payment", // pre-registration form filled, fee not yet verified
  "paid", // pre-registration fee verified, tracking code issued, no appointment
  "booked", // appointment held at an office
  "no_show", // appointment missed; a new booking is barred for 3 days (enforced by booking rules)
  "checked_in", // the applicant arrived at the office; documents, photo and fingerprints being taken
  "completed_in_person", // legacy: completed before check-in was a state of its own (no longer entered)
  "in_production", // in-person step done, card being issued (15 days to a month)
  "ready_for_pickup", // card at the collecting office
  "in_transit", // card on its way to another office the applicant asked for
  "delivered", // card handed over
  "cancelled", // withdrawn by the applicant before the in-person visit
] as const;

/** A state of an application. */
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** Every event that can move an application. */
export const APPLICATION_EVENTS = [
  "payment_verified",
  "appointment_booked",
  "appointment_cancelled",
  "appointment_missed",
  "checked_in",
  "in_person_completed",
  "sent_to_production",
  "card_ready",
  "transfer_requested",
  "card_received",
  "card_delivered",
  "application_cancelled",
] as const;

/** Something that happened to an application. */
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** Why an event was refused in the current state. */
export type TransitionError = "transition_not_allowed";

/**
 * The allowed transitions; any pair not listed is refused.
 * Cancellation is allowed only until the in-person visit: after it the office has taken the
 * biometrics and started issuance, which the applicant cannot withdraw through the bot.
 * Cancelling does not imply a refund; fees are a payment concern.
 */
export const ALLOWED_TRANSITIONS: {
  readonly [State in ApplicationState]: { readonly [Event in ApplicationEvent]?: ApplicationState };
} = {
  awaiting_payment: { payment_verified: "paid", application_cancelled: "cancelled" },
  paid: { appointment_booked: "booked", application_cancelled: "cancelled" },
  booked: {
    appointment_cancelled: "paid",
    appointment_missed: "no_show",
    checked_in: "checked_in",
    application_cancelled: "cancelled",
  },
  no_show: { appointment_booked: "booked", application_cancelled: "cancelled" },
  // Documents, live photo, fingerprints and the completion fee recorded: the card goes to production.
  checked_in: { in_person_completed: "in_production" },
  completed_in_person: { sent_to_production: "in_production" },
  in_production: { card_ready: "ready_for_pickup" },
  // The applicant may ask for another pickup office; the card is ready again once that office receives it.
  ready_for_pickup: { card_delivered: "delivered", transfer_requested: "in_transit" },
  in_transit: { card_received: "ready_for_pickup" },
  delivered: {},
  cancelled: {},
};

/** The state after `event`, or `transition_not_allowed` when the event makes no sense in `state`. */
export function transition(state: ApplicationState, event: ApplicationEvent): Result<ApplicationState, TransitionError> {
  const next = ALLOWED_TRANSITIONS[state][event];
  return next === undefined ? fail("transition_not_allowed") : ok(next);
}

/** The events accepted in a state, e.g. to decide which buttons to show. */
export function allowedEvents(state: ApplicationState): ApplicationEvent[] {
  return APPLICATION_EVENTS.filter((event) => ALLOWED_TRANSITIONS[state][event] !== undefined);
}
