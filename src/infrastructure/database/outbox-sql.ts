// Writes an outbox message inside another transaction, so the message exists exactly when the change it announces does.
import type { SqlExecutor } from "./sql-executor.js";

export interface OutboxMessage {
  /** Names the message once and for all; a second write with the same key is a no-op. */
  dedupKey: string;
  chatId: number | bigint | string;
  messageKey: string;
  params: Record<string, string | number>;
}

/** True when the message was added, false when it already existed. */
export async function enqueueInTransaction(tx: SqlExecutor, message: OutboxMessage): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO notifications (dedup_key, chat_id, message_key, params) VALUES ($1, $2::bigint, $3, $4::jsonb)
     ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
    [message.dedupKey, String(message.chatId), message.messageKey, JSON.stringify(message.params)],
  );
  return rows.length === 1;
}
