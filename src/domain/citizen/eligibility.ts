// Eligibility: confirms with the civil registry that a national ID and birth date belong to a living citizen.
import { fail, ok } from "../shared/result.js";
import type { Result } from "../shared/result.js";
import { isSameJalaliDate } from "../time/jalali.js";
import type { JalaliDate } from "../time/jalali.js";
import type { NationalId } from "./national-id.js";

/** A citizen as the civil registry (sabt-e ahval) records them. */
export interface RegistryCitizen {
  readonly nationalId: NationalId;
  readonly birthDate: JalaliDate;
  readonly firstName: string;
  readonly lastName: string;
  readonly fatherName: string;
  /** False when the registry records a death; absent when the registry does not say. */
  readonly alive?: boolean;
}

/**
 * The registry itself failed (down, timed out, answered nonsense). Adapters throw this, and only this,
 * for their own failures, so a caller can offer a retry for an outage without hiding its own bugs.
 */
export class RegistryUnavailableError extends Error {
  override name = "RegistryUnavailableError";
}

/** Port to the civil registry; an adapter implements it over the real service or a test double. */
export interface CivilRegistry {
  /** The citizen with this national ID, or null when the registry has none. */
  findCitizen(nationalId: NationalId): Promise<RegistryCitizen | null>;
}

/** Why eligibility was refused: one code for every reason, see checkEligibility. */
export type EligibilityError = "not_found_or_mismatch";

/**
 * Confirms that the national ID exists, belongs to a living citizen and was born on `birthDate`.
 * Unknown ID, wrong birth date and a recorded death all give the same answer, so the bot cannot be
 * used to learn whether an ID exists or to search for someone's birth date.
 * The age rule is checked earlier, on the typed birth date (validateBirthDate); since the dates
 * must match, it holds for the registry's date too. Registry failures propagate as exceptions.
 */
export async function checkEligibility(
  registry: CivilRegistry,
  nationalId: NationalId,
  birthDate: JalaliDate,
): Promise<Result<RegistryCitizen, EligibilityError>> {
  const citizen = await registry.findCitizen(nationalId);
  const matches = citizen !== null && citizen.nationalId === nationalId && citizen.alive !== false && isSameJalaliDate(citizen.birthDate, birthDate);
  return matches ? ok(citizen) : fail("not_found_or_mismatch");
}
