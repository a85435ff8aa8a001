// Once per test run: check the services answer and build a migrated template database to clone per file.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { Redis } from "ioredis";
import { applyMigrations, readMigrations } from "../../src/infrastructure/database/migrations.js";
import { pgExecutor } from "../../src/infrastructure/database/sql-executor.js";
import { MIGRATIONS_DIR } from "../../src/infrastructure/database/database.js";
import { BASE_DATABASE_URL, databaseUrlFor, REDIS_URL, TEMPLATE_DATABASE_ENV } from "./services.js";

export default async function setup(): Promise<() => Promise<void>> {
  const admin = new pg.Client({ connectionString: BASE_DATABASE_URL });
  await admin.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL is not reachable at ${BASE_DATABASE_URL} (${error.message}); start it or set DATABASE_URL`);
  });
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect().catch((error: Error) => {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (${error.message}); start it or set REDIS_URL`);
  });
  redis.disconnect();

  const template = `idcard_template_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${template}"`);
  const pool = new pg.Pool({ connectionString: databaseUrlFor(template), max: 1 });
  await applyMigrations(pgExecutor(pool), await readMigrations(MIGRATIONS_DIR));
  await pool.end();
  process.env[TEMPLATE_DATABASE_ENV] = template;

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  };
}
