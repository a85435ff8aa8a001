// The chats the bot has met: remembered on /start so later notifications can reach them.
import type { SqlExecutor } from "./sql-executor.js";

/**
 * Records a chat (seen again: last seen now, no longer blocked). One plain statement on the pool: it runs
 * on every /start, and Prisma's upsert cost more CPU to build than the statement costs to run.
 */
export function createChatRecorder(sql: SqlExecutor, platform: "telegram" | "bale"): (chatId: number) => Promise<void> {
  return async (chatId) => {
    const now = new Date();
    await sql.query(
      `INSERT INTO chats (id, platform, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, blocked_at = NULL`,
      [String(chatId), platform, now],
    );
  };
}
