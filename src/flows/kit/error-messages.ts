// The explanations of a question's error codes: one family of locale keys per question, `${prefix}-${code}`.
//
// A family lists its codes as the keys of an object, so the compiler holds the question to them: a parser
// that can return a code its family does not list does not compile. Every family defined here is in
// ERROR_MESSAGE_FAMILIES, which tests/locales/locales.test.ts checks against the locale files key by key.

export interface ErrorMessages<E extends string> {
  readonly prefix: string;
  readonly codes: readonly E[];
  /** The locale key that explains `code` (a function property, not a method: the compiler then refuses a family lacking a code the parser returns). */
  readonly key: (code: E) => string;
}

const families: Array<ErrorMessages<string>> = [];

/** Every family defined so far (modules define theirs at load time). */
export const ERROR_MESSAGE_FAMILIES: ReadonlyArray<ErrorMessages<string>> = families;

/** Defines the family `prefix` with exactly the codes of `codes` (the values only mark them). */
export function errorMessages<E extends string>(prefix: string, codes: Record<E, true>): ErrorMessages<E> {
  const family: ErrorMessages<E> = {
    prefix,
    codes: Object.keys(codes) as E[],
    key: (code) => `${prefix}-${code}`,
  };
  if (families.some((known) => known.prefix === prefix)) throw new Error(`error messages ${prefix} are defined twice`);
  families.push(family as unknown as ErrorMessages<string>);
  return family;
}
