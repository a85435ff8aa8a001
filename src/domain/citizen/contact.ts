// Contact details asked at in-person completion: mobile, landline and postal code, parsed and normalized.
import { fail, ok } from "../shared/result.js";
import type { Result } from "../shared/result.js";
import { isLatinDigitString, normalizeNumericInput } from "../text/digits.js";

declare const mobileBrand: unique symbol;
declare const landlineBrand: unique symbol;
declare const postalCodeBrand: unique symbol;

/** An Iranian mobile number in the national form 09XXXXXXXXX (11 digits). */
export type MobileNumber = string & { readonly [mobileBrand]: true };
/** An Iranian landline in the national form 0 + two-digit area code + 8 digits (11 digits). */
export type LandlineNumber = string & { readonly [landlineBrand]: true };
/** A 10-digit Iranian postal code, stored without the dash. */
export type PostalCode = string & { readonly [postalCodeBrand]: true };

/** Why a typed mobile number was refused. */
export type MobileError = "empty" | "not_digits" | "wrong_format";
/** Why a typed landline number was refused. */
export type LandlineError = "empty" | "not_digits" | "wrong_length" | "unknown_area_code";
/** Why a typed postal code was refused. */
export type PostalCodeError = "empty" | "not_digits" | "wrong_length" | "invalid_code";

/** Provincial area codes of Iranian landlines, without the leading 0. */
export const LANDLINE_AREA_CODES: ReadonlySet<string> = new Set([
  "11",
  "13",
  "17",
  "21",
  "23",
  "24",
  "25",
  "26",
  "28",
  "31",
  "34",
  "35",
  "38",
  "41",
  "44",
  "45",
  "51",
  "54",
  "56",
  "58",
  "61",
  "66",
  "71",
  "74",
  "76",
  "77",
  "81",
  "83",
  "84",
  "86",
  "87",
]);

/**
 * Separators allowed in phone numbers on top of normalizeNumericInput's: parentheses around an
 * area code, as in (021) 6191 2222.
 */
const PHONE_PARENTHESES = /[()]/g;

/**
 * Parses a mobile number typed as 09121234567, 9121234567, +989121234567, 00989121234567,
 * 989121234567, or with the trunk zero kept after the country code (+98 0912…), in any digit kind
 * and with spaces, dashes or parentheses. Operator prefixes are not checked: numbers move between
 * operators and new ranges open.
 */
export function parseMobile(raw: string): Result<MobileNumber, MobileError> {
  const typed = normalizePhoneInput(raw);
  if (typed === "") return fail("empty");
  const digits = typed.startsWith("+") ? typed.slice(1) : typed;
  if (!isLatinDigitString(digits)) return fail("not_digits");
  if (typed.startsWith("+") && !digits.startsWith("98")) return fail("wrong_format");
  const national = toNationalForm(digits);
  if (!/^09\d{9}$/.test(national)) return fail("wrong_format");
  return ok(national as MobileNumber);
}

/**
 * Parses a landline typed with its area code (021-61912222, 02161912222, +98 21 6191 2222).
 * A number without the area code is refused as `wrong_length`: the office cannot call it.
 */
export function parseLandline(raw: string): Result<LandlineNumber, LandlineError> {
  const typed = normalizePhoneInput(raw);
  if (typed === "") return fail("empty");
  const digits = typed.startsWith("+") ? typed.slice(1) : typed;
  if (!isLatinDigitString(digits)) return fail("not_digits");
  if (typed.startsWith("+") && !digits.startsWith("98")) return fail("unknown_area_code");
  const national = toNationalForm(digits);
  if (!/^0\d{10}$/.test(national)) return fail("wrong_length");
  if (!LANDLINE_AREA_CODES.has(national.slice(1, 3))) return fail("unknown_area_code");
  return ok(national as LandlineNumber);
}

/** Words for "I have none" (Persian in any keyboard's letters, or English). */
const HAVE_NONE = new Set(["ندارم", "نداریم", "ندارد", "هیچ", "none", "no", "i have none", "i have no landline"]);

/**
 * The landline question's answer: a landline, or null for a citizen who says they have none («ندارم»).
 * Many households have only mobiles; the office then asks for another contact number.
 */
export function parseLandlineOrNone(raw: string): Result<LandlineNumber | null, LandlineError> {
  const word = raw
    .trim()
    .replace(/[.!،,]+$/u, "")
    .replace(/\u064A|\u0649/g, "\u06CC")
    .toLowerCase();
  if (HAVE_NONE.has(word)) return ok(null);
  return parseLandline(raw);
}

/**
 * Parses a 10-digit postal code, with or without the dash people type after the fifth digit.
 * Hard rule only: the first five digits (route and city) never contain 0 or 2. Stricter patterns
 * circulate but are not official, so they are not enforced here.
 */
export function parsePostalCode(raw: string): Result<PostalCode, PostalCodeError> {
  const digits = normalizeNumericInput(raw);
  if (digits === "") return fail("empty");
  if (!isLatinDigitString(digits)) return fail("not_digits");
  if (digits.length !== 10) return fail("wrong_length");
  if (/[02]/.test(digits.slice(0, 5))) return fail("invalid_code");
  return ok(digits as PostalCode);
}

function normalizePhoneInput(raw: string): string {
  return normalizeNumericInput(raw).replace(PHONE_PARENTHESES, "");
}

/**
 * Rewrites international forms (0098…, 98…, with or without the trunk zero after 98) and the
 * zero-less form into the national form starting with 0. Lengths decide, so 98… is only read as
 * the country code when the rest is a full national number.
 */
function toNationalForm(digits: string): string {
  if (digits.startsWith("00")) return toNationalForm(digits.slice(2));
  if (digits.startsWith("980") && digits.length === 13) return digits.slice(2);
  if (digits.startsWith("98") && digits.length === 12) return `0${digits.slice(2)}`;
  if (!digits.startsWith("0") && digits.length === 10) return `0${digits}`;
  return digits;
}
