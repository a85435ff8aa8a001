// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database) without Prisma's engine.
import { loadConfig } from "../src/config/config.js";
import { migrate, openEmbedded, openPostgres } from "../src/infrastructure/database/database.js";

const config = loadConfig();
const db = config.databaseUrl ? openPostgres(config.databaseUrl, { poolSize: 2 }) : await openEmbedded(config.dataDir);
try {
  const report = await migrate(db);
  for (const name of report.applied) console.log(`applied ${name}`);
  console.log(`${report.applied.length} applied, ${report.alreadyApplied.length} already in place (${db.kind} database)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
