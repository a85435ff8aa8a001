// The chats the bot has met: remembered on /start so later notifications can reach them.
import type { PrismaClient } from "./database.js";

/** Records a chat (seen again: last seen now, no longer blocked). */
export function createChatRecorder(prisma: PrismaClient, platform: "telegram" | "bale"): (chatId: number) => Promise<void> {
  return async (chatId) => {
    await prisma.chat.upsert({
      where: { id: BigInt(chatId) },
      create: { id: BigInt(chatId), platform },
      update: { lastSeenAt: new Date(), blockedAt: null },
    });
  };
}
