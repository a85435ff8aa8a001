// Local mode's sample staff: one admin and one operator of a sample office in Tehran (made-up people, marked sample).
import type { SqlExecutor } from "../database/sql-executor.js";

/** The browser chat's user ids of the sample staff (see src/infrastructure/web-chat/assets/citizens.js). */
export const SAMPLE_ADMIN_USER_ID = 900001;
export const SAMPLE_OPERATOR_USER_ID = 900002;

/** Tehran's city id in prisma/seed-data/iran-cities. */
const TEHRAN_CITY_ID = 399;

/** Adds the sample admin and operator unless they are there; returns the operator's office code. Idempotent. */
export async function ensureSampleStaff(sql: SqlExecutor): Promise<{ officeCode: string | null }> {
  const [office] = await sql.query<{ id: number; code: string }>(
    `SELECT id, code FROM offices WHERE code LIKE 'sample-%' AND city_id = $1 AND active ORDER BY code LIMIT 1`,
    [TEHRAN_CITY_ID],
  );
  const add = (userId: number, name: string, role: string, officeId: number | null) =>
    sql.query(
      `INSERT INTO staff_members (user_id, display_name, role, office_id, sample)
       SELECT $1, $2, $3, $4, true WHERE NOT EXISTS (SELECT 1 FROM staff_members WHERE user_id = $1 AND revoked_at IS NULL)`,
      [userId, name, role, officeId],
    );
  await add(SAMPLE_ADMIN_USER_ID, "Sample admin", "admin", null);
  if (office) await add(SAMPLE_OPERATOR_USER_ID, "Sample operator", "operator", office.id);
  return { officeCode: office?.code ?? null };
}
