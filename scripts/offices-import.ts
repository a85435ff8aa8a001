// `npm run offices:import <file.csv>`: imports offices into DATABASE_URL (or the embedded database); all rows or none.
//
// The file format is documented at the top of src/infrastructure/offices/office-csv.ts: a header row, then
// code,type,name,city_id,address,phone,latitude,longitude (required) and hours,slot_minutes,counters,
// closed_dates,active (optional). A bad row is reported with its line number and reason, and nothing of the
// file is imported. Offices are keyed by `code`: importing again updates them instead of adding copies.
// Exit codes: 0 imported, 1 rows refused (nothing imported), 2 usage or database error.
import { readFile } from "node:fs/promises";
import { loadConfig } from "../src/config/config.js";
import { migrate, openEmbedded, openPostgres } from "../src/infrastructure/database/database.js";
import { ensureReferenceData } from "../src/infrastructure/database/reference-data.js";
import { describeCsvError } from "../src/infrastructure/offices/office-csv.js";
import { importOfficesCsv } from "../src/infrastructure/offices/import-offices.js";

const file = process.argv[2];
if (file === undefined || process.argv.length > 3) {
  console.error("usage: npm run offices:import <file.csv>");
  process.exit(2);
}

const config = loadConfig();
const db = config.databaseUrl ? openPostgres(config.databaseUrl, { poolSize: 2 }) : await openEmbedded(config.dataDir);
try {
  const text = await readFile(file, "utf8");
  await migrate(db);
  await ensureReferenceData(db);
  const result = await importOfficesCsv(db.sql, text);
  if (result.ok) {
    console.log(`${file}: ${result.created} offices added, ${result.updated} updated, ${result.closedDatesAdded} closed dates added (${db.kind} database)`);
  } else {
    for (const error of result.errors) console.error(`${file}: ${describeCsvError(error)}`);
    console.error(`${file}: ${result.errors.length} problem(s); nothing was imported`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  await db.close();
}
