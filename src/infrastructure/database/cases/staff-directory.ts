// Who a messenger user is on the staff side, read through issue 10's staff store when each action runs.
import { actorOf, type StaffActor } from "../../../domain/cases/staff-actor.js";
import type { StaffStore } from "../../../domain/staff/staff-store.js";
import type { SqlExecutor } from "../sql-executor.js";

export interface StaffDirectory {
  /** The user's active staff role, or null for a citizen (a revocation applies at once). */
  byUser(userId: number): Promise<StaffActor | null>;
  /** Active agents and supervisors of a unit (the supervisor's reassign list). */
  membersOfUnit(unitId: number): Promise<StaffActor[]>;
}

export function createStaffDirectory(staff: StaffStore, sql: SqlExecutor): StaffDirectory {
  return {
    async byUser(userId) {
      const member = await staff.activeMember(userId);
      return member ? actorOf(member) : null;
    },
    async membersOfUnit(unitId) {
      const rows = await sql.query<{ id: number; user_id: string; role: StaffActor["role"]; display_name: string }>(
        `SELECT id, user_id::text AS user_id, role, display_name FROM staff_members
          WHERE unit_id = $1 AND revoked_at IS NULL AND role IN ('hotline_agent', 'supervisor') ORDER BY id`,
        [unitId],
      );
      return rows.map((row) => ({ memberId: row.id, userId: Number(row.user_id), role: row.role, unitId, displayName: row.display_name }));
    },
  };
}
