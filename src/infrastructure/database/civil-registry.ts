// The default civil-registry adapter: looks citizens up in the registry_citizens table.
import { RegistryUnavailableError, type CivilRegistry, type RegistryCitizen } from "../../domain/citizen/eligibility.js";
import type { NationalId } from "../../domain/citizen/national-id.js";
import { parseJalaliDate } from "../../domain/time/jalali.js";
import type { PrismaClient } from "./database.js";

export function createTableCivilRegistry(prisma: PrismaClient): CivilRegistry {
  return {
    async findCitizen(nationalId: NationalId): Promise<RegistryCitizen | null> {
      const row = await prisma.registryCitizen.findUnique({ where: { nationalId } }).catch((error: unknown) => {
        throw new RegistryUnavailableError("the registry table could not be read", { cause: error });
      });
      if (!row) return null;
      const birthDate = parseJalaliDate(row.birthDate);
      if (!birthDate.ok) throw new RegistryUnavailableError(`registry record has an invalid birth date (${birthDate.error})`);
      return { nationalId, birthDate: birthDate.value, firstName: row.firstName, lastName: row.lastName, fatherName: row.fatherName };
    },
  };
}
