// The pool executor on real PostgreSQL: parameterised queries are prepared once per connection, and a
// statement whose result columns a migration changed is prepared afresh instead of failing for good.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "../../../src/infrastructure/database/database.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

describe("pgExecutor", () => {
  let testDb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    // One connection, so every query below sees the same session's prepared statements.
    db = openPostgres(testDb.url, { poolSize: 1 });
    await db.sql.exec("CREATE TABLE executor_probe (a int NOT NULL)");
    await db.sql.query("INSERT INTO executor_probe (a) VALUES ($1), ($2)", [1, 2]);
  });

  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const preparedLike = async (pattern: string) =>
    (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '${pattern}'`))[0]!.n;

  it("prepares a parameterised query once per connection and reuses it", async () => {
    const sql = "SELECT a FROM executor_probe WHERE a >= $1 ORDER BY a";
    expect(await preparedLike("SELECT a FROM executor_probe WHERE a >= %")).toBe(0);
    expect(await db.sql.query(sql, [1])).toEqual([{ a: 1 }, { a: 2 }]);
    expect(await db.sql.query(sql, [2])).toEqual([{ a: 2 }]);
    await db.sql.transaction((tx) => tx.query(sql, [1]));
    expect(await preparedLike("SELECT a FROM executor_probe WHERE a >= %")).toBe(1);
    // A query without parameters is not prepared (migrations and one-off statements).
    expect(await preparedLike("SELECT count(*)::int AS n FROM pg_prepared_statements%")).toBe(0);
  });

  it("answers with the new columns after a migration changed a prepared statement's result", async () => {
    const sql = "SELECT * FROM executor_probe WHERE a = $1";
    expect(await db.sql.query(sql, [1])).toEqual([{ a: 1 }]);
    await db.sql.exec("ALTER TABLE executor_probe ADD COLUMN b text");
    // PostgreSQL refuses the cached plan (0A000); outside a transaction the executor prepares it afresh.
    expect(await db.sql.query(sql, [1])).toEqual([{ a: 1, b: null }]);
    expect(await db.sql.query(sql, [2])).toEqual([{ a: 2, b: null }]);
  });

  it("fails a transaction once on a stale plan, and the next attempt prepares afresh", async () => {
    const sql = "SELECT * FROM executor_probe WHERE a = $1 AND a > 0";
    expect(await db.sql.transaction((tx) => tx.query(sql, [1]))).toEqual([{ a: 1, b: null }]);
    await db.sql.exec("ALTER TABLE executor_probe ADD COLUMN c int");
    await expect(db.sql.transaction((tx) => tx.query(sql, [1]))).rejects.toMatchObject({ code: "0A000" });
    expect(await db.sql.transaction((tx) => tx.query(sql, [1]))).toEqual([{ a: 1, b: null, c: null }]);
  });
});
