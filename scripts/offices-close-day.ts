// `npm run offices:close-day <office code> <jalali date>`: closes an office for a day; its appointments are
// cancelled and each citizen is told in the bot (by the running instances' outbox dispatcher), with a rebook button.
import { DEFAULT_BOOKING_POLICY } from "../src/domain/booking/booking-policy.js";
import { loadConfig } from "../src/config/config.js";
import { parseJalaliDate } from "../src/domain/time/jalali.js";
import { createSqlBookingStore } from "../src/infrastructure/database/booking-store.js";
import { openEmbedded, openPostgres } from "../src/infrastructure/database/database.js";
import { createSqlOfficeDirectory } from "../src/infrastructure/database/office-directory.js";
import { closeDayAndTell } from "../src/infrastructure/jobs/office-closure.js";
import { ReminderQueue } from "../src/infrastructure/jobs/reminder-queue.js";
import { openRedis } from "../src/infrastructure/redis/redis.js";

const [code, rawDate] = process.argv.slice(2);
const date = rawDate ? parseJalaliDate(rawDate) : undefined;
if (!code || !date?.ok) {
  console.error("usage: npm run offices:close-day <office code> <jalali date, e.g. 1405/09/20>");
  process.exit(2);
}
const config = loadConfig();
const redis = config.redisUrl ? openRedis(config.redisUrl) : undefined;
const reminders = redis ? new ReminderQueue(redis.redis, config.redisKeyPrefix) : undefined;
const db = config.databaseUrl ? openPostgres(config.databaseUrl, { poolSize: 2 }) : await openEmbedded(config.dataDir);
try {
  const offices = createSqlOfficeDirectory(db.sql);
  const office = (await offices.catalog()).all().find((candidate) => candidate.code === code);
  if (!office) throw new Error(`no office with code ${code}`);
  const result = await closeDayAndTell(
    { offices, store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY },
    db.prisma,
    { officeId: office.id, date: date.value, now: new Date() },
    reminders,
  );
  if (!result.ok) throw new Error(result.error);
  console.log(`${office.name} closed on ${rawDate}; ${result.told} appointment(s) cancelled and their citizens notified`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
  await reminders?.close();
  await redis?.close();
}
