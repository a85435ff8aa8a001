// Appends to and reads the audit log (append-only in the database: its triggers refuse UPDATE and DELETE).
import type { AuditActor, AuditEntry, AuditOutcome, AuditRecord, AuditTrail } from "../../domain/staff/audit.js";
import type { SqlExecutor } from "./sql-executor.js";

/** The audit fields of an actor. */
export function actorColumns(actor: AuditActor): { memberId: number | null; role: string } {
  return { memberId: actor.memberId, role: actor.role };
}

/** Appends one row; call it inside the transaction of the change it records. */
export async function appendAudit(tx: SqlExecutor, record: AuditRecord, at: Date): Promise<void> {
  const actor = actorColumns(record.actor);
  await tx.query(
    `INSERT INTO audit_log (at, actor_member_id, actor_role, action, subject_kind, subject_id, office_id, application_id, before, after, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid, $9::jsonb, $10::jsonb, $11)`,
    [
      at,
      actor.memberId,
      actor.role,
      record.action,
      record.subjectKind,
      record.subjectId,
      record.officeId ?? null,
      record.applicationId ?? null,
      record.before === undefined || record.before === null ? null : JSON.stringify(record.before),
      record.after === undefined || record.after === null ? null : JSON.stringify(record.after),
      record.outcome ?? "done",
    ],
  );
}

interface AuditRow {
  id: string;
  at: Date;
  actor_member_id: number | null;
  actor_role: string;
  action: string;
  subject_kind: AuditRecord["subjectKind"];
  subject_id: string;
  office_id: number | null;
  application_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  outcome: AuditOutcome;
}

/** One page of a trail, newest first, and whether older rows exist. */
export async function readAuditTrail(sql: SqlExecutor, trail: AuditTrail, page: number, pageSize: number): Promise<{ entries: AuditEntry[]; more: boolean }> {
  const where = trail.kind === "application" ? "application_id = $1::uuid" : "office_id = $1";
  const key = trail.kind === "application" ? trail.applicationId : trail.officeId;
  const rows = await sql.query<AuditRow>(
    `SELECT id::text AS id, at, actor_member_id, actor_role, action, subject_kind, subject_id, office_id, application_id::text AS application_id,
            before, after, outcome
       FROM audit_log WHERE ${where} ORDER BY audit_log.id DESC OFFSET $2 LIMIT $3`,
    [key, page * pageSize, pageSize + 1],
  );
  return {
    more: rows.length > pageSize,
    entries: rows.slice(0, pageSize).map((row) => ({
      id: Number(row.id),
      at: row.at,
      actorMemberId: row.actor_member_id,
      actorRole: row.actor_role,
      action: row.action,
      subjectKind: row.subject_kind,
      subjectId: row.subject_id,
      officeId: row.office_id,
      applicationId: row.application_id,
      before: row.before,
      after: row.after,
      outcome: row.outcome,
    })),
  };
}
