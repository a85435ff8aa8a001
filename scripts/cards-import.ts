// `npm run cards:import <file.csv>`: records issued cards as ready at their pickup office and tells each citizen
// once (the outbox, sent by the running bot). Format: src/infrastructure/cards/card-csv.ts (tracking_code,
// card_serial, pickup_office_code, issued_date). All rows or none; bad rows are reported with line numbers;
// importing the same file again changes nothing. Exit codes: 0 imported, 1 rows refused, 2 usage or database error.
import { readFile } from "node:fs/promises";
import { loadConfig } from "../src/config/config.js";
import { importCardsCsv } from "../src/infrastructure/cards/import-cards.js";
import { migrate, openEmbedded, openPostgres } from "../src/infrastructure/database/database.js";
import { ensureReferenceData } from "../src/infrastructure/database/reference-data.js";
import { createPrismaTariffBook } from "../src/infrastructure/database/tariff-book.js";
import { describeCsvError } from "../src/infrastructure/offices/office-csv.js";

const file = process.argv[2];
if (file === undefined || process.argv.length > 3) {
  console.error("usage: npm run cards:import <file.csv>");
  process.exit(2);
}
const config = loadConfig();
const db = config.databaseUrl ? openPostgres(config.databaseUrl, { poolSize: 2 }) : await openEmbedded(config.dataDir);
try {
  const text = await readFile(file, "utf8");
  await migrate(db);
  await ensureReferenceData(db);
  const now = new Date();
  const tariff = await createPrismaTariffBook(db.prisma).inForce(now);
  const result = await importCardsCsv(db.sql, text, { now, deliveryRial: tariff.deliveryRial, policy: config.pickup });
  if (result.ok) {
    console.log(
      `${file}: ${result.imported} cards ready at their offices, ${result.unchanged} already recorded, ${result.announced} citizens to be told (${db.kind} database)`,
    );
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
