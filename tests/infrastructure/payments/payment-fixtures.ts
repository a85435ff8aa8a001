// Test fixtures for payment tests: a place and applications inserted straight into a test database.
import type { Database } from "../../../src/infrastructure/database/database.js";

let nationalIdCounter = 0;

/** Inserts province 1 and city 1, which every application row needs. */
export async function insertPlaces(db: Database): Promise<void> {
  await db.sql.query(`INSERT INTO provinces (id, name) VALUES (1, 'تهران') ON CONFLICT DO NOTHING`);
  await db.sql.query(`INSERT INTO cities (id, province_id, name, is_metropolis) VALUES (1, 1, 'تهران', true) ON CONFLICT DO NOTHING`);
}

export interface ApplicationFixture {
  status?: string;
  chatId?: number;
  feeRial?: number;
  trackingCode?: string | null;
}

/** Inserts an application (a fresh national ID each time, so the one-open-per-citizen index never bites). */
export async function insertApplication(db: Database, fixture: ApplicationFixture = {}): Promise<string> {
  const nationalId = String(++nationalIdCounter).padStart(10, "0");
  const rows = await db.sql.query<{ id: string }>(
    `INSERT INTO applications (national_id, birth_date, first_name, last_name, father_name, mobile, landline, postal_code,
                               address, city_id, chat_id, status, tracking_code, fee_rial)
     VALUES ($1, '1370/01/01', 'علی', 'رضایی', 'حسن', '09121234567', '02112345678', '1234567890', 'تهران، خیابان آزادی',
             1, $2, $3, $4, $5)
     RETURNING id::text AS id`,
    [nationalId, fixture.chatId ?? 1000, fixture.status ?? "awaiting_payment", fixture.trackingCode ?? null, fixture.feeRial ?? 200_000],
  );
  return rows[0]!.id;
}
