// `npm run db:seed`: pending migrations, then reference data (provinces, cities, the seed tariff) and the sample citizens, idempotently.
import { loadConfig } from "../src/config/config.js";
import { migrate, openEmbedded, openPostgres } from "../src/infrastructure/database/database.js";
import { ensureReferenceData, sampleCitizens, upsertRegistryRecords } from "../src/infrastructure/database/reference-data.js";
import { ensureSampleOffices } from "../src/infrastructure/offices/sample-offices.js";

const config = loadConfig();
const db = config.databaseUrl ? openPostgres(config.databaseUrl, { poolSize: 2 }) : await openEmbedded(config.dataDir);
try {
  await migrate(db);
  const { cities } = await ensureReferenceData(db);
  const citizens = await upsertRegistryRecords(db, await sampleCitizens());
  const offices = await ensureSampleOffices(db);
  console.log(`${cities} cities and the seed tariff in place; ${citizens} sample citizens and ${offices.total} sample offices loaded (${db.kind} database)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
