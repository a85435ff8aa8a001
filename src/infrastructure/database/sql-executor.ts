// The small SQL surface the migration runner and raw queries need, over either node-postgres or PGlite.
import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { BoundedMemo } from "../../domain/shared/bounded-memo.js";

/** Runs SQL; `transaction` gives a connection-bound executor whose work commits or rolls back together. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several statements in one string (a migration file); no parameters. */
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/**
 * An executor on a node-postgres pool; a transaction holds one pooled client. A query with parameters runs as
 * a named prepared statement (preparedQuery): each connection parses and plans it once, not on every call.
 */
export function pgExecutor(pool: pg.Pool): SqlExecutor {
  // In a transaction a refused statement has aborted it, so the statement is not tried again there.
  const onClient = (client: pg.PoolClient | pg.Pool, inTransaction: boolean): Omit<SqlExecutor, "transaction"> => ({
    async query<Row>(sql: string, params?: unknown[]) {
      const result = params && params.length > 0 ? await preparedQuery(client, sql, params, inTransaction) : await client.query(sql, params);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    ...onClient(pool, false),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const tx: SqlExecutor = {
          ...onClient(client, true),
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
        };
        const result = await work(tx);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** An executor on an in-process PGlite database. */
export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          async query<Row>(sql: string, params?: unknown[]) {
            return (await tx.query<Row>(sql, params)).rows;
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
        }),
      );
    },
  };
}

/**
 * The statement names: the text's digest, so one text has one name on every connection and two texts never
 * share one. The statements are the code's constants (a few hundred at most); the bound is a safety net.
 */
const statementNames = new BoundedMemo<string, string>(10_000);
/**
 * Bumped when PostgreSQL refuses a prepared statement whose result columns a migration changed (SQLSTATE
 * 0A000, "cached plan must not change result type"): under new names every statement is prepared afresh, on
 * every connection; the stale ones go with their connections.
 */
let statementGeneration = 0;

const nameOf = (sql: string) => `${statementNames.get(sql, () => `s${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`)}_${statementGeneration}`;

/**
 * A parameterised query as a named prepared statement. If its cached plan went stale, the names move on and,
 * outside a transaction, it runs once more under its new name; a transaction fails once, as on a serialization
 * failure, and its next attempt prepares afresh.
 */
async function preparedQuery(client: pg.PoolClient | pg.Pool, sql: string, params: unknown[], inTransaction: boolean): Promise<pg.QueryResult> {
  const generation = statementGeneration;
  try {
    return await client.query({ name: nameOf(sql), text: sql, values: params });
  } catch (error) {
    if (!isStalePlan(error)) throw error;
    if (statementGeneration === generation) statementGeneration++;
    if (inTransaction) throw error;
    return client.query({ name: nameOf(sql), text: sql, values: params });
  }
}

function isStalePlan(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === "0A000" && typeof message === "string" && message.includes("cached plan must not change result type");
}
