// A typed yes or no: the words people type instead of pressing the yes/no button.
import { normalizePersianName } from "./normalize-persian-name.js";

/** Written forms of yes and no in Persian (formal, spoken, and common spellings without the madda) and English. */
const YES_WORDS = new Set(["بله", "بلی", "آره", "اره", "آری", "بعله", "حتما", "حتماً", "درسته", "yes", "y", "ok", "okay"]);
const NO_WORDS = new Set(["نه", "خیر", "نخیر", "نچ", "no", "n"]);

/** Punctuation and symbols around the word ("بله!", "نه.", an emoji) never change what it means. */
const AROUND_THE_WORD = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

/**
 * true for a typed yes, false for a typed no, undefined for anything else (which the question explains).
 * Arabic-keyboard letters, vowel marks and invisible marks are normalized first, so «بلى» and «خير» count.
 */
export function readYesOrNo(text: string): boolean | undefined {
  const word = normalizePersianName(text).replace(AROUND_THE_WORD, "").toLowerCase();
  if (YES_WORDS.has(word)) return true;
  if (NO_WORDS.has(word)) return false;
  return undefined;
}
