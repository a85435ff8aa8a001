// The PostgreSQL booking store runs the port's contract suite (the in-memory store runs the same one).
import { afterAll } from "vitest";
import type { ApplicationState } from "../../../src/domain/application/lifecycle.js";
import { createSqlBookingStore } from "../../../src/infrastructure/database/booking-store.js";
import { describeBookingStoreContract } from "../../contracts/booking-store.contract.js";
import { createTestDatabase } from "../../support/test-database.js";
import { insertOffice, insertPaidApplications, loadPlaces } from "./booking-fixtures.js";

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describeBookingStoreContract("PostgreSQL", async () => {
  const testDb = await createTestDatabase();
  const db = testDb.open();
  cleanups.push(async () => {
    await db.close();
    await testDb.drop();
  });
  await loadPlaces(db);
  return {
    store: createSqlBookingStore(db.sql),
    addOffice: (options = {}) => insertOffice(db, { counters: options.counters, active: options.active }),
    async addApplication(status = "paid") {
      // Inserted in its state directly (a fixture, not a lifecycle move): a code once paid, none before.
      const [id] = await insertPaidApplications(db, 1, status);
      const [row] = await db.sql.query<{ chat_id: string; tracking_code: string | null }>(
        `SELECT chat_id::text, tracking_code FROM applications WHERE id = $1::uuid`,
        [id],
      );
      return { id: id!, chatId: Number(row!.chat_id), trackingCode: row!.tracking_code };
    },
    async applicationStatus(id) {
      const [row] = await db.sql.query<{ status: ApplicationState }>(`SELECT status FROM applications WHERE id = $1::uuid`, [id]);
      return row?.status;
    },
  };
});
