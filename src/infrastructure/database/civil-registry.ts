// The default civil-registry adapter: looks citizens up in the registry_citizens table.
import { RegistryUnavailableError, type CivilRegistry, type RegistryCitizen } from "../../domain/citizen/eligibility.js";
import type { NationalId } from "../../domain/citizen/national-id.js";
import { parseJalaliDate } from "../../domain/time/jalali.js";
import type { SqlExecutor } from "./sql-executor.js";

interface RegistryRow {
  birthDate: string;
  firstName: string;
  lastName: string;
  fatherName: string;
}

/** Plain SQL on the pool: one indexed read per registry check, without Prisma's per-query work. */
export function createTableCivilRegistry(sql: SqlExecutor): CivilRegistry {
  return {
    async findCitizen(nationalId: NationalId): Promise<RegistryCitizen | null> {
      const [row] = await sql
        .query<RegistryRow>(
          `SELECT birth_date AS "birthDate", first_name AS "firstName", last_name AS "lastName", father_name AS "fatherName"
             FROM registry_citizens WHERE national_id = $1`,
          [nationalId],
        )
        .catch((error: unknown) => {
          throw new RegistryUnavailableError("the registry table could not be read", { cause: error });
        });
      if (!row) return null;
      const birthDate = parseJalaliDate(row.birthDate);
      if (!birthDate.ok) throw new RegistryUnavailableError(`registry record has an invalid birth date (${birthDate.error})`);
      return { nationalId, birthDate: birthDate.value, firstName: row.firstName, lastName: row.lastName, fatherName: row.fatherName };
    },
  };
}
