// Opens the database: PostgreSQL through node-postgres, or the embedded PGlite when no DATABASE_URL is set.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client.js";
import { applyMigrations, pendingMigrations, readMigrations, type MigrationReport } from "./migrations.js";
import { pgExecutor, pgliteExecutor, type SqlExecutor } from "./sql-executor.js";

export { PrismaClient } from "./generated/prisma/client.js";

/** The repository's prisma/migrations folder, wherever the process was started from. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

/** An open database: Prisma for the application, raw SQL for migrations and maintenance. */
export interface Database {
  kind: "postgres" | "embedded";
  prisma: PrismaClient;
  sql: SqlExecutor;
  close(): Promise<void>;
}

/**
 * How long a pooled connection may sit idle before it is closed (node-postgres' default is 10 s). Under load no
 * connection idles that long; when a peak passes, each instance hands its connections back to the server's
 * max_connections within seconds instead of holding the peak's number for 10 s more.
 */
const IDLE_CONNECTION_MS = 2_000;

/** Connects to PostgreSQL at `url`. Pool size is per process; several instances share the server. */
export function openPostgres(url: string, options: { poolSize?: number; onIdleError?: (error: Error) => void } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, idleTimeoutMillis: IDLE_CONNECTION_MS });
  // An idle pooled connection that the server drops (restart, failover, a dropped database) emits 'error';
  // without a listener that would crash the process. The pool replaces the connection on next use.
  pool.on("error", options.onIdleError ?? (() => undefined));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    sql: pgExecutor(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Opens (creating if needed) an embedded PostgreSQL persisted under `dataDir`; one process only. */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const folder = path.resolve(dataDir, "pglite");
  await mkdir(folder, { recursive: true });
  const pglite = await PGlite.create(folder);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "embedded",
    prisma,
    sql: pgliteExecutor(pglite),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** Applies the repository's pending migrations. */
export async function migrate(db: Database): Promise<MigrationReport> {
  return applyMigrations(db.sql, await readMigrations(MIGRATIONS_DIR));
}

/** Names of the repository's migrations this database lacks. */
export async function listPendingMigrations(db: Database): Promise<string[]> {
  return pendingMigrations(db.sql, await readMigrations(MIGRATIONS_DIR));
}
