// `npm run bench:booking`: booking under load against the bare conditional-update ceiling, and nearest-office search;
// prints a table and writes it to BENCHMARKS.md with the machine it ran on.
//
// It creates a throw-away database on the server of DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test,
// used as the admin connection), applies the migrations, runs, and drops the database at the end.
// Settings (environment): BENCH_POOL connections (default 48), BENCH_ATTEMPTS per scenario (default 20000),
// BENCH_OUT (default BENCHMARKS.md at the repository root; "-" prints only).
import { DEFAULT_BOOKING_POLICY } from "../src/domain/booking/booking-policy.js";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { bookAppointment } from "../src/domain/booking/book-appointment.js";
import type { BookingDeps } from "../src/domain/booking/booking-deps.js";
import { haversineKm } from "../src/domain/booking/geo.js";
import type { GeoPoint } from "../src/domain/booking/geo.js";
import type { Office, OfficeType } from "../src/domain/booking/office.js";
import { createOfficeCatalog } from "../src/domain/booking/office-catalog.js";
import { parseOfficeText } from "../src/domain/booking/office-record.js";
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
import { insertApplications, insertOffices, TEHRAN_CITY_ID } from "../tests/fixtures/booking-data.js";
import { withOtherSections } from "./bench-sections.js";

const ADMIN_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const POOL = Number(process.env.BENCH_POOL ?? 48);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 20_000);
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
  target(i: number): { officeId: number; startsAt: Date; slotIndex: number };
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
  try {
    await applyMigrations(db.sql, await readMigrations(MIGRATIONS_DIR));
    // Only the city the bench offices sit in; the reference loader would go through Prisma, which is not needed here.
    await db.sql.query(`INSERT INTO provinces (id, name) VALUES (8, 'تهران')`);
    await db.sql.query(`INSERT INTO cities (id, province_id, name, latitude, longitude) VALUES ($1, 8, 'تهران', 35.7, 51.4)`, [TEHRAN_CITY_ID]);
    const machine = await describeMachine(db);
    console.log(`database ${name}; ${POOL} connections; ${ATTEMPTS} attempts per scenario for ${SEATS} seats`);

    const day = addDays(jalaliDateInTehran(new Date()), 1);
    const slotStart = (index: number) => tehranInstantAt(day, 9 * 60 + index * 15);
    const applications = await insertApplications(db, 2 * ATTEMPTS + 2_000, { events: true });
    const directory = createSqlOfficeDirectory(db.sql, { cacheMs: 3_600_000 });
    const deps: BookingDeps = { offices: directory, store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY };

    // Layouts: bookings and the ceiling each get their own offices, so both start from empty slots.
    const hotOffice = await insertOffices(db, { label: "bench-hot", count: 1, counters: SEATS / HOT_SLOTS, hours: BENCH_HOURS });
    const spreadOffices = await insertOffices(db, { label: "bench-spread", count: SPREAD_OFFICES, counters: 1, hours: BENCH_HOURS });
    const warmOffice = await insertOffices(db, { label: "bench-warm", count: 1, counters: 500, hours: BENCH_HOURS });
    const hotCeiling = await insertOffices(db, { label: "bench-hot-ceiling", count: 1, counters: SEATS / HOT_SLOTS, hours: BENCH_HOURS });
    const spreadCeiling = await insertOffices(db, { label: "bench-spread-ceiling", count: SPREAD_OFFICES, counters: 1, hours: BENCH_HOURS });
    const hot: Layout = { officeIds: hotOffice, target: (i) => ({ officeId: hotOffice[0]!, startsAt: slotStart(i % HOT_SLOTS), slotIndex: i % HOT_SLOTS }) };
    const spreadPicks = Array.from({ length: ATTEMPTS }, () => [random.int(0, SPREAD_OFFICES - 1), random.int(0, SPREAD_SLOTS_PER_OFFICE - 1)] as const);
    const spread: Layout = {
      officeIds: spreadOffices,
      target: (i) => {
        const [office, slot] = spreadPicks[i]!;
        return { officeId: spreadOffices[office]!, startsAt: slotStart(slot), slotIndex: slot };
      },
    };
    const hotCeilingSlots = await materialiseSlots(db, hotCeiling, HOT_SLOTS, SEATS / HOT_SLOTS, slotStart);
    const spreadCeilingSlots = await materialiseSlots(db, spreadCeiling, SPREAD_SLOTS_PER_OFFICE, 1, slotStart);
    await (await directory.catalog()).get(hotOffice[0]!);
    await db.sql.exec("ANALYZE");

    // Warm-up: plans, pool connections and JIT settle before anything is timed.
    let nextApplication = 0;
    const warmApps = applications.slice(nextApplication, (nextApplication += 2_000));
    await runWorkers(2_000, POOL, (i) =>
      bookAppointment(deps, { applicationId: warmApps[i]!, officeId: warmOffice[0]!, startsAt: slotStart(i % 20), now: new Date() }).then(outcomeOf),
    );
    await runWorkers(2_000, POOL, (i) => bareTransaction(db.sql, hotCeilingSlots[i % HOT_SLOTS]!, true));
    await db.sql.query(`UPDATE slots SET booked = 0 WHERE office_id = ANY($1::int[])`, [[...hotCeiling]]);

    const rows: string[][] = [];
    const checks: string[] = [];
    for (const [label, layout, ceilingSlots, ceilingIds] of [
      ["hot", hot, (i: number) => hotCeilingSlots[i % HOT_SLOTS]!, hotCeiling],
      ["spread", spread, (i: number) => spreadCeilingSlots[spreadPicks[i]![0] * SPREAD_SLOTS_PER_OFFICE + spreadPicks[i]![1]]!, spreadCeiling],
    ] as const) {
      const apps = applications.slice(nextApplication, (nextApplication += ATTEMPTS));
      const ceiling = await runWorkers(ATTEMPTS, POOL, (i) => bareTransaction(db.sql, ceilingSlots(i), true));
      const ceilingSeats = await ceilingSeatsOf(db, ceilingIds);
      await db.sql.query(`UPDATE slots SET booked = 0 WHERE office_id = ANY($1::int[])`, [[...ceilingIds]]);
      const ceilingOneStatement = await runWorkers(ATTEMPTS, POOL, (i) => bareTransaction(db.sql, ceilingSlots(i), false));
      const oneStatementSeats = await ceilingSeatsOf(db, ceilingIds);
      const booking = await runWorkers(ATTEMPTS, POOL, (i) => {
        const { officeId, startsAt } = layout.target(i);
        return bookAppointment(deps, { applicationId: apps[i]!, officeId, startsAt, now: new Date() }).then(outcomeOf);
      });
      const verdict = await verify(db, layout.officeIds, apps);
      rows.push([
        label,
        String(verdict.booked),
        String(verdict.overbooked),
        String(verdict.twoActive),
        fmt(booking.perSecond, 0),
        fmt(booking.p50, 2),
        fmt(booking.p99, 2),
        fmt(ceiling.perSecond, 0),
        fmt(booking.perSecond / ceiling.perSecond, 2),
        fmt(ceilingOneStatement.perSecond, 0),
        fmt(booking.perSecond / ceilingOneStatement.perSecond, 2),
      ]);
      checks.push(
        `${label}: booking outcomes ${[...booking.outcomes].map(([k, v]) => `${k} ${v}`).join(", ")}; ` +
          `seat counters that disagree with appointments ${verdict.counterMismatch}; applications booked ${verdict.applicationsBooked}; ` +
          `ceiling seats taken ${ceilingSeats.taken} and ${oneStatementSeats.taken} (1-statement), over capacity ${ceilingSeats.over + oneStatementSeats.over}; ` +
          `ceiling p50/p99 ${fmt(ceiling.p50, 2)}/${fmt(ceiling.p99, 2)} ms, 1-statement ${fmt(ceilingOneStatement.p50, 2)}/${fmt(ceilingOneStatement.p99, 2)} ms`,
      );
      console.log(`${label}: done`);
    }

    const nearest = await benchNearest();
    const report = renderReport(machine, rows, checks, nearest);
    console.log(report);
    if (OUT !== "-") {
      // The other benches' sections (between their markers) stay in the file.
      await writeFile(OUT, await withOtherSections(OUT, report));
      console.log(`written to ${OUT}`);
    }
    const failed = rows.some((row) => row[1] !== String(SEATS) || row[2] !== "0" || row[3] !== "0");
    if (failed) process.exitCode = 1;
  } finally {
    await db.close();
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

async function describeMachine(db: Database) {
  const [version] = await db.sql.query<{ server_version: string }>(`SHOW server_version`);
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
    settings: settings.map((s) => `${s.name}=${s.setting}${s.unit ? ` (${s.unit})` : ""}`).join(", "),
    os: `${os.type()} ${os.release()}`,
    loadBefore: os.loadavg()[0] ?? NaN,
  };
}

