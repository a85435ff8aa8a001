// Result: the success-or-error-code value every domain validator returns instead of throwing.

/** A successful outcome carrying its value. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** A refused outcome carrying an error code that the bot maps to a localized message. */
export interface Fail<E extends string> {
  readonly ok: false;
  readonly error: E;
}

/**
 * Either a value or an error code. Codes are string literal unions, never sentences:
 * user-facing wording lives in locales/*.ftl.
 */
export type Result<T, E extends string> = Ok<T> | Fail<E>;

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Wraps an error code as a refused Result. */
export function fail<E extends string>(error: E): Fail<E> {
  return { ok: false, error };
}
