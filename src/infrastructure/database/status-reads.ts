// The status check's reads (live appointment, no-show reopening, card) as one statement instead of three,
// and with the application found by its tracking code in that same statement.
import type { StatusReadFacts, StatusReads } from "../../flows/status/status-reads.js";
import { toView, VIEW_SELECT, type ViewRow } from "./application-store.js";
import { liveOfApplication, UUID } from "./booking-sql-rows.js";
import type { SqlExecutor } from "./sql-executor.js";

interface FactsRow {
  office_id: number | null;
  starts_at: Date | null;
  reopens_at: Date | null;
  card_status: string | null;
  card_office_id: number | null;
  card_transfer_office_id: number | null;
}

/** The same predicates as BookingStore.liveAppointmentOf / standing and CardStore.cardOf, for `id` (a uuid expression). */
const factsOf = (id: string) => ({
  columns: `live.office_id, live.starts_at,
            (SELECT max(x.booking_reopens_at) FROM appointments x WHERE x.application_id = ${id} AND x.status = 'no_show') AS reopens_at,
            c.status AS card_status, c.office_id AS card_office_id, c.transfer_office_id AS card_transfer_office_id`,
  joins: `LEFT JOIN LATERAL (SELECT office_id, starts_at FROM appointments WHERE ${liveOfApplication(id)} LIMIT 1) live ON true
          LEFT JOIN cards c ON c.application_id = ${id}`,
});

const OF_PARAMETER = factsOf("$1::uuid");
const OF_FOUND = factsOf("v.id::uuid");

/** One round trip (one pg writev, one parse) where the flow made three, or four with the application. */
export function createSqlStatusReads(sql: SqlExecutor): StatusReads {
  return {
    async factsOf(applicationId): Promise<StatusReadFacts> {
      if (!UUID.test(applicationId)) return { live: null, bookingReopensAt: null, card: null };
      const [row] = await sql.query<FactsRow>(`SELECT ${OF_PARAMETER.columns} FROM (SELECT 1) one ${OF_PARAMETER.joins}`, [applicationId]);
      return toFacts(row);
    },

    async findByTrackingCode(trackingCode) {
      // The facts of an application whose national ID then does not match are read for nothing and dropped.
      const [row] = await sql.query<ViewRow & FactsRow>(
        `SELECT v.*, ${OF_FOUND.columns} FROM (${VIEW_SELECT} WHERE a.tracking_code = $1) v ${OF_FOUND.joins}`,
        [trackingCode],
      );
      return row ? { ...toView(row), facts: toFacts(row) } : null;
    },
  };
}

function toFacts(row: FactsRow | undefined): StatusReadFacts {
  return {
    live: row?.office_id != null && row.starts_at ? { officeId: row.office_id, startsAt: row.starts_at } : null,
    bookingReopensAt: row?.reopens_at ?? null,
    card:
      row?.card_status != null && row.card_office_id != null
        ? { status: row.card_status, officeId: row.card_office_id, transferOfficeId: row.card_transfer_office_id }
        : null,
  };
}
