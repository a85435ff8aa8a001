// The audit log's entries: who did what to which record, with the record before and after.
import type { StaffRole } from "./staff-member.js";

/** Who acted: a staff member, the command line or a background job. */
export type AuditActor = { readonly memberId: number; readonly role: StaffRole } | { readonly memberId: null; readonly role: "cli" | "system" | "citizen" };

/** done: the change was made; refused: the server refused it (role, scope, rule); violation: a breach of the rules was attempted. */
export type AuditOutcome = "done" | "refused" | "violation";

/** One row to append. */
export interface AuditRecord {
  readonly actor: AuditActor;
  readonly action: string;
  readonly subjectKind: "application" | "appointment" | "card" | "staff" | "invite" | "office";
  readonly subjectId: string;
  readonly officeId?: number | null;
  readonly applicationId?: string | null;
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  readonly outcome?: AuditOutcome;
}

/** A row as read back for an audit trail. */
export interface AuditEntry extends Omit<AuditRecord, "actor"> {
  readonly id: number;
  readonly at: Date;
  readonly actorMemberId: number | null;
  readonly actorRole: string;
  readonly outcome: AuditOutcome;
}

/** Whose trail to read. */
export type AuditTrail = { readonly kind: "application"; readonly applicationId: string } | { readonly kind: "office"; readonly officeId: number };
