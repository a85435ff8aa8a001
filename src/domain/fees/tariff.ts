// Fee tariffs: which legal fees are in force at a date, and whether an amount charged exceeds them.
import { tomanToRial } from "./money.js";

/** The legal fees from one effective date on, in integer rial. */
export interface Tariff {
  /** First instant at which these fees apply. */
  readonly effectiveFrom: Date;
  /** Pre-registration fee paid online. */
  readonly preRegistrationRial: number;
  /** Cap on the in-person completion fee in metropolises. */
  readonly completionMetropolisMaxRial: number;
  /** Fee paid when the card is collected. */
  readonly deliveryRial: number;
}

/** What the fee rules need to know about the applicant's city. */
export interface CityFeeRule {
  /** Editable per city: the list of metropolises the rule uses is not published. */
  readonly isMetropolis: boolean;
  /** Completion fee set by the provincial working group, when known. */
  readonly completionFeeRial?: number;
}

/**
 * The fees of the source document (circa 1397): 20,000 + 9,000 + 2,000 toman = 310,000 rial.
 * Effective from 1 Farvardin 1397 00:00 in Tehran (UTC+03:30). Later tariffs (e.g. the 1403 budget
 * law) are added as rows with their own dates rather than by editing this one.
 */
export const DEFAULT_TARIFF: Tariff = {
  effectiveFrom: new Date("2018-03-20T20:30:00Z"),
  preRegistrationRial: tomanToRial(20_000),
  completionMetropolisMaxRial: tomanToRial(9_000),
  deliveryRial: tomanToRial(2_000),
};

/** The tariff with the latest effectiveFrom not after `at`, or undefined if none had started. */
export function tariffInForce(tariffs: readonly Tariff[], at: Date): Tariff | undefined {
  let inForce: Tariff | undefined;
  for (const tariff of tariffs) {
    if (tariff.effectiveFrom.getTime() > at.getTime()) continue;
    if (inForce === undefined || tariff.effectiveFrom.getTime() > inForce.effectiveFrom.getTime()) inForce = tariff;
  }
  return inForce;
}

/**
 * The legal in-person completion fee for a city. A metropolis pays its own figure but never more
 * than the cap. Elsewhere the provincial figure applies; where none is recorded the metropolis cap
 * is assumed, the only published figure and the one the source's violation total is built on.
 */
export function completionFeeFor(city: CityFeeRule, tariff: Tariff): number {
  const cap = tariff.completionMetropolisMaxRial;
  const cityFee = city.completionFeeRial;
  if (cityFee !== undefined) assertRial(cityFee);
  if (city.isMetropolis) return cityFee === undefined ? cap : Math.min(cityFee, cap);
  return cityFee ?? cap;
}

/** Sum of the legal fees for the whole process (pre-registration, completion, delivery) in a city. */
export function legalTotalRial(tariff: Tariff, city: CityFeeRule): number {
  const fees = [tariff.preRegistrationRial, completionFeeFor(city, tariff), tariff.deliveryRial];
  fees.forEach(assertRial);
  return fees.reduce((sum, fee) => sum + fee, 0);
}

/** True when an applicant was charged more than the legal total, which is a reportable violation. */
export function isOvercharge(chargedRial: number, legalTotal: number): boolean {
  assertRial(chargedRial);
  assertRial(legalTotal);
  return chargedRial > legalTotal;
}

function assertRial(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Not an amount in whole rial: ${amount}`);
}
