// Lifecycle moves of applications made inside a booking transaction, each with its timeline event.
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import type { SqlExecutor } from "./sql-executor.js";

/** Moves applications still in `from` to `to` with a timeline event each; returns every application's chat and code. */
export async function moveApplications(
  tx: SqlExecutor,
  applicationIds: string[],
  from: ApplicationState,
  to: ApplicationState,
  now: Date,
): Promise<Map<string, { chatId: number; trackingCode: string | null }>> {
  const moved = await tx.query<{ id: string }>(
    `UPDATE applications SET status = $3, updated_at = $4 WHERE id = ANY($1::uuid[]) AND status = $2 RETURNING id::text AS id`,
    [applicationIds, from, to, now],
  );
  if (moved.length > 0) {
    await tx.query(`INSERT INTO application_events (application_id, status, at) SELECT unnest($1::uuid[]), $2, $3`, [
      moved.map((row) => row.id),
      to,
      now,
    ]);
  }
  const contacts = await tx.query<{ id: string; chat_id: string; tracking_code: string | null }>(
    `SELECT id::text AS id, chat_id::text AS chat_id, tracking_code FROM applications WHERE id = ANY($1::uuid[])`,
    [applicationIds],
  );
  return new Map(contacts.map((row) => [row.id, { chatId: Number(row.chat_id), trackingCode: row.tracking_code }]));
}
