// Writes a message for a citizen into the outbox; the dedup key makes a second write of the same message a no-op.
import type { PrismaClient } from "../database/database.js";

export interface OutgoingNotification {
  /** Names the message once and for all, e.g. "reminder:<appointment>:day-before". */
  dedupKey: string;
  chatId: number | bigint;
  messageKey: string;
  params: Record<string, string | number>;
}

/** True when the message was added, false when it already existed. */
export async function enqueueNotification(prisma: PrismaClient, notification: OutgoingNotification): Promise<boolean> {
  const { count } = await prisma.notification.createMany({
    data: [{ ...notification, chatId: BigInt(notification.chatId) }],
    skipDuplicates: true,
  });
  return count === 1;
}
