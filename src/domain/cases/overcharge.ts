// Overcharge verdict: what the office charged against the legal fees in force on the day of the visit.
import { completionFeeFor, isOvercharge, legalTotalRial, type CityFeeRule, type Tariff } from "../fees/tariff.js";

/** What a citizen can say they were charged for. The tracking code is free by law. */
export const CHARGE_ITEMS = ["pre_registration", "completion", "delivery", "tracking_code", "other"] as const;
export type ChargeItem = (typeof CHARGE_ITEMS)[number];

/** Either item by item, or one total for everything paid at the office. */
export type Charges =
  | { readonly kind: "items"; readonly items: ReadonlyArray<{ readonly item: ChargeItem; readonly rial: number }> }
  | { readonly kind: "total"; readonly rial: number };

export interface OverchargeVerdict {
  readonly chargedRial: number;
  /** The legal amount for what was charged: the items' legal fees, or the whole process's legal total. */
  readonly legalRial: number;
  /** How much more than the legal amount was taken (0 when within it). */
  readonly overRial: number;
  /** Charging for the tracking code is a violation of its own, whatever the total. */
  readonly trackingCodeCharged: boolean;
  readonly violation: boolean;
}

/** The legal fee of one item in a city under a tariff (the tracking code and "other" are 0). */
export function legalFeeOf(item: ChargeItem, tariff: Tariff, city: CityFeeRule): number {
  switch (item) {
    case "pre_registration":
      return tariff.preRegistrationRial;
    case "completion":
      return completionFeeFor(city, tariff);
    case "delivery":
      return tariff.deliveryRial;
    case "tracking_code":
    case "other":
      return 0;
  }
}

/**
 * The verdict. Item by item, each item is held to its own legal fee (an overpaid item is not offset by a
 * cheaper one); a total is held to the whole process's legal total in the office's city.
 */
export function evaluateCharges(charges: Charges, tariff: Tariff, city: CityFeeRule): OverchargeVerdict {
  if (charges.kind === "total") {
    assertRial(charges.rial);
    const legal = legalTotalRial(tariff, city);
    const over = Math.max(0, charges.rial - legal);
    return { chargedRial: charges.rial, legalRial: legal, overRial: over, trackingCodeCharged: false, violation: isOvercharge(charges.rial, legal) };
  }
  let charged = 0;
  let legal = 0;
  let over = 0;
  let trackingCodeCharged = false;
  for (const { item, rial } of charges.items) {
    assertRial(rial);
    const fee = legalFeeOf(item, tariff, city);
    charged += rial;
    legal += fee;
    over += Math.max(0, rial - fee);
    if (item === "tracking_code" && rial > 0) trackingCodeCharged = true;
  }
  return { chargedRial: charged, legalRial: legal, overRial: over, trackingCodeCharged, violation: over > 0 || trackingCodeCharged };
}

/** Largest amount a citizen can type (a typo guard: 100 million toman). */
export const MAX_CHARGE_RIAL = 1_000_000_000;

function assertRial(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_CHARGE_RIAL) throw new RangeError(`not an amount in whole rial: ${amount}`);
}
