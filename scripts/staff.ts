// `npm run staff:invite|staff:admin|staff:revoke -- ...`: staff enrolment from the command line, against
// DATABASE_URL (or the embedded database). Every change is written to the audit log as done by "cli".
// Exit codes: 0 done, 1 refused (unknown office, already staff, nothing to revoke), 2 usage or database error.
import { loadConfig } from "../src/config/config.js";
import { migrate, openEmbedded, openPostgres } from "../src/infrastructure/database/database.js";
import { ensureReferenceData } from "../src/infrastructure/database/reference-data.js";
import { firstAdminCommand, inviteCommand, revokeCommand } from "../src/infrastructure/staff/staff-commands.js";

const commands = { invite: inviteCommand, admin: firstAdminCommand, revoke: revokeCommand };
const name = process.argv[2] as keyof typeof commands;
if (!(name in commands)) {
  console.error("usage: tsx scripts/staff.ts invite|admin|revoke ...");
  process.exit(2);
}
const config = loadConfig();
const db = config.databaseUrl ? openPostgres(config.databaseUrl, { poolSize: 2 }) : await openEmbedded(config.dataDir);
try {
  await migrate(db);
  await ensureReferenceData(db);
  const result = await commands[name](db.sql, process.argv.slice(3));
  for (const line of result.lines) (result.exitCode === 0 ? console.log : console.error)(line);
  process.exitCode = result.exitCode;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  await db.close();
}
