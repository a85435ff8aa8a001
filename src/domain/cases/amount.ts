// Amounts typed by citizens in toman: any digits, thousands separators, the word for toman.
import { tomanToRial } from "../fees/money.js";
import { fail, ok, type Result } from "../shared/result.js";
import { normalizeNumericInput, toLatinDigits } from "../text/digits.js";
import { MAX_CHARGE_RIAL } from "./overcharge.js";

export type AmountError = "empty" | "not_digits" | "too_large";

/** Whole toman (e.g. «۴۵٬۰۰۰ تومان», "45,000") as integer rial. */
export function parseTomanAmount(raw: string): Result<number, AmountError> {
  const cleaned = toLatinDigits(normalizeNumericInput(raw.replace(/تومان|toman/gi, ""))).replace(/[,٬،.']/g, "");
  if (cleaned.length === 0) return fail("empty");
  if (!/^[0-9]+$/.test(cleaned)) return fail("not_digits");
  const toman = Number(cleaned);
  if (!Number.isSafeInteger(toman) || toman * 10 > MAX_CHARGE_RIAL) return fail("too_large");
  return ok(tomanToRial(toman));
}
