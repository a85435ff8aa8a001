// The staff store on PostgreSQL: invites used once by a conditional update, one active role per user by a
// partial unique index, every change audited in its own transaction.
import { hashInviteToken, type InviteGrant } from "../../domain/staff/invite.js";
import { scopeFor, type StaffMember, type StaffRole } from "../../domain/staff/staff-member.js";
import type { StaffStore } from "../../domain/staff/staff-store.js";
import { appendAudit, readAuditTrail } from "./audit-sql.js";
import type { SqlExecutor } from "./sql-executor.js";
import { isSqlUniqueViolation } from "./unique-violation.js";

export interface MemberRow {
  id: number;
  user_id: string;
  display_name: string;
  role: StaffRole;
  office_id: number | null;
  unit_id: number | null;
}

export const MEMBER_COLUMNS = `id, user_id::text AS user_id, display_name, role, office_id, unit_id`;

export function toMember(row: MemberRow): StaffMember {
  const scope = scopeFor(row.role, row.office_id, row.unit_id);
  if (scope === null) throw new Error(`staff member ${row.id} has a scope its role does not allow`);
  return { id: row.id, userId: Number(row.user_id), displayName: row.display_name, role: row.role, scope };
}

const actorOf = (member: StaffMember | null) => (member ? { memberId: member.id, role: member.role } : { memberId: null, role: "cli" as const });

export function createSqlStaffStore(sql: SqlExecutor): StaffStore {
  return {
    async activeMember(userId) {
      if (!Number.isSafeInteger(userId)) return null;
      const [row] = await sql.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM staff_members WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      return row ? toMember(row) : null;
    },

    createInvite(grant, by, token, expiresAt, now) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<{ id: number }>(
          `INSERT INTO staff_invites (token_hash, role, office_id, unit_id, created_by, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [hashInviteToken(token), grant.role, grant.officeId, grant.unitId, by?.id ?? null, now, expiresAt],
        );
        await appendAudit(
          tx,
          {
            actor: actorOf(by),
            action: "staff.invite",
            subjectKind: "invite",
            subjectId: String(row!.id),
            officeId: grant.officeId,
            after: { role: grant.role, officeId: grant.officeId, unitId: grant.unitId, expiresAt: expiresAt.toISOString() },
          },
          now,
        );
        return { inviteId: row!.id };
      });
    },

    async enrol(token, userId, displayName, now) {
      try {
        return await sql.transaction(async (tx) => {
          const [invite] = await tx.query<{
            id: number;
            role: StaffRole;
            office_id: number | null;
            unit_id: number | null;
            expires_at: Date;
            used_at: Date | null;
            revoked_at: Date | null;
          }>(`SELECT id, role, office_id, unit_id, expires_at, used_at, revoked_at FROM staff_invites WHERE token_hash = $1 FOR UPDATE`, [
            hashInviteToken(token),
          ]);
          if (!invite) return { ok: false as const, refusal: "invite_unknown" as const };
          if (invite.revoked_at) return { ok: false as const, refusal: "invite_revoked" as const };
          if (invite.used_at) return { ok: false as const, refusal: "invite_used" as const };
          if (invite.expires_at <= now) return { ok: false as const, refusal: "invite_expired" as const };
          const [row] = await tx.query<MemberRow>(
            `INSERT INTO staff_members (user_id, display_name, role, office_id, unit_id, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6)
             RETURNING ${MEMBER_COLUMNS}`,
            [userId, displayName, invite.role, invite.office_id, invite.unit_id, now],
          );
          const member = toMember(row!);
          await tx.query(`UPDATE staff_invites SET used_at = $2, used_by = $3 WHERE id = $1 AND used_at IS NULL`, [invite.id, now, member.id]);
          await appendAudit(
            tx,
            {
              actor: { memberId: member.id, role: member.role },
              action: "staff.enrol",
              subjectKind: "staff",
              subjectId: String(member.id),
              officeId: invite.office_id,
              before: { invite: invite.id },
              after: { role: member.role, officeId: invite.office_id, unitId: invite.unit_id },
            },
            now,
          );
          return { ok: true as const, member };
        });
      } catch (error) {
        if (isSqlUniqueViolation(error, "staff_members_one_active_per_user")) return { ok: false, refusal: "already_staff" };
        throw error;
      }
    },

    async enrolAdminDirectly(userId, displayName, now, options = {}) {
      try {
        return await sql.transaction(async (tx) => {
          const [row] = await tx.query<MemberRow>(
            `INSERT INTO staff_members (user_id, display_name, role, enrolled_at, sample) VALUES ($1, $2, 'admin', $3, $4) RETURNING ${MEMBER_COLUMNS}`,
            [userId, displayName, now, options.sample ?? false],
          );
          const member = toMember(row!);
          await appendAudit(
            tx,
            {
              actor: { memberId: null, role: "cli" },
              action: "staff.enrol_admin",
              subjectKind: "staff",
              subjectId: String(member.id),
              after: { role: "admin" },
            },
            now,
          );
          return { ok: true as const, member };
        });
      } catch (error) {
        if (isSqlUniqueViolation(error, "staff_members_one_active_per_user")) return { ok: false, refusal: "already_staff" };
        throw error;
      }
    },

    revoke(memberId, by, now) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<MemberRow>(`UPDATE staff_members SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING ${MEMBER_COLUMNS}`, [
          memberId,
          now,
        ]);
        if (!row) return false;
        await appendAudit(
          tx,
          {
            actor: actorOf(by),
            action: "staff.revoke",
            subjectKind: "staff",
            subjectId: String(row.id),
            officeId: row.office_id,
            before: { role: row.role, active: true },
            after: { active: false },
          },
          now,
        );
        return true;
      });
    },

    async listActive() {
      const rows = await sql.query<MemberRow & { office_name: string | null; enrolled_at: Date }>(
        `SELECT m.id, m.user_id::text AS user_id, m.display_name, m.role, m.office_id, m.unit_id, o.name AS office_name, m.enrolled_at
           FROM staff_members m LEFT JOIN offices o ON o.id = m.office_id WHERE m.revoked_at IS NULL ORDER BY m.id`,
      );
      return rows.map((row) => ({ ...toMember(row), officeName: row.office_name, enrolledAt: row.enrolled_at }));
    },

    async operatorsOf(officeId) {
      const rows = await sql.query<MemberRow>(
        `SELECT ${MEMBER_COLUMNS} FROM staff_members WHERE office_id = $1 AND role = 'operator' AND revoked_at IS NULL ORDER BY id`,
        [officeId],
      );
      return rows.map(toMember);
    },

    audit: (record, now) => appendAudit(sql, record, now),

    trail: (trail, page, pageSize) => readAuditTrail(sql, trail, page, pageSize),
  };
}

/** Checks an invite grant names an office or unit that exists (the CLI and the admin's flow use it). */
export async function officeIdByCode(sql: SqlExecutor, code: string): Promise<{ id: number; name: string } | null> {
  const [row] = await sql.query<{ id: number; name: string }>(`SELECT id, name FROM offices WHERE code = $1`, [code]);
  return row ?? null;
}

/** A unit's id by code, created when missing (units are a minimal table until the cases issue extends it). */
export async function ensureUnit(sql: SqlExecutor, code: string, name = code): Promise<number> {
  const [row] = await sql.query<{ id: number }>(
    `INSERT INTO staff_units (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
    [code, name],
  );
  return row!.id;
}

export type { InviteGrant };
