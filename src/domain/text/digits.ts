// Digit tables: converts Persian and Arabic-Indic digits and cleans numbers typed on phones.

const PERSIAN_ZERO = 0x06f0; // ۰
const ARABIC_INDIC_ZERO = 0x0660; // ٠

/** Persian digits ۰-۹ (U+06F0-U+06F9). */
const PERSIAN_DIGIT = /[\u06F0-\u06F9]/g;
/** Arabic-Indic digits ٠-٩ (U+0660-U+0669), sent by Arabic keyboards and some Android layouts. */
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/g;
/** Latin and Arabic-Indic digits, the ones toPersianDigits rewrites. */
const NON_PERSIAN_DIGIT = /[0-9\u0660-\u0669]/g;

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
  return text
    .replace(PERSIAN_DIGIT, (digit) => String(digit.charCodeAt(0) - PERSIAN_ZERO))
    .replace(ARABIC_INDIC_DIGIT, (digit) => String(digit.charCodeAt(0) - ARABIC_INDIC_ZERO));
}

/**
 * Replaces Latin and Arabic-Indic digits with Persian digits ۰-۹ for display.
 * Arabic-Indic ٤٥٦ are drawn differently from Persian ۴۵۶, so they are unified too.
 */
export function toPersianDigits(text: string | number | bigint): string {
  return String(text).replace(NON_PERSIAN_DIGIT, (digit) => {
    const code = digit.charCodeAt(0);
    const value = code >= ARABIC_INDIC_ZERO ? code - ARABIC_INDIC_ZERO : code - 0x30;
    return String.fromCharCode(PERSIAN_ZERO + value);
  });
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
