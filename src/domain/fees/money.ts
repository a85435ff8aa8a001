// Money units: amounts are stored as integer rial and shown in toman.

/** 1 toman = 10 rial. */
export const RIAL_PER_TOMAN = 10;

/** Converts a whole-toman figure (as fees are announced) into integer rial for storage. */
export function tomanToRial(toman: number): number {
  if (!Number.isSafeInteger(toman)) throw new RangeError(`Toman figures here are whole numbers, got ${toman}`);
  return toman * RIAL_PER_TOMAN;
}
