// A citizen's case: its kinds, statuses and the moves between them, stated once for the flows and the store.
import { fail, ok, type Result } from "../shared/result.js";

/** Home service for people with mobility disabilities, an overcharge report, any other complaint. */
export const CASE_KINDS = ["home_service", "overcharge", "complaint"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = ["new", "taken", "waiting_citizen", "forwarded", "visit_scheduled", "resolved", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What staff or the citizen do to a case. */
export const CASE_ACTIONS = [
  "take", // an agent of the responsible unit takes it
  "ask_citizen", // a question goes to the citizen; the case waits for the answer
  "citizen_answered",
  "forward", // to another unit, unassigned there
  "schedule_visit", // home service: the citizen confirmed a visit time
  "visit_cancelled", // the citizen asked for another time
  "resolve", // with a message to the citizen
  "close", // the citizen closes it, or it closes after resolution
  "reopen",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const OPEN_WORK: readonly CaseStatus[] = ["taken", "waiting_citizen", "visit_scheduled"];

/** The allowed moves; anything not listed is refused. */
export const CASE_TRANSITIONS: { readonly [S in CaseStatus]: { readonly [A in CaseAction]?: CaseStatus } } = {
  new: { take: "taken", forward: "forwarded", close: "closed" },
  forwarded: { take: "taken", forward: "forwarded", close: "closed" },
  taken: { ask_citizen: "waiting_citizen", forward: "forwarded", schedule_visit: "visit_scheduled", resolve: "resolved", close: "closed" },
  waiting_citizen: { citizen_answered: "taken", ask_citizen: "waiting_citizen", forward: "forwarded", resolve: "resolved", close: "closed" },
  visit_scheduled: { visit_cancelled: "taken", resolve: "resolved", forward: "forwarded", close: "closed" },
  resolved: { close: "closed", reopen: "taken" },
  closed: { reopen: "taken" },
};

export function caseTransition(status: CaseStatus, action: CaseAction): Result<CaseStatus, "not_allowed"> {
  const next = CASE_TRANSITIONS[status][action];
  return next === undefined ? fail("not_allowed") : ok(next);
}

/** The statuses a move is allowed from (the store's conditional update uses them). */
export function statusesAllowing(action: CaseAction): CaseStatus[] {
  return CASE_STATUSES.filter((status) => CASE_TRANSITIONS[status][action] !== undefined);
}

/** Open: still someone's work (counts against the citizen's open-case limit). */
export function isOpenCase(status: CaseStatus): boolean {
  return status !== "resolved" && status !== "closed";
}

/** Being worked by an assignee (as opposed to waiting in a unit's queue). */
export function isAssignedWork(status: CaseStatus): boolean {
  return OPEN_WORK.includes(status);
}

export function isCaseKind(value: string): value is CaseKind {
  return (CASE_KINDS as readonly string[]).includes(value);
}
