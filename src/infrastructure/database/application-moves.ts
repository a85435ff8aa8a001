// Lifecycle moves of applications made inside a store's transaction, through the one writer of status.
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import type { SqlExecutor } from "./sql-executor.js";

/**
 * Moves applications still in one of `from` to `to` through application_move() (migration
 * 20261201100000_one_status_writer: the only statement that changes applications.status, with its
 * timeline event); returns the ids it moved.
 */
export async function moveApplicationStatus(
  tx: SqlExecutor,
  applicationIds: readonly string[],
  from: readonly ApplicationState[],
  to: ApplicationState,
  at: Date,
): Promise<string[]> {
  const moved = await tx.query<{ id: string }>(`SELECT id::text AS id FROM application_move($1::uuid[], $2::text[], $3, $4) AS id`, [
    applicationIds,
    from,
    to,
    at,
  ]);
  return moved.map((row) => row.id);
}

/** Moves applications still in `from` to `to`; returns every application's chat and code (to tell them). */
export async function moveApplications(
  tx: SqlExecutor,
  applicationIds: string[],
  from: ApplicationState,
  to: ApplicationState,
  now: Date,
): Promise<Map<string, { chatId: number; trackingCode: string | null }>> {
  await moveApplicationStatus(tx, applicationIds, [from], to, now);
  const contacts = await tx.query<{ id: string; chat_id: string; tracking_code: string | null }>(
    `SELECT id::text AS id, chat_id::text AS chat_id, tracking_code FROM applications WHERE id = ANY($1::uuid[])`,
    [applicationIds],
  );
  return new Map(contacts.map((row) => [row.id, { chatId: Number(row.chat_id), trackingCode: row.tracking_code }]));
}
