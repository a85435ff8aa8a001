// A residential address: free text, long enough to find the house, short enough for the card record.
import { fail, ok, type Result } from "../shared/result.js";
import { normalizePersianText } from "../text/normalize-persian-name.js";

export const ADDRESS_MIN_LENGTH = 10;
export const ADDRESS_MAX_LENGTH = 300;

/** Why a typed address was refused. */
export type AddressError = "too_short" | "too_long";

/** Normalizes the spelling (as names are) and checks the length after it. */
export function parseAddress(text: string): Result<string, AddressError> {
  const address = normalizePersianText(text);
  if (address.length < ADDRESS_MIN_LENGTH) return fail("too_short");
  if (address.length > ADDRESS_MAX_LENGTH) return fail("too_long");
  return ok(address);
}
