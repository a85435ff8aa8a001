// Where the integration and end-to-end tests find PostgreSQL and Redis (the local services by default).
export const BASE_DATABASE_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** The same server URL pointing at another database. */
export function databaseUrlFor(name: string): string {
  const url = new URL(BASE_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Name of the migrated template database that global setup prepares for this run. */
export const TEMPLATE_DATABASE_ENV = "IDCARD_TEST_TEMPLATE_DB";
