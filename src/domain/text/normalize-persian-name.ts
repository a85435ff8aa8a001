// Persian text as typed: normalizes spelling variants (names, addresses) and validates a name against the Persian alphabet.
import { fail, ok } from "../shared/result.js";
import type { Result } from "../shared/result.js";

const ZWNJ = "\u200C";

/** Arabic letters that Arabic and some Android keyboards send in place of their Persian forms. */
const ARABIC_TO_PERSIAN_LETTERS: ReadonlyMap<string, string> = new Map([
  ["\u064A", "\u06CC"], // ي Arabic yeh → ی
  ["\u0649", "\u06CC"], // ى alef maksura → ی
  ["\u0643", "\u06A9"], // ك Arabic kaf → ک
]);
const ARABIC_LETTER_VARIANTS = /[\u064A\u0649\u0643]/g;

/**
 * Hamza above (U+0654) typed after a letter on the Persian keyboard; Unicode composition does not
 * join it to heh or Persian yeh, so the precomposed letters are written here.
 */
const HEH_WITH_HAMZA = /\u0647\u0654/g; // ه + ٔ → ۀ
const YEH_WITH_HAMZA = /\u06CC\u0654/g; // ی + ٔ → ئ

/** Tatweel (U+0640) only stretches letters for looks; it is never part of a spelling. */
const TATWEEL = /\u0640/g;

/**
 * Optional vowel marks (fatha, kasra, damma, tanwin, shadda, sukun, superscript alef).
 * Persian writing omits them and the civil registry stores names without them, so they are dropped.
 */
const OPTIONAL_DIACRITICS = /[\u064B-\u0652\u0670]/g;

/** Invisible marks that never belong in a name; ZWNJ is excluded because it does. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: separate invisible marks (ZWJ among them) removed one by one, not a joined sequence
const INVISIBLE_MARKS_EXCEPT_ZWNJ = /[\u200B\u200D-\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** The letters a Persian name is written with, after normalization (ي ى ك already mapped). */
const PERSIAN_NAME_LETTERS = "ءآأؤإئابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیۀة";
const PERSIAN_NAME_PATTERN = new RegExp(`^[${PERSIAN_NAME_LETTERS} ${ZWNJ}]+$`);
const LATIN_LETTER = /\p{Script=Latin}/u;

/** Longest name accepted, in characters; generous for compound names such as Seyyed Mohammad-Hossein. */
export const MAX_PERSON_NAME_LENGTH = 50;

/** Why a typed name was refused. */
export type PersonNameError = "empty" | "too_long" | "not_persian" | "invalid_characters";

/**
 * Puts typed Persian text (a name, an address) in the form the civil registry uses: Arabic ي/ى/ك become Persian ی/ک,
 * presentation forms are unfolded (NFKC), a typed hamza above is joined to its letter, tatweel and vowel marks are removed, whitespace is
 * collapsed and trimmed. ZWNJ is kept between letters (compound names are spelled with it) but removed
 * at the edges of words and when repeated.
 */
export function normalizePersianText(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(ARABIC_LETTER_VARIANTS, (letter) => ARABIC_TO_PERSIAN_LETTERS.get(letter) ?? letter)
    .replace(HEH_WITH_HAMZA, "\u06C0")
    .replace(YEH_WITH_HAMZA, "\u0626")
    .replace(TATWEEL, "")
    .replace(OPTIONAL_DIACRITICS, "")
    .replace(INVISIBLE_MARKS_EXCEPT_ZWNJ, "")
    .replace(/\s+/g, " ")
    .replace(/\u200C+/g, ZWNJ)
    .replace(/ ?\u200C ?/g, (match) => (match === ZWNJ ? ZWNJ : " "))
    .trim()
    .replace(/^\u200C+|\u200C+$/g, "")
    .trim();
}

/** A name is normalized as any Persian text is (the registry spells names that way). */
export const normalizePersianName = normalizePersianText;

/**
 * Normalizes and validates a first name, last name or father's name.
 * Latin letters are refused with `not_persian` rather than transliterated: the registry holds
 * names in Persian script and a guess would not match it.
 */
export function validatePersonName(raw: string): Result<string, PersonNameError> {
  const name = normalizePersianName(raw);
  if (name === "") return fail("empty");
  if (name.length > MAX_PERSON_NAME_LENGTH) return fail("too_long");
  if (LATIN_LETTER.test(name)) return fail("not_persian");
  if (!PERSIAN_NAME_PATTERN.test(name)) return fail("invalid_characters");
  return ok(name);
}
