// Seeds one home-service unit per province and its routing row (the hotlines come with the migration).
// Idempotent and respectful of edits: existing units and routes are left as an admin changed them.
import type { SqlExecutor } from "../sql-executor.js";

export async function ensureHomeServiceUnits(sql: SqlExecutor): Promise<number> {
  await sql.query(
    `INSERT INTO staff_units (code, name, kind, province_id)
     SELECT 'home-service-' || p.id, 'Home service, ' || p.name, 'home_service', p.id FROM provinces p
     ON CONFLICT DO NOTHING`,
  );
  const routes = await sql.query(
    `INSERT INTO case_routes (case_kind, office_type, province_id, unit_id)
     SELECT 'home_service', NULL, u.province_id, u.id FROM staff_units u WHERE u.kind = 'home_service' AND u.province_id IS NOT NULL
     ON CONFLICT DO NOTHING RETURNING id`,
  );
  return routes.length;
}
