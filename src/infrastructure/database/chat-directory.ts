// The chats the bot has met: remembered on /start so later notifications can reach them.
import type { MeetOnStart } from "../../domain/staff/staff-store.js";
import type { SqlExecutor } from "./sql-executor.js";
import { MEMBER_COLUMNS, type MemberRow, toMember } from "./staff-store.js";

// Seen again: last seen now, no longer blocked; the first sighting is kept.
const ON_CONFLICT_SEEN_AGAIN = `ON CONFLICT (id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, blocked_at = NULL`;

/**
 * Records a chat. One plain statement on the pool: it runs on every /start, and Prisma's upsert cost more
 * CPU to build than the statement costs to run.
 */
export function createChatRecorder(sql: SqlExecutor, platform: "telegram" | "bale"): (chatId: number) => Promise<void> {
  return async (chatId) => {
    const now = new Date();
    await sql.query(`INSERT INTO chats (id, platform, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $3) ${ON_CONFLICT_SEEN_AGAIN}`, [
      String(chatId),
      platform,
      now,
    ]);
  };
}

/**
 * What a plain /start needs in one round trip instead of two: is this user staff (the staff menu), and if
 * not, the chat recorded as the citizen's main menu records it. A staff member's chat is not recorded, as
 * before (their /start never reached the main menu). The role is read by this statement, never kept.
 */
export function createStartMeeting(sql: SqlExecutor, platform: "telegram" | "bale"): MeetOnStart {
  const recordChat = createChatRecorder(sql, platform);
  return async (chatId, userId) => {
    // No user id PostgreSQL could match (never from the platform): not staff, and the chat recorded all the same.
    if (!Number.isSafeInteger(userId)) return recordChat(chatId).then(() => null);
    const [row] = await sql.query<MemberRow>(
      `WITH member AS (SELECT ${MEMBER_COLUMNS} FROM staff_members WHERE user_id = $4 AND revoked_at IS NULL),
            recorded AS (
              INSERT INTO chats (id, platform, first_seen_at, last_seen_at)
              SELECT $1::bigint, $2::text, $3::timestamptz, $3::timestamptz WHERE NOT EXISTS (SELECT 1 FROM member)
              ${ON_CONFLICT_SEEN_AGAIN}
            )
       SELECT * FROM member`,
      [String(chatId), platform, new Date(), userId],
    );
    return row ? toMember(row) : null;
  };
}
