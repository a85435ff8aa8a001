// Timeline entries of a case: every entry is internal or visible to the citizen, internal unless said otherwise.

/** Who can read an entry. Internal is the default everywhere (database column default too). */
export type EntryVisibility = "internal" | "citizen";

export const ENTRY_KINDS = [
  "opened", // the case was opened (by the citizen or by an agent for a caller)
  "note", // staff's internal note: never visible
  "question", // staff ask the citizen: visible
  "answer", // the citizen's answer: visible
  "citizen_info", // the citizen added information or a photo: visible
  "taken", // an agent took it: visible ("your case is being handled")
  "forwarded", // moved to another unit; the note stays internal, the move is shown
  "visit_proposed",
  "visit_confirmed",
  "visit_declined",
  "visit_outcome",
  "resolution", // the resolution message: visible
  "closed",
  "reopened",
  "escalated", // overdue, posted to the supervisor: internal
  "rated",
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Kinds that can never be shown to a citizen, whatever a caller asks. */
const ALWAYS_INTERNAL: ReadonlySet<EntryKind> = new Set(["note", "escalated"]);

/** Kinds shown to the citizen by their nature (a question must reach them). */
const ALWAYS_VISIBLE: ReadonlySet<EntryKind> = new Set([
  "question",
  "answer",
  "citizen_info",
  "taken",
  "visit_proposed",
  "visit_confirmed",
  "visit_declined",
  "visit_outcome",
  "resolution",
  "closed",
  "reopened",
  "rated",
]);

/**
 * The visibility an entry gets. `requested` is honoured only where the kind allows a choice; a note asked to be
 * visible stays internal. Kinds with no stated visibility are internal.
 */
export function entryVisibility(kind: EntryKind, requested?: EntryVisibility): EntryVisibility {
  if (ALWAYS_INTERNAL.has(kind)) return "internal";
  if (ALWAYS_VISIBLE.has(kind)) return "citizen";
  return requested ?? "internal";
}

/** The entries a citizen may see, in order. */
export function citizenTimeline<T extends { visibility: EntryVisibility }>(entries: readonly T[]): T[] {
  return entries.filter((entry) => entry.visibility === "citizen");
}

/** Longest text kept in one entry (a Telegram message is 4096 characters). */
export const MAX_ENTRY_TEXT = 1000;
/** Shortest description a report needs to be actionable. */
export const MIN_DESCRIPTION_TEXT = 10;
