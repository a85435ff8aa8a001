// `npm run bench:booking`: booking under load against the bare conditional-update ceilings, with and without the
// Redis seat gate, and nearest-office search; prints a table and writes it to its own section of BENCHMARKS.md.
//
// It creates a throw-away database on the server of DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test,
// used as the admin connection), applies the migrations, runs, and drops the database at the end; the gate's keys
// go to REDIS_URL (default redis://127.0.0.1:6379) under a prefix of their own, deleted at the end.
// Settings (environment): BENCH_POOL connections (default 48), BENCH_ATTEMPTS per scenario (default 20000),
// BENCH_ROUNDS (default 3; figures are the median and the range over them), BENCH_OUT (default BENCHMARKS.md at
// the repository root; "-" prints only). Only the part between the bench:booking markers is replaced.
import { DEFAULT_BOOKING_POLICY } from "../src/domain/booking/booking-policy.js";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { Redis } from "ioredis";
import pg from "pg";
import { bookAppointment } from "../src/domain/booking/book-appointment.js";
import type { BookingDeps } from "../src/domain/booking/booking-deps.js";
import { haversineKm } from "../src/domain/booking/geo.js";
import type { GeoPoint } from "../src/domain/booking/geo.js";
import type { Office, OfficeType } from "../src/domain/booking/office.js";
import { createOfficeCatalog } from "../src/domain/booking/office-catalog.js";
import { parseOfficeText } from "../src/domain/booking/office-record.js";
import type { SeatGate } from "../src/domain/booking/seat-gate.js";
import { tehranInstantAt } from "../src/domain/booking/slot-schedule.js";
import { addDays } from "../src/domain/time/jalali.js";
import { jalaliDateInTehran } from "../src/domain/time/tehran-clock.js";
import { createSqlBookingStore } from "../src/infrastructure/database/booking-store.js";
import { MIGRATIONS_DIR, openPostgres } from "../src/infrastructure/database/database.js";
import type { Database } from "../src/infrastructure/database/database.js";
import type { SqlExecutor } from "../src/infrastructure/database/sql-executor.js";
import { applyMigrations, readMigrations } from "../src/infrastructure/database/migrations.js";
import { createSqlOfficeDirectory } from "../src/infrastructure/database/office-directory.js";
import { readSampleCities } from "../src/infrastructure/offices/sample-cities.js";
import { generateSampleOffices } from "../src/infrastructure/offices/sample-office-generator.js";
import { seededRandom } from "../src/infrastructure/offices/seeded-random.js";
import { openRedis } from "../src/infrastructure/redis/redis.js";
import { DEFAULT_FULL_MARK_MS, createRedisSeatGate } from "../src/infrastructure/redis/redis-seat-gate.js";
import { writeBenchSection } from "./bench-sections.js";
import { deleteKeysMatching } from "../tests/support/redis-keys.js";
import { insertApplications, insertOffices, TEHRAN_CITY_ID } from "../tests/fixtures/booking-data.js";

const ADMIN_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const POOL = Number(process.env.BENCH_POOL ?? 48);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const OUT = process.env.BENCH_OUT ?? fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));
const SEATS = 1_000;
/** Hot: every attempt on one of these few slots of one office. */
const HOT_SLOTS = 5;
/** Spread: 250 offices × 4 slots × 1 counter. */
const SPREAD_OFFICES = 250;
const SPREAD_SLOTS_PER_OFFICE = 4;
const NEAREST_MIN_OFFICES = 20_000;
const NEAREST_QUERIES = 20_000;
/** Open every day, so the bench needs no care about Fridays or Thursdays. */
const BENCH_HOURS = "sat-fri 08:00-16:00";

interface RunResult {
  attempts: number;
  elapsedMs: number;
  perSecond: number;
  p50: number;
  p99: number;
  outcomes: Map<string, number>;
}

interface Layout {
  /** officeId and start of the slot attempt i goes for. */
  target(i: number): { officeId: number; startsAt: Date };
  officeIds: number[];
}

