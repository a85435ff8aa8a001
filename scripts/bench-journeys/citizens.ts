// Made-up citizens for the bench: national IDs that pass the check digit, with registry records to load before a run.
import type { RegistryRecord } from "../../src/infrastructure/database/reference-data.js";

export interface Citizen {
  chatId: number;
  nationalId: string;
  /** Jalali, yyyy/mm/dd in Latin digits (the registry's form). */
  birthDate: string;
  firstName: string;
  lastName: string;
  fatherName: string;
}

const FIRST = ["علی", "زهرا", "مریم", "رضا", "سارا", "حسین", "فاطمه", "محمد"];
const LAST = ["محمدی", "احمدی", "حسینی", "کریمی", "رضایی", "موسوی", "جعفری", "صادقی"];
const FATHER = ["حسن", "رضا", "محمود", "علی", "جواد", "مهدی"];

/** Check digit rule of the national ID (as src/domain/citizen/national-id.ts checks it). */
function withCheckDigit(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const remainder = sum % 11;
  return nine + String(remainder < 2 ? remainder : 11 - remainder);
}

/**
 * `count` distinct citizens starting at `first` (chat ids first..first+count-1). The nine leading digits
 * come from the chat id, so runs that use different chat ranges never collide in one database.
 */
export function makeCitizens(first: number, count: number): Citizen[] {
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    // 3xx-yyyyyy: positions 3..8 are never all zero (n + 100000 > 0) and never ten equal digits.
    const nine = `3${String(10 + (n % 90)).padStart(2, "0")}${String(100_000 + (Math.floor(n / 90) % 900_000)).padStart(6, "0")}`;
    return {
      chatId: n,
      nationalId: withCheckDigit(nine),
      birthDate: `13${String(50 + (n % 30))}/${String(1 + (n % 12)).padStart(2, "0")}/${String(1 + (n % 28)).padStart(2, "0")}`,
      firstName: FIRST[n % FIRST.length]!,
      lastName: LAST[Math.floor(n / 8) % LAST.length]!,
      fatherName: FATHER[n % FATHER.length]!,
    };
  });
}

export const registryRecords = (citizens: Citizen[]): RegistryRecord[] =>
  citizens.map(({ nationalId, birthDate, firstName, lastName, fatherName }) => ({ nationalId, birthDate, firstName, lastName, fatherName }));

const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
export const inPersianDigits = (text: string) => text.replace(/[0-9]/g, (d) => PERSIAN[Number(d)]!);
export const toLatinDigits = (text: string) => text.replace(/[۰-۹]/g, (d) => String(PERSIAN.indexOf(d)));
