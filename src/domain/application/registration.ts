// Whether a citizen may register (again): a draft awaiting payment is resumed, any other live application stops it.
import type { ApplicationState } from "./lifecycle.js";

/**
 * True when a live application means the citizen is already registered. One still awaiting payment is
 * not: registering again resumes it (the draft is saved over and a payment started), so a citizen whose
 * payment failed or expired is never stuck.
 */
export function isAlreadyRegistered(live: { readonly status: ApplicationState } | null): boolean {
  return live !== null && live.status !== "awaiting_payment";
}
