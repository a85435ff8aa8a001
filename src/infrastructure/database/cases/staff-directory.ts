// Reads who a messenger user is on the staff side (staff_members of issue 10), as the case rules see them.
import type { StaffActor, StaffRole } from "../../../domain/cases/staff-actor.js";
import type { SqlExecutor } from "../sql-executor.js";

export interface StaffDirectory {
  /** The user's active staff role, or null for a citizen. Read on every staff action (a revocation applies at once). */
  byUser(userId: number): Promise<StaffActor | null>;
  membersOfUnit(unitId: number): Promise<StaffActor[]>;
}

interface MemberRow {
  id: number;
  user_id: string;
  role: StaffRole;
  unit_id: number | null;
  display_name: string;
}

const toActor = (row: MemberRow): StaffActor => ({ memberId: row.id, userId: Number(row.user_id), role: row.role, unitId: row.unit_id, displayName: row.display_name });

export function createSqlStaffDirectory(sql: SqlExecutor): StaffDirectory {
  return {
    async byUser(userId) {
      const [row] = await sql.query<MemberRow>(
        `SELECT id, user_id::text AS user_id, role, unit_id, display_name FROM staff_members WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId],
      );
      return row ? toActor(row) : null;
    },
    async membersOfUnit(unitId) {
      const rows = await sql.query<MemberRow>(
        `SELECT id, user_id::text AS user_id, role, unit_id, display_name FROM staff_members WHERE unit_id = $1 AND revoked_at IS NULL ORDER BY id`,
        [unitId],
      );
      return rows.map(toActor);
    },
  };
}
