// Digit tables: converts Persian and Arabic-Indic digits and cleans numbers typed on phones.

const PERSIAN_ZERO = 0x06f0; // ۰
const ARABIC_INDIC_ZERO = 0x0660; // ٠, Arabic-Indic digits ٠-٩ are sent by Arabic keyboards and some Android layouts

/**
 * Invisible formatting marks that phones and copy-paste slip into text: ZWSP, ZWNJ, ZWJ, LRM, RLM,
 * ALM (U+061C), bidi embeddings and overrides (U+202A-U+202E), bidi isolates (U+2066-U+2069),
 * word joiner (U+2060) and BOM (U+FEFF).
 */
const INVISIBLE_MARKS = /[\u200B-\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/**
 * Separators people type inside long numbers: any whitespace (including NBSP and narrow NBSP),
 * hyphen-minus, soft hyphen, the Unicode hyphens and dashes U+2010-U+2015, minus sign U+2212,
 * small and fullwidth hyphen-minus.
 */
const NUMBER_SEPARATORS = /[\s\u00AD\u2010-\u2015\u2212\uFE63\uFF0D-]/g;

/** Replaces Persian (U+06F0-U+06F9) and Arabic-Indic (U+0660-U+0669) digits with 0-9; other characters are kept. */
export function toLatinDigits(text: string): string {
  return rewriteDigits(text, LATIN_DIGITS, PERSIAN_ZERO);
}

/** The ten digits 0-9, and ۰-۹, by value. */
const LATIN_DIGITS: readonly string[] = Array.from({ length: 10 }, (_, value) => String(value));
const PERSIAN_DIGITS: readonly string[] = Array.from({ length: 10 }, (_, value) => String.fromCharCode(PERSIAN_ZERO + value));
const LATIN_ZERO = 0x30;

/**
 * Replaces each Arabic-Indic digit and each digit of the block starting at `otherZero` (Latin or Persian)
 * with the digit of the same value from `digits`; other characters are kept. A scan of char codes: on these
 * short texts it is several times cheaper than a replace with a callback, and a text without one is returned as is.
 */
function rewriteDigits(text: string, digits: readonly string[], otherZero: number): string {
  let out = "";
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value =
      code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9
        ? code - ARABIC_INDIC_ZERO
        : code >= otherZero && code <= otherZero + 9
          ? code - otherZero
          : -1;
    if (value < 0) continue;
    out += text.slice(copiedUpTo, i) + digits[value];
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/**
 * Replaces Latin and Arabic-Indic digits with Persian digits ۰-۹ for display.
 * Arabic-Indic ٤٥٦ are drawn differently from Persian ۴۵۶, so they are unified too.
 */
export function toPersianDigits(text: string | number | bigint): string {
  return rewriteDigits(String(text), PERSIAN_DIGITS, LATIN_ZERO);
}

/** Removes invisible direction and joining marks (ZWNJ, ZWJ, LRM, RLM, ALM, bidi controls, BOM). */
export function stripInvisibleMarks(text: string): string {
  return text.replace(INVISIBLE_MARKS, "");
}

/**
 * Prepares a typed number (national ID, postal code, phone, tracking code) for validation:
 * digits become Latin, and spaces, dashes and invisible marks are removed.
 * Every other character is kept on purpose, so a stray letter or dot is reported as invalid
 * instead of being silently dropped.
 */
export function normalizeNumericInput(text: string): string {
  return toLatinDigits(stripInvisibleMarks(text)).replace(NUMBER_SEPARATORS, "");
}

/** True when the text is non-empty and made only of the Latin digits 0-9. */
export function isLatinDigitString(text: string): boolean {
  return /^[0-9]+$/.test(text);
}
