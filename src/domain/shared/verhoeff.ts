// Verhoeff check digit: detects every single-digit error and every swap of two adjacent digits.

// Multiplication table of the dihedral group D5.
const MULTIPLY: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

// Position-dependent permutation; row i applies to the digit i places from the right (mod 8).
const PERMUTE: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

// Inverse of each element of D5, turning the running checksum into the digit that cancels it.
const INVERSE: readonly number[] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** The Verhoeff check digit to append to a string of Latin digits. */
export function verhoeffCheckDigit(digits: string): number {
  return at(INVERSE, verhoeffChecksum(digits, 1));
}

/** True when the last digit is the correct Verhoeff check digit for the digits before it. */
export function hasValidVerhoeffCheckDigit(digitsWithCheck: string): boolean {
  return digitsWithCheck.length > 1 && verhoeffChecksum(digitsWithCheck, 0) === 0;
}

/** Runs the checksum right to left; offset 1 leaves room for a check digit not yet appended. */
function verhoeffChecksum(digits: string, offset: 0 | 1): number {
  if (!/^[0-9]*$/.test(digits)) throw new RangeError(`Verhoeff works on Latin digits only: ${digits}`);
  let checksum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    checksum = at(at(MULTIPLY, checksum), at(at(PERMUTE, (i + offset) % 8), digit));
  }
  return checksum;
}

function at<T>(row: readonly T[], index: number): T {
  const value = row[index];
  if (value === undefined) throw new RangeError(`Verhoeff table index out of range: ${index}`);
  return value;
}
