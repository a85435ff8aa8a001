// Recognises PostgreSQL unique violations behind Prisma's errors, naming the index that refused.

/** PostgreSQL's SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = "23505";

interface DriverAdapterCause {
  originalCode?: unknown;
  originalMessage?: unknown;
  constraint?: { index?: unknown; fields?: unknown } | undefined;
}

/**
 * The name of the unique index or constraint an error reports as violated, or null when the error is
 * something else. Prisma 7 with a driver adapter reports it as P2002 (model queries) or P2010 (raw
 * queries), both carrying the driver's error in `meta.driverAdapterError.cause`; the message is the
 * fallback because it is the one place every path quotes the index name.
 */
export function violatedUniqueIndex(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverAdapterCause } } }).meta;
  const cause = meta?.driverAdapterError?.cause;
  if (cause?.originalCode !== UNIQUE_VIOLATION) return null;
  if (typeof cause.constraint?.index === "string") return cause.constraint.index;
  const quoted = typeof cause.originalMessage === "string" ? /unique constraint "([^"]+)"/.exec(cause.originalMessage) : null;
  return quoted?.[1] ?? "";
}

/** True when `error` is a unique violation of the index named `index`. */
export function isUniqueViolationOf(error: unknown, index: string): boolean {
  return violatedUniqueIndex(error) === index;
}
