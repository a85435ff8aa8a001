// The application states booking moves between, read from the lifecycle table so the rule is stated once.
import { APPLICATION_STATES, transition } from '../application/lifecycle.js';
import type { ApplicationEvent, ApplicationState } from '../application/lifecycle.js';

/** States from which `event` is allowed, and the one state they all lead to. */
export interface StateMove {
  readonly from: readonly ApplicationState[];
  readonly to: ApplicationState;
}

/**
 * Reads a move from the lifecycle. Booking code updates application rows with a single conditional
 * statement, so every source state must lead to the same target; a lifecycle edit that breaks this fails
 * at start-up instead of corrupting data.
 */
export function moveOn(event: ApplicationEvent, onlyFrom?: ApplicationState): StateMove {
  const from = APPLICATION_STATES.filter((state) => (onlyFrom === undefined || state === onlyFrom) && transition(state, event).ok);
  const targets = new Set(from.map((state) => (transition(state, event) as { value: ApplicationState }).value));
  const [to] = targets;
  if (from.length === 0 || targets.size !== 1 || to === undefined) {
    throw new Error(`lifecycle: ${event} must lead from at least one state to exactly one state`);
  }
  return { from, to };
}

/** Booking an appointment: from paid (or no_show once the ban is over) to booked. */
export const BOOK_MOVE = moveOn('appointment_booked');
/** Cancelling, or an office closing the day: the application is paid again and may book anew. */
export const CANCEL_MOVE = moveOn('appointment_cancelled', 'booked');
/** A missed appointment. */
export const MISS_MOVE = moveOn('appointment_missed', 'booked');
/** The applicant's arrival at the office. */
export const CHECK_IN_MOVE = moveOn('checked_in', 'booked');
/** The in-person step done at the office: the card goes to production. */
export const COMPLETE_MOVE = moveOn('in_person_completed', 'checked_in');
