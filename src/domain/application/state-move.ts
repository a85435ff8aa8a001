// Moves of an application read from the lifecycle table, in the form the one status writer applies them.
import { APPLICATION_STATES, transition, type ApplicationEvent, type ApplicationState } from "./lifecycle.js";

/** States from which `event` is allowed, and the one state they all lead to. */
export interface StateMove {
  readonly from: readonly ApplicationState[];
  readonly to: ApplicationState;
}

/**
 * Reads a move from the lifecycle. The stores apply it with one conditional statement (application_move
 * in the database), so every source state must lead to the same target; a lifecycle edit that breaks this
 * fails at start-up instead of corrupting data.
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

/** The fee verified: awaiting payment to paid (with a tracking code). */
export const PAYMENT_MOVE = moveOn("payment_verified");
