// Tracking codes (code-e rahgiri): random 12-digit codes with a Verhoeff check digit that catches typos.
import { fail, ok } from "../shared/result.js";
import type { Result } from "../shared/result.js";
import { hasValidVerhoeffCheckDigit, verhoeffCheckDigit } from "../shared/verhoeff.js";
import { isLatinDigitString, normalizeNumericInput } from "../text/digits.js";

declare const trackingCodeBrand: unique symbol;

/** A 12-digit tracking code: 11 random digits (the first never 0) and a Verhoeff check digit. */
export type TrackingCode = string & { readonly [trackingCodeBrand]: true };

/** Why a typed tracking code was refused; `mistyped` means the check digit does not match. */
export type TrackingCodeError = "empty" | "not_digits" | "wrong_length" | "mistyped";

/**
 * Source of uniform random integers in 0..maxExclusive-1. Production passes node:crypto's
 * randomInt, because codes must not be guessable; tests pass a scripted sequence.
 */
export type RandomInt = (maxExclusive: number) => number;

/** Total length of a tracking code, check digit included. */
export const TRACKING_CODE_LENGTH = 12;

/**
 * Draws a new tracking code. Codes are random rather than sequential so that one applicant cannot
 * guess another's; uniqueness is left to the database's unique index (retry on conflict), since
 * 9·10^10 possible codes make clashes rare but not impossible. The first digit is never 0, so
 * spreadsheets and number fields never shorten the code.
 */
export function generateTrackingCode(random: RandomInt): TrackingCode {
  let body = String(1 + drawDigit(random, 9));
  while (body.length < TRACKING_CODE_LENGTH - 1) body += String(drawDigit(random, 10));
  return `${body}${verhoeffCheckDigit(body)}` as TrackingCode;
}

/**
 * Parses a typed tracking code in any digit kind, with or without the dashes of formatTrackingCode.
 * A code starting with 0 is never issued and is reported as `mistyped`.
 */
export function parseTrackingCode(raw: string): Result<TrackingCode, TrackingCodeError> {
  const digits = normalizeNumericInput(raw);
  if (digits === "") return fail("empty");
  if (!isLatinDigitString(digits)) return fail("not_digits");
  if (digits.length !== TRACKING_CODE_LENGTH) return fail("wrong_length");
  if (digits.startsWith("0") || !hasValidVerhoeffCheckDigit(digits)) return fail("mistyped");
  return ok(digits as TrackingCode);
}

/** Groups a code in fours for reading aloud and copying: 1234-5678-9012 (Latin digits; callers localize). */
export function formatTrackingCode(code: TrackingCode): string {
  return code.match(/\d{4}/g)?.join("-") ?? code;
}

/**
 * Whether a well-formed code that matched nothing may be a real code typed with its groups in reverse order,
 * as a citizen does who copies a code that a right-to-left screen showed reversed (9012-5678-1234). Such a
 * miss is answered as a typo, not as "no such application".
 */
export function mayBeReversedGroups(code: TrackingCode): boolean {
  const reversed = (code.match(/\d{4}/g) ?? []).reverse().join("");
  return reversed !== code && !reversed.startsWith("0") && hasValidVerhoeffCheckDigit(reversed);
}

function drawDigit(random: RandomInt, maxExclusive: number): number {
  const value = random(maxExclusive);
  if (!Number.isInteger(value) || value < 0 || value >= maxExclusive) {
    throw new RangeError(`randomInt(${maxExclusive}) returned ${value}`);
  }
  return value;
}
