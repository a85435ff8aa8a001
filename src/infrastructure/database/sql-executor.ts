// The small SQL surface the migration runner and raw queries need, over either node-postgres or PGlite.
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/** Runs SQL; `transaction` gives a connection-bound executor whose work commits or rolls back together. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several statements in one string (a migration file); no parameters. */
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/** An executor on a node-postgres pool; a transaction holds one pooled client. */
export function pgExecutor(pool: pg.Pool): SqlExecutor {
  const onClient = (client: pg.PoolClient | pg.Pool): Omit<SqlExecutor, "transaction"> => ({
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    ...onClient(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const tx: SqlExecutor = {
          ...onClient(client),
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
