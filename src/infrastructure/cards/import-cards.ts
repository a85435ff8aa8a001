// Imports a cards CSV file: validate every row against the database, then, in one transaction, record each new
// card as ready at its office, move its application to ready_for_pickup and tell the citizen once (outbox).
import { moveApplicationStatus } from "../database/application-moves.js";
import { DEFAULT_PICKUP_POLICY, heldUntil, type PickupPolicy } from "../../domain/cards/card.js";
import { appendAudit } from "../database/audit-sql.js";
import { toSqlDate } from "../database/booking-sql-dates.js";
import { announceCardReady } from "../database/card-store.js";
import type { SqlExecutor } from "../database/sql-executor.js";
import type { OfficeCsvError } from "../offices/office-csv.js";
import { parseCardCsv } from "./card-csv.js";

export type CardImportResult =
  | { readonly ok: true; readonly imported: number; readonly unchanged: number; readonly announced: number }
  | { readonly ok: false; readonly errors: readonly OfficeCsvError[] };

/**
 * All rows or none. A row whose card is already recorded with the same serial is left as it is (re-import is
 * idempotent); the same tracking code with another serial, a serial of another application, an unknown
 * tracking code or office, or an application not in production is reported with its line.
 */
export async function importCardsCsv(
  sql: SqlExecutor,
  text: string,
  options: { now?: Date; deliveryRial: number; policy?: PickupPolicy },
): Promise<CardImportResult> {
  const parsed = parseCardCsv(text);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  const now = options.now ?? new Date();
  const policy = options.policy ?? DEFAULT_PICKUP_POLICY;
  return sql.transaction(async (tx): Promise<CardImportResult> => {
    const codes = parsed.rows.map((row) => row.draft.trackingCode);
    const applications = new Map(
      (
        await tx.query<{ tracking_code: string; id: string; status: string; card_serial: string | null }>(
          `SELECT p.tracking_code, p.id::text AS id, p.status, c.serial AS card_serial
             FROM applications p LEFT JOIN cards c ON c.application_id = p.id WHERE p.tracking_code = ANY($1::text[]) FOR UPDATE OF p`,
          [codes],
        )
      ).map((row) => [row.tracking_code, row]),
    );
    const offices = new Map(
      (
        await tx.query<{ code: string; id: number }>(`SELECT code, id FROM offices WHERE code = ANY($1::text[])`, [
          parsed.rows.map((row) => row.draft.officeCode),
        ])
      ).map((row) => [row.code, row.id]),
    );
    const serialOwners = new Map(
      (
        await tx.query<{ serial: string; tracking_code: string }>(
          `SELECT c.serial, p.tracking_code FROM cards c JOIN applications p ON p.id = c.application_id WHERE c.serial = ANY($1::text[])`,
          [parsed.rows.map((row) => row.draft.serial)],
        )
      ).map((row) => [row.serial, row.tracking_code]),
    );
    const errors: OfficeCsvError[] = [];
    const fresh: Array<{ applicationId: string; officeId: number; draft: (typeof parsed.rows)[number]["draft"] }> = [];
    let unchanged = 0;
    for (const { line, draft } of parsed.rows) {
      const application = applications.get(draft.trackingCode);
      const officeId = offices.get(draft.officeCode);
      const owner = serialOwners.get(draft.serial);
      if (!application) errors.push({ line, reason: "unknown_tracking_code", column: "tracking_code", value: draft.trackingCode });
      else if (officeId === undefined) errors.push({ line, reason: "unknown_office", column: "pickup_office_code", value: draft.officeCode });
      else if (application.card_serial === draft.serial) unchanged++;
      else if (application.card_serial !== null)
        errors.push({ line, reason: "card_already_imported", column: "card_serial", value: `${draft.serial} (recorded: ${application.card_serial})` });
      else if (owner !== undefined) errors.push({ line, reason: "serial_of_another_application", column: "card_serial", value: draft.serial });
      else if (application.status !== "in_production")
        errors.push({ line, reason: "application_not_in_production", column: "tracking_code", value: application.status });
      else fresh.push({ applicationId: application.id, officeId, draft });
    }
    if (errors.length > 0) return { ok: false, errors };

    let announced = 0;
    for (const card of fresh) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO cards (application_id, serial, issued_on, office_id, status, ready_at, held_until, imported_at)
         VALUES ($1::uuid, $2, $3::date, $4, 'ready', $5, $6, $5) RETURNING id::text AS id`,
        [card.applicationId, card.draft.serial, toSqlDate(card.draft.issuedOn), card.officeId, now, heldUntil(now, policy)],
      );
      // Through the one writer of application status (it records the timeline event too).
      await moveApplicationStatus(tx, [card.applicationId], ["in_production"], "ready_for_pickup", now);
      await appendAudit(
        tx,
        {
          actor: { memberId: null, role: "cli" },
          action: "card.import",
          subjectKind: "card",
          subjectId: row!.id,
          officeId: card.officeId,
          applicationId: card.applicationId,
          before: { status: "in_production" },
          after: { status: "ready", serial: card.draft.serial },
        },
        now,
      );
      if (await announceCardReady(tx, row!.id, "import", options.deliveryRial)) announced++;
    }
    return { ok: true, imported: fresh.length, unchanged, announced };
  });
}
