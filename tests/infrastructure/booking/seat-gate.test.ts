// The Redis seat gate in front of the PostgreSQL booking store: losers turned away early, never an extra booking, freed seats bookable.
import { createServer, type Server } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAlternatives } from "../../../src/domain/booking/alternatives.js";
import { bookAppointment } from "../../../src/domain/booking/book-appointment.js";
import type { BookingOutcome } from "../../../src/domain/booking/book-appointment.js";
import type { BookingDeps } from "../../../src/domain/booking/booking-deps.js";
import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { anotherTimeMayHelp } from "../../../src/domain/booking/booking-refusals.js";
import type { BookingStore } from "../../../src/domain/booking/booking-store.js";
import { cancelAppointment, rescheduleAppointment } from "../../../src/domain/booking/change-appointment.js";
import { closeOfficeDay, reopenOfficeDay } from "../../../src/domain/booking/office-day-closure.js";
import type { SeatGate } from "../../../src/domain/booking/seat-gate.js";
import { tehranInstantAt } from "../../../src/domain/booking/slot-schedule.js";
import { addDays } from "../../../src/domain/time/jalali.js";
import type { JalaliDate } from "../../../src/domain/time/jalali.js";
import { createSqlBookingStore } from "../../../src/infrastructure/database/booking-store.js";
import { openPostgres } from "../../../src/infrastructure/database/database.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlOfficeDirectory } from "../../../src/infrastructure/database/office-directory.js";
import { createRedisSeatGate } from "../../../src/infrastructure/redis/redis-seat-gate.js";
import { createTestDatabase } from "../../support/test-database.js";
import type { TestDatabase } from "../../support/test-database.js";
import { createTestRedis } from "../../support/test-redis.js";
import { aSaturday, count, insertOffice, insertPaidApplications, loadPlaces } from "./booking-fixtures.js";

const SATURDAY = aSaturday();
const at = (date: JalaliDate, hour: number, minute = 0) => tehranInstantAt(date, hour * 60 + minute);
/** The clock of these tests: Saturday 07:00, before the office opens. */
const now = at(SATURDAY, 7, 0);

/** A bot instance: its own pool, store (counting the bookings that reach it) and gate, all gates on one Redis. */
interface Instance {
  db: Database;
  deps: BookingDeps;
  /** store.book calls: the attempts the gate let through to PostgreSQL. */
  storeBooks: () => number;
  /** Attempts the gate answered full. */
  turnedAway: () => number;
}

/** The store, counting its book calls. */
function countingStore(store: BookingStore): { store: BookingStore; books: () => number } {
  let books = 0;
  return {
    store: {
      ...store,
      book: (request) => {
        books++;
        return store.book(request);
      },
    },
    books: () => books,
  };
}

/** The gate, counting its "full" answers. */
function countingGate(gate: SeatGate): { gate: SeatGate; turnedAway: () => number } {
  let turnedAway = 0;
  return {
    gate: {
      check: async (seat) => {
        const answer = await gate.check(seat);
        if (answer.full) turnedAway++;
        return answer;
      },
      full: (seat, ticket) => gate.full(seat, ticket),
      freed: (seat) => gate.freed(seat),
    },
    turnedAway: () => turnedAway,
  };
}

