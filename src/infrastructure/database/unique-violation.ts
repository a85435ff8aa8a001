// Recognises PostgreSQL unique violations from raw queries, naming the index that refused.

/** PostgreSQL's SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = "23505";

/** True for a unique violation (23505) of `index` from a raw query, as node-postgres and PGlite report it. */
export function isSqlUniqueViolation(error: unknown, index: string): boolean {
  const { code, constraint, message } = (error ?? {}) as { code?: string; constraint?: string; message?: string };
  return code === UNIQUE_VIOLATION && (constraint === index || (message ?? "").includes(index));
}
