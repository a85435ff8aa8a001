// How an office is named in a message: its name, and its type only when the name does not already say it.
import type { OfficeType } from "./office.js";

/** Words that, inside an office's name, already tell its type (the sample and imported names start with them). */
const TYPE_WORDS: Record<OfficeType, readonly string[]> = {
  pishkhan: ["پیشخوان"],
  post: ["پست"],
  civil_registration: ["ثبت احوال", "ثبت‌احوال", "ثبت\u200cاحوال"],
};

/** True when the office's name already says what type of office it is («دفتر پیشخوان دولت شماره ۷۰۰۱ …»). */
export function nameTellsType(name: string, type: OfficeType): boolean {
  const plain = name.replace(/\u200c/g, " ");
  return TYPE_WORDS[type].some((word) => plain.includes(word.replace(/\u200c/g, " ")));
}
