// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database) without Prisma's engine.
// `npm run db:migrate -- --check` only lists them and exits 1 when any is pending (for a release pipeline).
import { loadConfig } from "../src/config/config.js";
import { listPendingMigrations, migrate, openEmbedded, openPostgres } from "../src/infrastructure/database/database.js";

const config = loadConfig();
const db = config.databaseUrl ? openPostgres(config.databaseUrl, { poolSize: 2 }) : await openEmbedded(config.dataDir);
try {
  if (process.argv.includes("--check")) {
    const pending = await listPendingMigrations(db);
    for (const name of pending) console.log(`pending ${name}`);
    console.log(`${pending.length} pending (${db.kind} database)`);
    if (pending.length > 0) process.exitCode = 1;
  } else {
    await apply();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}

async function apply(): Promise<void> {
  const report = await migrate(db);
  for (const name of report.applied) console.log(`applied ${name}`);
  console.log(`${report.applied.length} applied, ${report.alreadyApplied.length} already in place (${db.kind} database)`);
}
