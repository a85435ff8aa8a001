// `npm run offices:close-day <office code> <jalali date> [--reopen]`: closes an office for a day; its appointments
// are cancelled and each citizen is told in the bot (by the running instances' outbox dispatcher), with a rebook
// button. With --reopen, a day closed by mistake is bookable again (cancelled appointments stay cancelled).
import { DEFAULT_BOOKING_POLICY } from "../src/domain/booking/booking-policy.js";
import { loadConfig } from "../src/config/config.js";
import { reopenOfficeDay } from "../src/domain/booking/office-day-closure.js";
import { parseJalaliDate } from "../src/domain/time/jalali.js";
import { createSqlBookingStore } from "../src/infrastructure/database/booking-store.js";
import { openEmbedded, openPostgres } from "../src/infrastructure/database/database.js";
import { createSqlOfficeDirectory } from "../src/infrastructure/database/office-directory.js";
import { closeDayAndTell } from "../src/infrastructure/jobs/office-closure.js";
import { ReminderQueue } from "../src/infrastructure/jobs/reminder-queue.js";
import { openRedis } from "../src/infrastructure/redis/redis.js";
import { createRedisSeatGate } from "../src/infrastructure/redis/redis-seat-gate.js";

const reopen = process.argv.includes("--reopen");
const [code, rawDate] = process.argv.slice(2).filter((arg) => arg !== "--reopen");
const date = rawDate ? parseJalaliDate(rawDate) : undefined;
if (!code || !date?.ok) {
  console.error("usage: npm run offices:close-day <office code> <jalali date, e.g. 1405/09/20> [--reopen]");
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
  // The seat gate is told the day's seats changed, so the running instances stop answering its slots "full" at once.
  const seats = redis?.kind === "redis" ? createRedisSeatGate(redis.redis, config.redisKeyPrefix) : undefined;
  const deps = { offices, store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY, seats };
  if (reopen) {
    const reopened = await reopenOfficeDay(deps, { officeId: office.id, date: date.value });
    console.log(reopened ? `${office.name} is open again on ${rawDate}` : `${office.name} was not closed on ${rawDate}`);
  } else {
    const result = await closeDayAndTell(deps, db.prisma, { officeId: office.id, date: date.value, now: new Date() }, reminders);
    if (!result.ok) throw new Error(result.error);
    console.log(`${office.name} closed on ${rawDate}; ${result.told} appointment(s) cancelled and their citizens notified`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
  await reminders?.close();
  await redis?.close();
}
