// Fixtures for case tests: reference data, the home-service units, offices and staff members in a test database.
import type { Database } from "../../../src/infrastructure/database/database.js";
import { ensureReferenceData } from "../../../src/infrastructure/database/reference-data.js";
import { ensureHomeServiceUnits } from "../../../src/infrastructure/database/cases/case-units.js";
import type { StaffActor, StaffRole } from "../../../src/domain/cases/staff-actor.js";

export const TEHRAN_PROVINCE = 8;
export const TEHRAN_CITY = 399;

export async function prepareCaseData(db: Database): Promise<void> {
  await ensureReferenceData(db);
  await ensureHomeServiceUnits(db.sql);
}

let counter = 0;

export async function insertOffice(db: Database, type: "pishkhan" | "post" | "civil_registration"): Promise<number> {
  const [row] = await db.sql.query<{ id: number }>(
    `INSERT INTO offices (code, type, name, province_id, city_id, address, phone, latitude, longitude, weekly_hours, slot_minutes, counters)
     VALUES ($1, $2, $1, $3, $4, 'Tehran', '02100000000', 35.7, 51.4, 'sat-wed 07:30-14:30; thu 07:30-12:00', 15, 1) RETURNING id`,
    [`case-office-${process.pid}-${++counter}`, type, TEHRAN_PROVINCE, TEHRAN_CITY],
  );
  return row!.id;
}

export async function unitId(db: Database, code: string): Promise<number> {
  const [row] = await db.sql.query<{ id: number }>(`SELECT id FROM staff_units WHERE code = $1`, [code]);
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}

/** A staff member of a unit, inserted as issue 10's enrolment would leave one. */
export async function insertStaff(db: Database, role: StaffRole, unit: number | null, userId = 700_000 + ++counter): Promise<StaffActor> {
  const [row] = await db.sql.query<{ id: number }>(`INSERT INTO staff_members (user_id, display_name, role, unit_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
    userId,
    `${role}-${counter}`,
    role,
    unit,
  ]);
  return { memberId: row!.id, userId, role, unitId: unit, displayName: `${role}-${counter}` };
}
