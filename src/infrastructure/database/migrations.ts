// Applies prisma/migrations/*/migration.sql without Prisma's native schema engine, recording them as Prisma does.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlExecutor } from "./sql-executor.js";

/** One migration folder on disk. */
export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of the file's bytes, hex: the value Prisma keeps in _prisma_migrations.checksum. */
  checksum: string;
}

/** What a run did. */
export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/** Raised when the database and the migrations folder disagree; nothing is applied then. */
export class MigrationConflictError extends Error {
  override name = "MigrationConflictError";
}

// Prisma's own table definition, so `prisma migrate deploy` can take over a database we migrated.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Same advisory lock key Prisma Migrate uses, so our runner and Prisma's never run at once.
const MIGRATION_LOCK_KEY = 72707369;

/** Reads the migration folders in name (timestamp) order. */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    folders.map(async (name) => {
      const bytes = await readFile(path.join(migrationsDir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies every pending migration, each in its own transaction. Each transaction first takes an advisory
 * lock and re-reads the history, so several instances starting together apply each migration once.
 * Refuses to run when an applied migration's file has changed or disappeared, or an earlier attempt of
 * Prisma's failed half-way.
 */
export async function applyMigrations(db: SqlExecutor, migrations: MigrationFile[]): Promise<MigrationReport> {
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    const applied = await db.transaction(async (tx) => {
      // Transaction-scoped: released on commit or rollback, even if this process dies.
      await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      await tx.exec(CREATE_MIGRATIONS_TABLE);
      const rows = await readHistory(tx);
      checkHistory(rows, migrations);
      if (rows.some((row) => row.migration_name === migration.name)) return false;
      await tx.exec(migration.sql).catch((error: unknown) => {
        throw new Error(`migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      return true;
    });
    (applied ? report.applied : report.alreadyApplied).push(migration.name);
  }
  return report;
}

function readHistory(db: SqlExecutor): Promise<AppliedRow[]> {
  return db.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`);
}

/** Names of migrations on disk that the database has not applied yet. */
export async function pendingMigrations(db: SqlExecutor, migrations: MigrationFile[]): Promise<string[]> {
  const [table] = await db.query<{ name: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS name`);
  const rows = table?.name ? await readHistory(db) : [];
  checkHistory(rows, migrations);
  const applied = new Set(rows.map((row) => row.migration_name));
  return migrations.filter((migration) => !applied.has(migration.name)).map((migration) => migration.name);
}

function checkHistory(rows: AppliedRow[], migrations: MigrationFile[]): void {
  const onDisk = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of rows) {
    if (row.finished_at === null) {
      throw new MigrationConflictError(`migration ${row.migration_name} started but did not finish; resolve it (prisma migrate resolve) before going on`);
    }
    const file = onDisk.get(row.migration_name);
    if (!file) {
      throw new MigrationConflictError(`migration ${row.migration_name} is applied but its folder is missing`);
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationConflictError(`migration ${row.migration_name} was changed after it was applied; add a new migration instead of editing it`);
    }
  }
}
