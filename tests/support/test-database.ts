// A fresh, migrated database per test file (cloned from the run's template), dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPostgres, type Database } from "../../src/infrastructure/database/database.js";
import { BASE_DATABASE_URL, databaseUrlFor, TEMPLATE_DATABASE_ENV } from "./services.js";

export interface TestDatabase {
  url: string;
  name: string;
  /** Opens a connection of the application's own kind (Prisma + raw SQL) to this database. */
  open(): Database;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_DATABASE_ENV];
  if (!template) throw new Error("the test run's global setup did not prepare a template database");
  const name = `idcard_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = databaseUrlFor(name);
  return {
    url,
    name,
    open: () => openPostgres(url, { poolSize: 20 }),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: BASE_DATABASE_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
