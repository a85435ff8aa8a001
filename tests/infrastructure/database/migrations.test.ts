import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationConflictError, pendingMigrations, readMigrations } from "../../../src/infrastructure/database/migrations.js";
import { migrate, listPendingMigrations, type Database } from "../../../src/infrastructure/database/database.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

describe("migration runner on real PostgreSQL", () => {
  let testDb: TestDatabase;
  let db: Database;
  let dir: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    // Start from an empty schema: this test owns its own migration history.
    await db.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  async function writeMigration(name: string, sql: string) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }

  it("applies pending migrations in order and records them as Prisma does", async () => {
    await writeMigration("20260101000000_first", `CREATE TABLE a (id int primary key);`);
    await writeMigration("20260102000000_second", `CREATE TABLE b (id int primary key references a(id));`);
    const report = await applyMigrations(db.sql, await readMigrations(dir));
    expect(report.applied).toEqual(["20260101000000_first", "20260102000000_second"]);
    const rows = await db.sql.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(report.applied);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.checksum) && row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });

  it("applies nothing twice", async () => {
    const report = await applyMigrations(db.sql, await readMigrations(dir));
    expect(report).toEqual({ applied: [], alreadyApplied: ["20260101000000_first", "20260102000000_second"] });
  });

  it("rolls back a failing migration entirely and does not record it", async () => {
    await writeMigration("20260103000000_broken", `CREATE TABLE c (id int); SELECT no_such_function();`);
    await expect(applyMigrations(db.sql, await readMigrations(dir))).rejects.toThrow(/20260103000000_broken failed/);
    const [table] = await db.sql.query<{ name: string | null }>(`SELECT to_regclass('c')::text AS name`);
    expect(table?.name).toBeNull();
    expect(await pendingMigrations(db.sql, await readMigrations(dir))).toEqual(["20260103000000_broken"]);
    await writeMigration("20260103000000_broken", `CREATE TABLE c (id int);`);
    expect((await applyMigrations(db.sql, await readMigrations(dir))).applied).toEqual(["20260103000000_broken"]);
  });

  it("refuses to go on when an applied migration's file has changed", async () => {
    await writeMigration("20260101000000_first", `CREATE TABLE a (id bigint primary key);`);
    await writeMigration("20260104000000_fourth", `CREATE TABLE d (id int);`);
    await expect(applyMigrations(db.sql, await readMigrations(dir))).rejects.toBeInstanceOf(MigrationConflictError);
    const [table] = await db.sql.query<{ name: string | null }>(`SELECT to_regclass('d')::text AS name`);
    expect(table?.name).toBeNull();
  });

  it("applies each migration once when several instances start together", async () => {
    const other = await createTestDatabase();
    const instances = Array.from({ length: 4 }, () => other.open());
    try {
      await instances[0]!.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
      const racer = await mkdtemp(path.join(tmpdir(), "migrations-race-"));
      for (const name of ["20260101000000_a", "20260102000000_b"]) {
        await mkdir(path.join(racer, name));
        await writeFile(path.join(racer, name, "migration.sql"), `CREATE TABLE t_${name.slice(-1)} (id int);`);
      }
      const files = await readMigrations(racer);
      const reports = await Promise.all(instances.map((instance) => applyMigrations(instance.sql, files)));
      expect(reports.flatMap((report) => report.applied).sort()).toEqual(["20260101000000_a", "20260102000000_b"]);
      const [count] = await instances[0]!.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      expect(count?.n).toBe(2);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await other.drop();
    }
  });

  it("brings the repository's own migrations to a fresh database", async () => {
    const fresh = await createTestDatabase();
    const conn = fresh.open();
    try {
      await conn.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
      expect((await listPendingMigrations(conn)).length).toBeGreaterThan(0);
      await migrate(conn);
      expect(await listPendingMigrations(conn)).toEqual([]);
      await conn.prisma.chat.create({ data: { id: 1n, platform: "telegram" } });
      expect(await conn.prisma.chat.count()).toBe(1);
    } finally {
      await conn.close();
      await fresh.drop();
    }
  });
});
