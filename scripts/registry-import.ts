// `npm run registry:import <file.csv>`: loads civil-registry records for the default registry adapter.
// Format (UTF-8, header required): national_id,birth_date,first_name,last_name,father_name
// birth_date is Jalali (1370/05/12). Re-importing a national ID updates its record. One bad row rejects the file.
import { loadConfig } from "../src/config/config.js";
import { openEmbedded, openPostgres } from "../src/infrastructure/database/database.js";
import { readRegistryCsv, upsertRegistryRecords } from "../src/infrastructure/database/reference-data.js";
import { validateRegistryRecords } from "../src/infrastructure/database/registry-import.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run registry:import <file.csv>");
  process.exit(2);
}
const { records, rejected } = validateRegistryRecords(await readRegistryCsv(file));
if (rejected.length > 0) {
  for (const row of rejected) console.error(`line ${row.line}: ${row.reason}`);
  console.error(`${rejected.length} bad row(s); nothing imported`);
  process.exit(1);
}
const config = loadConfig();
const db = config.databaseUrl ? openPostgres(config.databaseUrl, { poolSize: 2 }) : await openEmbedded(config.dataDir);
try {
  console.log(`${await upsertRegistryRecords(db, records)} records imported (${db.kind} database)`);
} finally {
  await db.close();
}
