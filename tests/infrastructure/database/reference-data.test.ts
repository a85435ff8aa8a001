// Reference data on a real database: the source's misspelt city names corrected on first load and on a later start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCityNameCorrections } from "../../../src/infrastructure/database/city-name-corrections.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createPrismaPlaceDirectory } from "../../../src/infrastructure/database/place-directory.js";
import { ensureReferenceData } from "../../../src/infrastructure/database/reference-data.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

describe("reference data", () => {
  let testDb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  const nameOf = async (id: number) => (await db.sql.query<{ name: string }>(`SELECT name FROM cities WHERE id = $1`, [id]))[0]?.name;

  it("loads the cities with the corrected names, and corrects a database loaded before a correction", async () => {
    await ensureReferenceData(db);
    const corrections = [...(await readCityNameCorrections()).values()];
    expect(corrections.length).toBeGreaterThan(20);
    for (const correction of corrections) expect(await nameOf(correction.cityId)).toBe(correction.correctedName);
    expect(await nameOf(1250)).toBe("گناباد"); // right without a madda: untouched

    // An older installation still has the source's spelling; the next start corrects it.
    const fereydunabad = corrections.find((c) => c.nameInSource === "فرون اباد")!;
    await db.sql.query(`UPDATE cities SET name = $2 WHERE id = $1`, [fereydunabad.cityId, fereydunabad.nameInSource]);
    // A name an administrator changed is theirs to keep.
    const hasanabad = corrections.find((c) => c.nameInSource === "حسن اباد")!;
    await db.sql.query(`UPDATE cities SET name = 'حسن‌آباد فشافویه' WHERE id = $1`, [hasanabad.cityId]);
    await ensureReferenceData(db);
    expect(await nameOf(fereydunabad.cityId)).toBe("فرون‌آباد");
    expect(await nameOf(hasanabad.cityId)).toBe("حسن‌آباد فشافویه");
  });

  it("lists provinces and cities in Persian alphabetical order", async () => {
    const places = createPrismaPlaceDirectory(db.prisma);
    const names = (await places.provinces()).map((p) => p.name);
    expect(names.indexOf("چهارمحال و بختیاری")).toBeLessThan(names.indexOf("همدان"));
    expect(names.indexOf("چهارمحال و بختیاری")).toBeGreaterThan(names.indexOf("تهران"));
    expect(names[0]).toBe("آذربایجان شرقی");
  });
});