describe("the seat gate in front of PostgreSQL", () => {
  const testRedis = createTestRedis();
  let testDb: TestDatabase;
  let instances: Instance[];
  let db: Database;

  const instanceOn = (instanceDb: Database, gate: SeatGate | undefined): Instance => {
    const counted = countingStore(createSqlBookingStore(instanceDb.sql));
    const gated = gate ? countingGate(gate) : undefined;
    return {
      db: instanceDb,
      deps: { offices: createSqlOfficeDirectory(instanceDb.sql, { cacheMs: 0 }), store: counted.store, policy: DEFAULT_BOOKING_POLICY, seats: gated?.gate },
      storeBooks: counted.books,
      turnedAway: () => gated?.turnedAway() ?? 0,
    };
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    instances = Array.from({ length: 3 }, () => instanceOn(openPostgres(testDb.url, { poolSize: 6 }), createRedisSeatGate(testRedis.redis, testRedis.prefix)));
    db = instances[0]!.db;
    await loadPlaces(db);
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.db.close()));
    await testDb.drop();
    await testRedis.cleanup();
  });

  const book = (instance: Instance, applicationId: string, officeId: number, startsAt: Date) =>
    bookAppointment(instance.deps, { applicationId, officeId, startsAt, now });
  const idOf = (outcome: BookingOutcome) => {
    if (!outcome.ok) throw new Error(`expected a booking, got ${outcome.error}`);
    return outcome.appointment.appointmentId;
  };
  const totals = () => ({
    storeBooks: instances.reduce((sum, instance) => sum + instance.storeBooks(), 0),
    turnedAway: instances.reduce((sum, instance) => sum + instance.turnedAway(), 0),
  });
  const seatsOf = (officeId: number, startsAt: Date) =>
    count(db, `SELECT coalesce(sum(booked), -1)::int AS n FROM slots WHERE office_id = $1 AND starts_at = $2`, [officeId, startsAt]);

  it("books exactly the capacity of 300 attempts from 3 instances, and turns the second wave away without PostgreSQL", async () => {
    const office = await insertOffice(db, { counters: 3 });
    const nearby = await insertOffice(db, { counters: 1, latitude: 35.71, longitude: 51.41 });
    const applications = await insertPaidApplications(db, 300);
    const startsAt = at(SATURDAY, 9, 0);
    const wave = (ids: string[]) => Promise.all(ids.map((id, i) => book(instances[i % instances.length]!, id, office, startsAt)));
    const before = totals();

    const first = await wave(applications.slice(0, 150));
    const afterFirst = totals();
    const second = await wave(applications.slice(150));
    const afterSecond = totals();

    const all = [...first, ...second];
    expect(all.filter((outcome) => outcome.ok)).toHaveLength(3);
    expect(all.filter((outcome) => !outcome.ok && outcome.error === "slot_full")).toHaveLength(297);
    expect(await seatsOf(office, startsAt)).toBe(3);
    expect(await count(db, `SELECT count(*)::int AS n FROM appointments WHERE office_id = $1 AND status = 'active'`, [office])).toBe(3);
    expect(await count(db, `SELECT count(*)::int AS n FROM applications WHERE id = ANY($1::uuid[]) AND status = 'booked'`, [applications])).toBe(3);
    // In the first wave each attempt went to PostgreSQL or, looking after the slot filled, was turned away;
    // the second found the mark set when the last seat went, and none of it reached PostgreSQL.
    expect(afterFirst.storeBooks - before.storeBooks).toBeGreaterThanOrEqual(3);
    expect(afterFirst.storeBooks - before.storeBooks + (afterFirst.turnedAway - before.turnedAway)).toBe(150);
    expect(afterSecond.storeBooks - afterFirst.storeBooks).toBe(0);
    expect(afterSecond.turnedAway - afterFirst.turnedAway).toBe(150);

    // A gate refusal reads as the time filling: the journey offers other times, which the gate does not hide.
    const refusal = second[0]!;
    expect(refusal).toEqual({ ok: false, error: "slot_full" });
    expect(!refusal.ok && anotherTimeMayHelp(refusal.error)).toBe(true);
    const alternatives = await findAlternatives(instances[1]!.deps, { officeId: office, startsAt, now });
    expect(alternatives.sameOffice[0]?.startsAt).toEqual(at(SATURDAY, 9, 15));
    expect(alternatives.nearby[0]?.office.id).toBe(nearby);
    expect(await book(instances[2]!, applications[299]!, office, at(SATURDAY, 9, 15))).toMatchObject({ ok: true });
  });

  it("marks a slot full when its last seat goes, and lets the next attempt through at once after a cancel on another instance", async () => {
    const office = await insertOffice(db, { counters: 1 });
    const [first, second, third] = await insertPaidApplications(db, 3);
    const startsAt = at(SATURDAY, 10, 0);
    const [one, two, three] = instances as [Instance, Instance, Instance];

    const appointmentId = idOf(await book(one, first!, office, startsAt));
    const asked = two.storeBooks();
    expect(await book(two, second!, office, startsAt)).toEqual({ ok: false, error: "slot_full" });
    expect(two.storeBooks()).toBe(asked);

    expect(await cancelAppointment(three.deps, { appointmentId, now })).toMatchObject({ ok: true });
    expect(await book(two, second!, office, startsAt)).toMatchObject({ ok: true });
    expect(two.storeBooks()).toBe(asked + 1);
    expect(await book(one, third!, office, startsAt)).toEqual({ ok: false, error: "slot_full" });
    expect(await seatsOf(office, startsAt)).toBe(1);
  });

  it("frees the old slot of a reschedule at once, and turns a reschedule into a marked slot away", async () => {
    const office = await insertOffice(db, { counters: 1 });
    const [mover, other, waiting] = await insertPaidApplications(db, 3);
    const oldStart = at(SATURDAY, 11, 0);
    const fullStart = at(SATURDAY, 11, 15);
    const freeStart = at(SATURDAY, 11, 30);
    const [one, two] = instances as [Instance, Instance, Instance];
    const appointmentId = idOf(await book(one, mover!, office, oldStart));
    idOf(await book(one, other!, office, fullStart));
    expect(await book(two, waiting!, office, oldStart)).toEqual({ ok: false, error: "slot_full" });

    expect(await rescheduleAppointment(two.deps, { appointmentId, officeId: office, startsAt: fullStart, now })).toEqual({ ok: false, error: "slot_full" });
    expect(await rescheduleAppointment(two.deps, { appointmentId, officeId: office, startsAt: freeStart, now })).toMatchObject({ ok: true });
    expect(await book(two, waiting!, office, oldStart)).toMatchObject({ ok: true });
  });

  it("answers a closed day as closed, not full, and a reopened day's seats are bookable at once", async () => {
    const office = await insertOffice(db, { counters: 1 });
    const [holder, waiting] = await insertPaidApplications(db, 2);
    const startsAt = at(SATURDAY, 12, 0);
    const [one, two] = instances as [Instance, Instance, Instance];
    idOf(await book(one, holder!, office, startsAt));
    expect(await book(two, waiting!, office, startsAt)).toEqual({ ok: false, error: "slot_full" });

    const closed = await closeOfficeDay(one.deps, { officeId: office, date: SATURDAY, now });
    expect(closed.ok && closed.cancelled).toHaveLength(1);
    expect(await book(two, waiting!, office, startsAt)).toEqual({ ok: false, error: "day_closed" });
    expect(await reopenOfficeDay(one.deps, { officeId: office, date: SATURDAY })).toBe(true);
    expect(await book(two, waiting!, office, startsAt)).toMatchObject({ ok: true });
  });

  it("ignores a full mark written after a free it did not see (the look came before the free)", async () => {
    const gate = createRedisSeatGate(testRedis.redis, `${testRedis.prefix}race:`);
    const seat = { officeId: 1, startsAt: at(SATURDAY, 9, 0), day: SATURDAY };
    const look = await gate.check(seat);
    expect(look).toMatchObject({ full: false });
    // A cancel commits and is reported between this attempt's store call and its mark.
    await gate.freed(seat);
    await gate.full(seat, look.full ? undefined : look.ticket);
    expect(await gate.check(seat)).toMatchObject({ full: false });

    // A look after the free carries the new generation: its mark holds, for that slot only.
    const later = await gate.check(seat);
    await gate.full(seat, later.full ? undefined : later.ticket);
    expect(await gate.check(seat)).toEqual({ full: true });
    expect(await gate.check({ ...seat, startsAt: at(SATURDAY, 9, 15) })).toMatchObject({ full: false });
    // Other days of the office and other offices are untouched by a free.
    await gate.freed({ officeId: 1, day: addDays(SATURDAY, 1) });
    await gate.freed({ officeId: 2, day: SATURDAY });
    expect(await gate.check(seat)).toEqual({ full: true });
  });

  it("answers looks sent together (one MGET) each for its own slot", async () => {
    const gate = createRedisSeatGate(testRedis.redis, `${testRedis.prefix}batch:`);
    const seats = Array.from({ length: 12 }, (_, i) => ({ officeId: 100 + (i % 3), startsAt: at(SATURDAY, 9, 15 * (i % 4)), day: SATURDAY }));
    const marked = seats.filter((_, i) => i % 5 === 0);
    for (const seat of marked) {
      const look = await gate.check(seat);
      await gate.full(seat, look.full ? undefined : look.ticket);
    }
    const answers = await Promise.all(seats.map((seat) => gate.check(seat)));
    const isMarked = (seat: (typeof seats)[number]) => marked.some((m) => m.officeId === seat.officeId && m.startsAt.getTime() === seat.startsAt.getTime());
    expect(answers.map((answer) => answer.full)).toEqual(seats.map(isMarked));
    expect(answers.filter((answer) => answer.full).length).toBeGreaterThan(0);
    expect(answers.filter((answer) => !answer.full).length).toBeGreaterThan(0);
  });

  it("bounds a seat freed behind its back: the mark lives at most fullMarkMs, then the seat books", async () => {
    const fullMarkMs = 300;
    const prefix = `${testRedis.prefix}bound:`;
    const instance = instanceOn(db, createRedisSeatGate(testRedis.redis, prefix, { fullMarkMs }));
    const office = await insertOffice(db, { counters: 1 });
    const [holder, waiting] = await insertPaidApplications(db, 2);
    const startsAt = at(SATURDAY, 13, 0);
    idOf(await book(instance, holder!, office, startsAt));

    // A counter added straight in the database: nothing tells the gate.
    await db.sql.query(`UPDATE slots SET capacity = capacity + 1 WHERE office_id = $1 AND starts_at = $2`, [office, startsAt]);
    const marks = await testRedis.redis.keys(`${prefix}seats:*:full:*`);
    expect(marks).toHaveLength(1);
    const ttl = await testRedis.redis.pttl(marks[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(fullMarkMs);
    expect(await book(instance, waiting!, office, startsAt)).toEqual({ ok: false, error: "slot_full" });

    // Redis drops the mark when its time is up (an event to wait for, not a sleep); the free seat then books.
    await new Promise<void>((resolve) => {
      const poll = async () => ((await testRedis.redis.exists(marks[0]!)) === 0 ? resolve() : setImmediate(poll));
      void poll();
    });
    expect(await book(instance, waiting!, office, startsAt)).toMatchObject({ ok: true });
    expect(await seatsOf(office, startsAt)).toBe(2);
  });

  it("still books when Redis is down, unreachable or hangs, and never more than the seats", async () => {
    const office = await insertOffice(db, { counters: 2 });
    const applications = await insertPaidApplications(db, 9);
    const startsAt = at(SATURDAY, 14, 0);

    // Closed: the client was quit, so every command would fail.
    const closed = new Redis(testRedis.url, { maxRetriesPerRequest: null });
    await closed.quit();
    // Unreachable: nothing listens, ioredis keeps reconnecting (and would queue commands forever).
    const unreachable = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: null, retryStrategy: () => 50 });
    unreachable.on("error", () => undefined);
    // Hung: a server that accepts and never answers, on a client that sends nothing before it is ready.
    // (It reads and drops what it gets, so the client's close reaches it and the server can close.)
    const silent: Server = createServer((socket) => void socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    const hung = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: null, enableReadyCheck: false, disableClientInfo: true });
    await new Promise<void>((resolve) => hung.once("ready", () => resolve()));
    const skipped: unknown[] = [];

    try {
      const gates = [
        createRedisSeatGate(closed, testRedis.prefix),
        createRedisSeatGate(unreachable, testRedis.prefix),
        createRedisSeatGate(hung, testRedis.prefix, { timeoutMs: 20, onSkip: (error) => skipped.push(error) }),
      ];
      const outcomes = await Promise.all(applications.map((id, i) => book(instanceOn(db, gates[i % gates.length]), id, office, startsAt)));
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(2);
      expect(outcomes.filter((outcome) => !outcome.ok && outcome.error === "slot_full")).toHaveLength(7);
      expect(await seatsOf(office, startsAt)).toBe(2);
      expect(skipped.length).toBeGreaterThan(0);

      // A seat freed while Redis is away is bookable too: the cancel's report is lost, nothing was marked.
      const booked = outcomes.findIndex((outcome) => outcome.ok);
      const hungInstance = instanceOn(db, gates[2]);
      expect(await cancelAppointment(hungInstance.deps, { appointmentId: idOf(outcomes[booked]!), now })).toMatchObject({ ok: true });
      const loser = outcomes.findIndex((outcome) => !outcome.ok);
      expect(await book(hungInstance, applications[loser]!, office, startsAt)).toMatchObject({ ok: true });
    } finally {
      unreachable.disconnect();
      hung.disconnect();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
