// The status check's reads (live appointment, no-show reopening, card) as one statement instead of three.
import type { StatusReadFacts, StatusReads } from "../../flows/status/status-reads.js";
import { LIVE_OF_APPLICATION, UUID } from "./booking-sql-rows.js";
import type { SqlExecutor } from "./sql-executor.js";

interface Row {
  office_id: number | null;
  starts_at: Date | null;
  reopens_at: Date | null;
  card_status: string | null;
  card_office_id: number | null;
  card_transfer_office_id: number | null;
}

/**
 * One round trip (one pg writev, one parse) where the flow made three: the same predicates as
 * BookingStore.liveAppointmentOf / standing and CardStore.cardOf, joined on the application id.
 */
export function createSqlStatusReads(sql: SqlExecutor): StatusReads {
  return {
    async factsOf(applicationId): Promise<StatusReadFacts> {
      if (!UUID.test(applicationId)) return { live: null, bookingReopensAt: null, card: null };
      const [row] = await sql.query<Row>(
        `SELECT live.office_id, live.starts_at,
                (SELECT max(x.booking_reopens_at) FROM appointments x WHERE x.application_id = $1::uuid AND x.status = 'no_show') AS reopens_at,
                c.status AS card_status, c.office_id AS card_office_id, c.transfer_office_id AS card_transfer_office_id
           FROM (SELECT 1) one
           LEFT JOIN LATERAL (SELECT office_id, starts_at FROM appointments WHERE ${LIVE_OF_APPLICATION} LIMIT 1) live ON true
           LEFT JOIN cards c ON c.application_id = $1::uuid`,
        [applicationId],
      );
      return {
        live: row?.office_id != null && row.starts_at ? { officeId: row.office_id, startsAt: row.starts_at } : null,
        bookingReopensAt: row?.reopens_at ?? null,
        card:
          row?.card_status != null && row.card_office_id != null
            ? { status: row.card_status, officeId: row.card_office_id, transferOfficeId: row.card_transfer_office_id }
            : null,
      };
    },
  };
}