function fmt(value: number, digits: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function renderReport(machine: Awaited<ReturnType<typeof describeMachine>>, rows: string[][], checks: string[], nearest: NearestResult): string {
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
  ];
  const table = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
  const nearestTable = [
    "| queries | offices | p50 ms | p99 ms | max ms |",
    "| --- | --- | --- | --- | --- |",
    `| any type | ${fmt(nearest.offices, 0)} | ${fmt(nearest.all.p50, 4)} | ${fmt(nearest.all.p99, 4)} | ${fmt(nearest.all.max, 3)} |`,
    `| one type | ${fmt(nearest.offices, 0)} | ${fmt(nearest.typed.p50, 4)} | ${fmt(nearest.typed.p99, 4)} | ${fmt(nearest.typed.max, 3)} |`,
  ].join("\n");
  return `# Benchmarks

Written by \`npm run bench:booking\` (scripts/bench-booking.ts) on ${new Date().toISOString()}.

## Machine

- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memoryGiB.toFixed(1)} GiB; ${machine.os}
- Node.js ${machine.node}; PostgreSQL ${machine.postgres} on the same machine (${machine.settings})
- 1-minute load average ${machine.loadBefore.toFixed(2)} when the run started and ${(os.loadavg()[0] ?? NaN).toFixed(2)} when it ended: other
  jobs on a shared machine move the absolute figures between runs; the ratios are measured back to back in one run.

## Booking: ${fmt(ATTEMPTS, 0)} attempts by distinct paid applications for ${fmt(SEATS, 0)} seats, ${POOL} connections

${table}

- hot: every attempt on one of ${HOT_SLOTS} slots of one office (${SEATS / HOT_SLOTS} counters each); spread: ${SPREAD_OFFICES} offices × ${SPREAD_SLOTS_PER_OFFICE} slots × 1 counter, each attempt on a random one.
- An attempt is the domain's \`bookAppointment\` (timetable checks in memory, then one call of the store's \`booking_book\`
  transaction: shared office-day lock; one read of office, closed day, application, no-show ban and seats; lazy slot
  creation; compare-and-set of the application's state; conditional seat increment; appointment; timeline event).
  ${POOL} attempts are in flight at any moment, one per pooled connection; p50/p99 are per attempt.
- booked, overbooked (slots whose active appointments or seat counter exceed capacity) and two active (applications
  with more than one live appointment) are read back from the database after the run.
- ceiling: the bare loop \`BEGIN; UPDATE slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity; COMMIT\`
  through the same executor and pool, with the same attempts and slot layout (slots created beforehand); ratio =
  booking attempts/s ÷ ceiling tx/s.
  The 1-statement ceiling is the same UPDATE in autocommit (one round trip instead of three): a stricter bound.
- ${checks.join("\n- ")}

## Nearest-office search: ${fmt(nearest.queries, 0)} queries among ${fmt(nearest.offices, 0)} offices in memory, 5 nearest each

${nearestTable}

- Offices from the sample generator scaled up (all three types, real city coordinates); query points half near
  cities (±0.2°), half anywhere in Iran's bounding box; 30% filtered by type. Grid index with haversine distances.
- Checked against brute force on ${nearest.checked} further queries: ${nearest.mismatches} mismatches.

## Targets

- Booking rate at least half the bare ceiling: ${rows.map((row) => `${row[0]} ${row[8]}`).join(", ")}.
- Nearest-office p99 under 2 ms: ${fmt(Math.max(nearest.all.p99, nearest.typed.p99), 4)} ms.
`;
}

await main();
