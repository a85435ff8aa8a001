// Local mode's sample hotline people (prisma/seed-data/sample-case-staff.csv, made up and marked sample) so the
// browser chat can switch to an agent or a supervisor. Idempotent; a revoked sample person stays revoked.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { SqlExecutor } from "../sql-executor.js";

const CSV = fileURLToPath(new URL("../../../../prisma/seed-data/sample-case-staff.csv", import.meta.url));

export interface SampleStaffRow {
  user_id: string;
  display_name: string;
  role: "hotline_agent" | "supervisor";
  unit_code: string;
}

export async function sampleCaseStaff(): Promise<SampleStaffRow[]> {
  return parse(await readFile(CSV, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as SampleStaffRow[];
}

/** Adds each sample person who has never been enrolled; returns how many were added. */
export async function ensureSampleCaseStaff(sql: SqlExecutor): Promise<number> {
  let added = 0;
  for (const row of await sampleCaseStaff()) {
    const inserted = await sql.query(
      `INSERT INTO staff_members (user_id, display_name, role, unit_id, sample)
       SELECT $1, $2, $3, u.id, true FROM staff_units u
        WHERE u.code = $4 AND NOT EXISTS (SELECT 1 FROM staff_members m WHERE m.user_id = $1)
       RETURNING id`,
      [Number(row.user_id), row.display_name, row.role, row.unit_code],
    );
    if (inserted.length > 0) {
      await sql.query(
        `INSERT INTO audit_log (actor_member_id, actor_role, action, subject_kind, subject_id, after) VALUES (NULL, 'system', 'staff.enrol_sample', 'staff', $1, $2::jsonb)`,
        [String((inserted[0] as { id: number }).id), JSON.stringify({ role: row.role, unit: row.unit_code, sample: true })],
      );
      added++;
    }
  }
  return added;
}
