// Case numbers: a running number plus a Verhoeff check digit, short enough to read aloud on the phone.
import { fail, ok, type Result } from "../shared/result.js";
import { hasValidVerhoeffCheckDigit, verhoeffCheckDigit } from "../shared/verhoeff.js";
import { normalizeNumericInput, toLatinDigits, toPersianDigits } from "../text/digits.js";

/** Eight Latin digits: seven of sequence, one check digit. */
export type CaseNumber = string & { readonly __caseNumber: true };

export type CaseNumberError = "empty" | "not_digits" | "wrong_length" | "mistyped";

/** The sequence starts here so every number has seven digits. */
export const FIRST_CASE_SEQUENCE = 1_000_000;
const SEQUENCE_DIGITS = 7;

/** The case number of the n-th case (n from the database sequence). */
export function caseNumberFromSequence(sequence: number): CaseNumber {
  if (!Number.isSafeInteger(sequence) || sequence < FIRST_CASE_SEQUENCE || sequence >= 10 ** SEQUENCE_DIGITS) {
    throw new RangeError(`case sequence out of range: ${sequence}`);
  }
  const body = String(sequence);
  return `${body}${verhoeffCheckDigit(body)}` as CaseNumber;
}

/** Reads a typed case number: any digits, spaces or dashes; a single mistyped digit or swap is caught. */
export function parseCaseNumber(raw: string): Result<CaseNumber, CaseNumberError> {
  const digits = toLatinDigits(normalizeNumericInput(raw));
  if (digits.length === 0) return fail("empty");
  if (!/^[0-9]+$/.test(digits)) return fail("not_digits");
  if (digits.length !== SEQUENCE_DIGITS + 1) return fail("wrong_length");
  if (!hasValidVerhoeffCheckDigit(digits)) return fail("mistyped");
  return ok(digits as CaseNumber);
}

/** Grouped for reading aloud: 1234-5678 (Latin digits; the view turns them Persian and isolates them). */
export function formatCaseNumber(number: CaseNumber | string): string {
  return `${number.slice(0, 4)}-${number.slice(4)}`;
}

/** The number as citizens read it: Persian digits, grouped, kept left-to-right inside Persian text (LRI…PDI). */
export function displayCaseNumber(number: string): string {
  return `\u2066${toPersianDigits(formatCaseNumber(number))}\u2069`;
}