const random = seededRandom(20_261_129);

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = `bench_booking_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { poolSize: POOL });
  // The connection the bot gives the seat gate (same options), so the gate is measured as it runs there.
  const redisStore = openRedis(REDIS_URL);
  const redis = redisStore.plain();
  const redisPrefix = `bench:booking:${name}:`;
  try {
    await applyMigrations(db.sql, await readMigrations(MIGRATIONS_DIR));
    // Only the city the bench offices sit in; the reference loader would go through Prisma, which is not needed here.
    await db.sql.query(`INSERT INTO provinces (id, name) VALUES (8, 'تهران')`);
    await db.sql.query(`INSERT INTO cities (id, province_id, name, latitude, longitude) VALUES ($1, 8, 'تهران', 35.7, 51.4)`, [TEHRAN_CITY_ID]);
    const machine = await describeMachine(db, redis);
    console.log(`database ${name}; ${POOL} connections; ${ATTEMPTS} attempts per scenario for ${SEATS} seats; ${ROUNDS} rounds`);

    const day = addDays(jalaliDateInTehran(new Date()), 1);
    const slotStart = (index: number) => tehranInstantAt(day, 9 * 60 + index * 15);

    // Warm-up: plans, pool connections, the Redis connection and JIT settle before anything is timed.
    const warmOffice = await insertOffices(db, { label: "bench-warm", count: 1, counters: 500, hours: BENCH_HOURS });
    const warmCeiling = await insertOffices(db, { label: "bench-warm-ceiling", count: 1, counters: SEATS / HOT_SLOTS, hours: BENCH_HOURS });
    const warmCeilingSlots = await materialiseSlots(db, warmCeiling, HOT_SLOTS, SEATS / HOT_SLOTS, slotStart);
    const warmApps = await insertApplications(db, 2_000, { events: true });
    const warmDeps: BookingDeps = {
      offices: createSqlOfficeDirectory(db.sql, { cacheMs: 3_600_000 }),
      store: createSqlBookingStore(db.sql),
      policy: DEFAULT_BOOKING_POLICY,
      seats: createRedisSeatGate(redis, `${redisPrefix}warm:`),
    };
    await db.sql.exec("ANALYZE");
    await runWorkers(2_000, POOL, (i) =>
      bookAppointment(warmDeps, { applicationId: warmApps[i]!, officeId: warmOffice[0]!, startsAt: slotStart(i % 20), now: new Date() }).then(outcomeOf),
    );
    await runWorkers(2_000, POOL, (i) => bareTransaction(db.sql, warmCeilingSlots[i % HOT_SLOTS]!, true));

    const results: Record<ScenarioName, ScenarioRun[]> = { hot: [], spread: [], "hot gated": [], "spread gated": [] };
    for (let round = 1; round <= ROUNDS; round++) {
      const loadBefore = os.loadavg()[0] ?? NaN;
      for (const run of await benchRound(db, redis, `${redisPrefix}${round}:`, slotStart)) results[run.scenario].push({ ...run, loadBefore });
      console.log(`round ${round} of ${ROUNDS}: done (1-minute load ${loadBefore.toFixed(2)} before it)`);
    }

    const nearest = await benchNearest();
    const report = renderReport(machine, results, nearest);
    console.log(report);
    if (OUT !== "-") {
      await writeBenchSection(OUT, "booking", report);
      console.log(`written to ${OUT} (its own section)`);
    }
    const failed = Object.values(results).some((runs) =>
      runs.some((run) => run.verdict.booked !== SEATS || run.verdict.overbooked !== 0 || run.verdict.twoActive !== 0),
    );
    if (failed) process.exitCode = 1;
  } finally {
    await db.close();
    await deleteKeysMatching(redis, `${redisPrefix}*`).catch(() => undefined);
    await redisStore.close();
    // The pool's last sockets close a moment after end() resolves; dropping under them would kill live clients.
    for (let waited = 0; waited < 5_000; waited += 50) {
      const [open] = (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name])).rows;
      if ((open?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

type ScenarioName = "hot" | "spread" | "hot gated" | "spread gated";

interface ScenarioRun {
  scenario: ScenarioName;
  booking: RunResult;
  ceiling: RunResult;
  ceilingOneStatement: RunResult;
  /** Attempts the seat gate answered slot_full without PostgreSQL (0 without a gate). */
  gateTurnedAway: number;
  verdict: Awaited<ReturnType<typeof verify>>;
  ceilingSeats: { taken: number; over: number };
  oneStatementSeats: { taken: number; over: number };
  loadBefore: number;
}

/**
 * One round: fresh offices, slots and applications for each layout, then back to back the ceiling in a
 * transaction, the 1-statement ceiling, booking without the gate and booking through the gate.
 */
async function benchRound(db: Database, redis: Redis, redisPrefix: string, slotStart: (index: number) => Date): Promise<Omit<ScenarioRun, "loadBefore">[]> {
  // Bookings (plain and gated) and the ceilings each get their own offices, so each starts from empty slots.
  const hotOffice = await insertOffices(db, { label: "bench-hot", count: 1, counters: SEATS / HOT_SLOTS, hours: BENCH_HOURS });
  const hotGatedOffice = await insertOffices(db, { label: "bench-hot-gated", count: 1, counters: SEATS / HOT_SLOTS, hours: BENCH_HOURS });
  const spreadOffices = await insertOffices(db, { label: "bench-spread", count: SPREAD_OFFICES, counters: 1, hours: BENCH_HOURS });
  const spreadGatedOffices = await insertOffices(db, { label: "bench-spread-gated", count: SPREAD_OFFICES, counters: 1, hours: BENCH_HOURS });
  const hotCeiling = await insertOffices(db, { label: "bench-hot-ceiling", count: 1, counters: SEATS / HOT_SLOTS, hours: BENCH_HOURS });
  const spreadCeiling = await insertOffices(db, { label: "bench-spread-ceiling", count: SPREAD_OFFICES, counters: 1, hours: BENCH_HOURS });
  const hotCeilingSlots = await materialiseSlots(db, hotCeiling, HOT_SLOTS, SEATS / HOT_SLOTS, slotStart);
  const spreadCeilingSlots = await materialiseSlots(db, spreadCeiling, SPREAD_SLOTS_PER_OFFICE, 1, slotStart);
  const spreadPicks = Array.from({ length: ATTEMPTS }, () => [random.int(0, SPREAD_OFFICES - 1), random.int(0, SPREAD_SLOTS_PER_OFFICE - 1)] as const);
  const hotLayout = (offices: number[]): Layout => ({ officeIds: offices, target: (i) => ({ officeId: offices[0]!, startsAt: slotStart(i % HOT_SLOTS) }) });
  const spreadLayout = (offices: number[]): Layout => ({
    officeIds: offices,
    target: (i) => {
      const [office, slot] = spreadPicks[i]!;
      return { officeId: offices[office]!, startsAt: slotStart(slot) };
    },
  });
  const applications = await insertApplications(db, 4 * ATTEMPTS, { events: true });
  // A fresh directory per round: the offices above are new, and the catalogue is then held for the whole run.
  const directory = createSqlOfficeDirectory(db.sql, { cacheMs: 3_600_000 });
  await directory.catalog();
  await db.sql.exec("ANALYZE");

  const store = createSqlBookingStore(db.sql);
  const runs: Omit<ScenarioRun, "loadBefore">[] = [];
  let nextApplication = 0;
  for (const [label, plain, gated, ceilingSlots, ceilingIds] of [
    ["hot", hotLayout(hotOffice), hotLayout(hotGatedOffice), (i: number) => hotCeilingSlots[i % HOT_SLOTS]!, hotCeiling],
    [
      "spread",
      spreadLayout(spreadOffices),
      spreadLayout(spreadGatedOffices),
      (i: number) => spreadCeilingSlots[spreadPicks[i]![0] * SPREAD_SLOTS_PER_OFFICE + spreadPicks[i]![1]]!,
      spreadCeiling,
    ],
  ] as const) {
    const ceiling = await runWorkers(ATTEMPTS, POOL, (i) => bareTransaction(db.sql, ceilingSlots(i), true));
    const ceilingSeats = await ceilingSeatsOf(db, ceilingIds);
    await db.sql.query(`UPDATE slots SET booked = 0 WHERE office_id = ANY($1::int[])`, [[...ceilingIds]]);
    const ceilingOneStatement = await runWorkers(ATTEMPTS, POOL, (i) => bareTransaction(db.sql, ceilingSlots(i), false));
    const oneStatementSeats = await ceilingSeatsOf(db, ceilingIds);
    for (const [scenario, layout, gate] of [
      [label, plain, undefined],
      [`${label} gated` as const, gated, countingGate(createRedisSeatGate(redis, `${redisPrefix}${label}:`))],
    ] as const) {
      const apps = applications.slice(nextApplication, (nextApplication += ATTEMPTS));
      const deps: BookingDeps = { offices: directory, store, policy: DEFAULT_BOOKING_POLICY, seats: gate };
      const booking = await runWorkers(ATTEMPTS, POOL, (i) => {
        const { officeId, startsAt } = layout.target(i);
        return bookAppointment(deps, { applicationId: apps[i]!, officeId, startsAt, now: new Date() }).then(outcomeOf);
      });
      const verdict = await verify(db, layout.officeIds, apps);
      runs.push({ scenario, booking, ceiling, ceilingOneStatement, gateTurnedAway: gate?.turnedAway() ?? 0, verdict, ceilingSeats, oneStatementSeats });
    }
  }
  return runs;
}

/** The gate, counting the attempts it answered full (those never reached PostgreSQL). */
function countingGate(gate: SeatGate): SeatGate & { turnedAway(): number } {
  let turnedAway = 0;
  return {
    async check(seat) {
      const answer = await gate.check(seat);
      if (answer.full) turnedAway++;
      return answer;
    },
    full: (seat, ticket) => gate.full(seat, ticket),
    freed: (seat) => gate.freed(seat),
    turnedAway: () => turnedAway,
  };
}

function outcomeOf(result: Awaited<ReturnType<typeof bookAppointment>>): string {
  return result.ok ? "booked" : result.error;
}

/**
 * The ceiling: a conditional seat increment and nothing else, through the same executor and pool as the
 * booking store, in BEGIN/COMMIT or as one autocommit statement.
 */
async function bareTransaction(sql: SqlExecutor, slotId: string, explicit: boolean): Promise<string> {
  const update = `UPDATE slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity`;
  if (explicit) await sql.transaction((tx) => tx.query(update, [slotId]));
  else await sql.query(update, [slotId]);
  return "done";
}

/** Runs `attempts` tasks with `concurrency` in flight at any moment; latency is each task's own time. */
async function runWorkers(attempts: number, concurrency: number, task: (i: number) => Promise<string>): Promise<RunResult> {
  const latencies = new Float64Array(attempts);
  const outcomes = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= attempts) return;
        const t0 = performance.now();
        const outcome = await task(i);
        latencies[i] = performance.now() - t0;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  latencies.sort();
  return { attempts, elapsedMs, perSecond: attempts / (elapsedMs / 1000), p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), outcomes };
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

async function materialiseSlots(db: Database, officeIds: number[], perOffice: number, capacity: number, start: (i: number) => Date): Promise<string[]> {
  const ids: string[] = [];
  for (const officeId of officeIds) {
    for (let slot = 0; slot < perOffice; slot++) {
      const [row] = await db.sql.query<{ id: string }>(
        `INSERT INTO slots (office_id, starts_at, capacity, booked) VALUES ($1, $2, $3, 0) RETURNING id::text AS id`,
        [officeId, start(slot), capacity],
      );
      ids.push(row!.id);
    }
  }
  return ids;
}

/** The invariants, read back from the database after a run. */
async function verify(db: Database, officeIds: number[], applicationIds: string[]) {
  const one = async (sql: string, params: unknown[]) => (await db.sql.query<{ n: number }>(sql, params))[0]?.n ?? -1;
  return {
    booked: await one(`SELECT count(*)::int AS n FROM appointments WHERE office_id = ANY($1::int[]) AND status = 'active'`, [officeIds]),
    overbooked: await one(
      `SELECT count(*)::int AS n FROM slots s
        WHERE s.office_id = ANY($1::int[])
          AND (s.booked > s.capacity OR (SELECT count(*) FROM appointments a WHERE a.slot_id = s.id AND a.status = 'active') > s.capacity)`,
      [officeIds],
    ),
    counterMismatch: await one(
      `SELECT count(*)::int AS n FROM slots s
        WHERE s.office_id = ANY($1::int[]) AND s.booked <> (SELECT count(*) FROM appointments a WHERE a.slot_id = s.id AND a.status = 'active')`,
      [officeIds],
    ),
    twoActive: await one(
      `SELECT count(*)::int AS n FROM (SELECT application_id FROM appointments WHERE status IN ('active', 'checked_in')
        GROUP BY application_id HAVING count(*) > 1) AS t`,
      [],
    ),
    applicationsBooked: await one(`SELECT count(*)::int AS n FROM applications WHERE id = ANY($1::uuid[]) AND status = 'booked'`, [applicationIds]),
  };
}

async function ceilingSeatsOf(db: Database, officeIds: readonly number[]) {
  const [row] = await db.sql.query<{ taken: number; over: number }>(
    `SELECT coalesce(sum(booked), 0)::int AS taken, count(*) FILTER (WHERE booked > capacity)::int AS over FROM slots WHERE office_id = ANY($1::int[])`,
    [[...officeIds]],
  );
  return row ?? { taken: -1, over: -1 };
}

interface NearestResult {
  offices: number;
  queries: number;
  all: { p50: number; p99: number; max: number };
  typed: { p50: number; p99: number; max: number };
  checked: number;
  mismatches: number;
}

/** Nearest-office search over the sample generator scaled past 20,000 offices, checked against brute force. */
async function benchNearest(): Promise<NearestResult> {
  const cities = await readSampleCities();
  let scale = 3;
  let rows = generateSampleOffices(cities, { scale });
  while (rows.length < NEAREST_MIN_OFFICES) rows = generateSampleOffices(cities, { scale: (scale += 0.25) });
  const offices: Office[] = rows.map((row, index) => {
    const parsed = parseOfficeText({ ...row, cityId: String(row.cityId) });
    if (!parsed.ok) throw new Error(`generated office ${row.code} is invalid: ${parsed.error.problem}`);
    const city = cities.find((c) => c.id === row.cityId)!;
    return { ...parsed.value, id: index + 1, provinceId: city.provinceId };
  });
  const catalog = createOfficeCatalog(offices);
  const types: OfficeType[] = ["pishkhan", "post", "civil_registration"];
  const query = (): { point: GeoPoint; type?: OfficeType } => {
    const roll = random.next();
    const point =
      roll < 0.5
        ? (() => {
            const city = random.pick(cities);
            return { latitude: city.latitude + random.jitter(0.2), longitude: city.longitude + random.jitter(0.2) };
          })()
        : { latitude: 25.3 + random.next() * 14.4, longitude: 44.1 + random.next() * 18.6 };
    return random.next() < 0.3 ? { point, type: random.pick(types) } : { point };
  };

  for (let i = 0; i < 2_000; i++) {
    const q = query();
    catalog.nearest(q.point, { type: q.type, limit: 5 });
  }
  const all: number[] = [];
  const typed: number[] = [];
  for (let i = 0; i < NEAREST_QUERIES; i++) {
    const q = query();
    const t0 = performance.now();
    catalog.nearest(q.point, { type: q.type, limit: 5 });
    const ms = performance.now() - t0;
    (q.type === undefined ? all : typed).push(ms);
  }

  let mismatches = 0;
  const checked = 300;
  for (let i = 0; i < checked; i++) {
    const q = query();
    const got = catalog.nearest(q.point, { type: q.type, limit: 5 }).map((near) => near.distanceKm);
    const expected = offices
      .filter((office) => q.type === undefined || office.type === q.type)
      .map((office) => haversineKm(q.point, office.location))
      .sort((a, b) => a - b)
      .slice(0, 5);
    if (got.length !== expected.length || got.some((d, k) => Math.abs(d - expected[k]!) > 1e-9)) mismatches++;
  }
  const stats = (values: number[]) => {
    const sorted = Float64Array.from(values).sort();
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN };
  };
  return { offices: offices.length, queries: NEAREST_QUERIES, all: stats(all), typed: stats(typed), checked, mismatches };
}

async function describeMachine(db: Database, redis: Redis) {
  const [version] = await db.sql.query<{ server_version: string }>(`SHOW server_version`);
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info("server"))?.[1] ?? "unknown";
  const settings = await db.sql.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections') ORDER BY name`,
  );
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    postgres: version?.server_version ?? "unknown",
    redis: redisVersion,
    settings: settings.map((s) => `${s.name}=${s.setting}${s.unit ? ` (${s.unit})` : ""}`).join(", "),
    os: `${os.type()} ${os.release()}`,
    loadBefore: os.loadavg()[0] ?? NaN,
  };
}

