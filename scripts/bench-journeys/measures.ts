// Reading the figures the bench reports: percentiles, Redis memory under a prefix or of one chat, SQL transactions.
import type { Redis } from "ioredis";
import type pg from "pg";

/** The p-th percentile (0..100) of `values` (nearest rank); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Every key under `prefix`, with MEMORY USAGE of each (bytes, Redis' own accounting incl. overhead). */
export async function memoryUnder(redis: Redis, prefix: string): Promise<{ keys: number; bytes: number }> {
  let cursor = "0";
  let keys = 0;
  let bytes = 0;
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    cursor = next;
    if (found.length === 0) continue;
    const pipeline = redis.pipeline();
    for (const key of found) pipeline.memory("USAGE", key);
    for (const [, size] of (await pipeline.exec()) ?? []) bytes += Number(size ?? 0);
    keys += found.length;
  } while (cursor !== "0");
  return { keys, bytes };
}

/**
 * The keys of one chat under `prefix` (a key segment equal to the chat id) and their memory; the conversation
 * key(s) among them separately. Found by SCAN, so it costs a pass over the prefix: call it for a few chats only.
 */
export async function memoryOfChat(redis: Redis, prefix: string, chatId: number): Promise<{ chatBytes: number; conversationBytes: number }> {
  let cursor = "0";
  let chatBytes = 0;
  let conversationBytes = 0;
  const id = String(chatId);
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}*${id}*`, "COUNT", 1000);
    cursor = next;
    for (const key of found) {
      if (!key.slice(prefix.length).split(/[:/]/).includes(id)) continue;
      const size = Number((await redis.memory("USAGE", key)) ?? 0);
      chatBytes += size;
      if (key.includes("conversation")) conversationBytes += size;
    }
  } while (cursor !== "0");
  return { chatBytes, conversationBytes };
}

/** Committed + rolled-back transactions of a database so far (as the statistics collector last heard). */
export async function transactionsOf(admin: pg.Client, database: string): Promise<number> {
  await admin.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await admin.query<{ n: string }>("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1", [database]);
  return Number(rows[0]?.n ?? 0);
}
