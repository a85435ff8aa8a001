// National ID (code melli): parses typed input into a checked 10-digit NationalId and masks it for logs.
import { fail, ok } from "../shared/result.js";
import type { Result } from "../shared/result.js";
import { isLatinDigitString, normalizeNumericInput } from "../text/digits.js";

declare const nationalIdBrand: unique symbol;

/** A 10-digit Iranian national ID whose check digit and pattern have been verified by {@link parseNationalId}. */
export type NationalId = string & { readonly [nationalIdBrand]: true };

/** Why a typed national ID was refused. */
export type NationalIdError = "empty" | "not_digits" | "wrong_length" | "invalid_checksum" | "invalid_pattern";

const NATIONAL_ID_LENGTH = 10;

/**
 * Parses a typed national ID (any digit kind, spaces and dashes allowed, as in 740-007620-5).
 *
 * Only exactly 10 digits are accepted. Shorter input is not left-padded: the card and the
 * birth certificate print all 10 digits, so 8 or 9 digits almost always means a digit was lost,
 * and padding would turn that typo into a different, possibly valid, person's ID.
 *
 * No prefix (issuing-office) list is checked: published lists are incomplete and refuse real IDs.
 */
export function parseNationalId(raw: string): Result<NationalId, NationalIdError> {
  const digits = normalizeNumericInput(raw);
  if (digits === "") return fail("empty");
  if (!isLatinDigitString(digits)) return fail("not_digits");
  if (digits.length !== NATIONAL_ID_LENGTH) return fail("wrong_length");
  if (hasImpossiblePattern(digits)) return fail("invalid_pattern");
  if (!hasValidNationalIdCheckDigit(digits)) return fail("invalid_checksum");
  return ok(digits as NationalId);
}

/**
 * Patterns that pass the checksum but are never issued:
 * - digits 4-9 (0-based positions 3..8) all zero: the serial part of an ID is never 000000;
 * - all ten digits the same: every such number passes the checksum, which makes them the usual
 *   test or placeholder values typed into forms. 1111111111 is reported to belong to a real
 *   person; we refuse it anyway, as most Iranian systems do, and such a person can apply in person.
 */
function hasImpossiblePattern(digits: string): boolean {
  if (digits.slice(3, 9) === "000000") return true;
  return /^(\d)\1{9}$/.test(digits);
}

/** Check digit rule: s = Σ d[i]·(10−i) for i in 0..8, r = s mod 11; d[9] = r if r < 2, else 11 − r. */
function hasValidNationalIdCheckDigit(digits: string): boolean {
  let sum = 0;
  for (let position = 0; position < 9; position++) {
    sum += Number(digits[position]) * (10 - position);
  }
  const remainder = sum % 11;
  const expected = remainder < 2 ? remainder : 11 - remainder;
  return Number(digits[9]) === expected;
}