function fmt(value: number, digits: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "median (min–max)" over the rounds, or the one value. */
function spread(values: number[], digits: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
  if (sorted.length < 2) return fmt(median, digits);
  return `${fmt(median, digits)} (${fmt(sorted[0]!, digits)}–${fmt(sorted[sorted.length - 1]!, digits)})`;
}

/** The value if every round agrees, else each round's. */
function same(values: number[]): string {
  return values.every((value) => value === values[0]) ? String(values[0]) : values.join(" / ");
}

function renderReport(machine: Awaited<ReturnType<typeof describeMachine>>, results: Record<ScenarioName, ScenarioRun[]>, nearest: NearestResult): string {
  const header = [
    "scenario",
    "booked",
    "overbooked",
    "two active",
    "attempts/s",
    "p50 ms",
    "p99 ms",
    "ceiling tx/s",
    "ratio",
    "1-stmt ceiling/s",
    "ratio (1-stmt)",
    "turned away by gate / PostgreSQL",
  ];
  const rows = Object.entries(results).map(([scenario, runs]) => {
    const refusedByDatabase = runs.map((run) => (run.booking.outcomes.get("slot_full") ?? 0) - run.gateTurnedAway);
    return [
      scenario,
      same(runs.map((run) => run.verdict.booked)),
      same(runs.map((run) => run.verdict.overbooked)),
      same(runs.map((run) => run.verdict.twoActive)),
      spread(
        runs.map((run) => run.booking.perSecond),
        0,
      ),
      spread(
        runs.map((run) => run.booking.p50),
        2,
      ),
      spread(
        runs.map((run) => run.booking.p99),
        2,
      ),
      spread(
        runs.map((run) => run.ceiling.perSecond),
        0,
      ),
      spread(
        runs.map((run) => run.booking.perSecond / run.ceiling.perSecond),
        2,
      ),
      spread(
        runs.map((run) => run.ceilingOneStatement.perSecond),
        0,
      ),
      spread(
        runs.map((run) => run.booking.perSecond / run.ceilingOneStatement.perSecond),
        2,
      ),
      `${spread(
        runs.map((run) => run.gateTurnedAway),
        0,
      )} / ${spread(refusedByDatabase, 0)}`,
    ];
  });
  const checks = Object.entries(results).map(([scenario, runs]) => {
    const all = (pick: (run: ScenarioRun) => number) => same(runs.map(pick));
    const ms = (pick: (run: ScenarioRun) => number) => spread(runs.map(pick), 2);
    const outcomes = runs.map((run) => [...run.booking.outcomes].map(([k, v]) => `${k} ${v}`).join(", ")).join("; ");
    return (
      `${scenario}, per round: booking outcomes ${outcomes}; seat counters that disagree with appointments ${all((run) => run.verdict.counterMismatch)}; ` +
      `applications booked ${all((run) => run.verdict.applicationsBooked)}; ` +
      `ceiling seats taken ${all((run) => run.ceilingSeats.taken)} and ${all((run) => run.oneStatementSeats.taken)} (1-statement), ` +
      `over capacity ${all((run) => run.ceilingSeats.over + run.oneStatementSeats.over)}; ` +
      `ceiling p50/p99 ${ms((run) => run.ceiling.p50)}/${ms((run) => run.ceiling.p99)} ms, ` +
      `1-statement ${ms((run) => run.ceilingOneStatement.p50)}/${ms((run) => run.ceilingOneStatement.p99)} ms`
    );
  });
  const loads = results.hot.map((run) => run.loadBefore.toFixed(2)).join(", ");
  const table = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
  const nearestTable = [
    "| queries | offices | p50 ms | p99 ms | max ms |",
    "| --- | --- | --- | --- | --- |",
    `| any type | ${fmt(nearest.offices, 0)} | ${fmt(nearest.all.p50, 4)} | ${fmt(nearest.all.p99, 4)} | ${fmt(nearest.all.max, 3)} |`,
    `| one type | ${fmt(nearest.offices, 0)} | ${fmt(nearest.typed.p50, 4)} | ${fmt(nearest.typed.p99, 4)} | ${fmt(nearest.typed.max, 3)} |`,
  ].join("\n");
  const ratio = (scenario: ScenarioName, column: number) => rows.find((row) => row[0] === scenario)?.[column] ?? "?";
  return `## Booking and nearest-office search (\`npm run bench:booking\`)

Written by \`npm run bench:booking\` (scripts/bench-booking.ts) on ${new Date().toISOString()}.

### Machine

- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memoryGiB.toFixed(1)} GiB; ${machine.os}
- Node.js ${machine.node}; PostgreSQL ${machine.postgres} on the same machine (${machine.settings}); Redis ${machine.redis} on the same machine
- 1-minute load average ${machine.loadBefore.toFixed(2)} when the run started, ${loads} when each round started and
  ${(os.loadavg()[0] ?? NaN).toFixed(2)} when it ended: other jobs on a shared machine move the absolute figures between
  runs; the ratios are measured back to back within each round.

### Booking: ${fmt(ATTEMPTS, 0)} attempts by distinct paid applications for ${fmt(SEATS, 0)} seats, ${POOL} connections, ${ROUNDS} rounds

${table}

- Each figure is the median over ${ROUNDS} rounds with the range (min–max) in brackets; every round has fresh
  offices, slots and applications, and runs the four measurements of a layout back to back (ceiling, 1-statement
  ceiling, booking, gated booking); a ratio is taken within its round.
- hot: every attempt on one of ${HOT_SLOTS} slots of one office (${SEATS / HOT_SLOTS} counters each); spread: ${SPREAD_OFFICES} offices × ${SPREAD_SLOTS_PER_OFFICE} slots × 1 counter, each attempt on a random one.
- An attempt is the domain's \`bookAppointment\` (timetable checks in memory, then one call of the store's \`booking_book\`
  transaction: shared office-day lock; one read of office, closed day, application, no-show ban and seats; lazy slot
  creation; compare-and-set of the application's state; conditional seat increment; appointment; timeline event).
  ${POOL} attempts are in flight at any moment, one per pooled connection; p50/p99 are per attempt.
- gated: the same, with the Redis seat gate (src/infrastructure/redis/redis-seat-gate.ts) in front of the store: two
  keys of an MGET per attempt (the attempts of one event-loop turn share one MGET); a slot PostgreSQL refused as full or whose last seat it just gave is marked (for ${DEFAULT_FULL_MARK_MS / 1000} s at most, voided at once by a
  cancel, reschedule or closing of its office-day) and later attempts for it are answered slot_full without
  PostgreSQL. PostgreSQL still decides every attempt that gets past; "turned away by gate / PostgreSQL" splits the
  slot_full answers.
- booked, overbooked (slots whose active appointments or seat counter exceed capacity) and two active (applications
  with more than one live appointment) are read back from the database after each run.
- ceiling: the bare loop \`BEGIN; UPDATE slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity; COMMIT\`
  through the same executor and pool, with the same attempts and slot layout (slots created beforehand); ratio =
  booking attempts/s ÷ ceiling tx/s.
  The 1-statement ceiling is the same UPDATE in autocommit (one round trip instead of three): a stricter bound.
- ${checks.join("\n- ")}

### Nearest-office search: ${fmt(nearest.queries, 0)} queries among ${fmt(nearest.offices, 0)} offices in memory, 5 nearest each

${nearestTable}

- Offices from the sample generator scaled up (all three types, real city coordinates); query points half near
  cities (±0.2°), half anywhere in Iran's bounding box; 30% filtered by type. Grid index with haversine distances.
- Checked against brute force on ${nearest.checked} further queries: ${nearest.mismatches} mismatches.

### Targets

- Booking rate at least half the bare ceiling: hot ${ratio("hot", 8)}, spread ${ratio("spread", 8)}.
- Stampede through the gate at least the 1-statement ceiling with 0 overbooked: hot gated ${ratio("hot gated", 10)}, spread gated ${ratio("spread gated", 10)} (overbooked ${ratio("hot gated", 2)} and ${ratio("spread gated", 2)}).
- Nearest-office p99 under 2 ms: ${fmt(Math.max(nearest.all.p99, nearest.typed.p99), 4)} ms.
`;
}

await main();
