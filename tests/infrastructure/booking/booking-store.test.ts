// The PostgreSQL booking store against a real database, with several pools playing separate bot instances.
import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAlternatives } from "../../../src/domain/booking/alternatives.js";
import { bookAppointment } from "../../../src/domain/booking/book-appointment.js";
import type { BookingOutcome } from "../../../src/domain/booking/book-appointment.js";
import type { BookingDeps } from "../../../src/domain/booking/booking-deps.js";
import { cancelAppointment, rescheduleAppointment } from "../../../src/domain/booking/change-appointment.js";
import { checkInAppointment, completeAppointment } from "../../../src/domain/booking/check-in.js";
import { sweepNoShows } from "../../../src/domain/booking/no-show.js";
import { closeOfficeDay, reopenOfficeDay } from "../../../src/domain/booking/office-day-closure.js";
import { tehranInstantAt } from "../../../src/domain/booking/slot-schedule.js";
import { addDays } from "../../../src/domain/time/jalali.js";
import type { JalaliDate } from "../../../src/domain/time/jalali.js";
import { createSqlBookingStore } from "../../../src/infrastructure/database/booking-store.js";
import { openPostgres } from "../../../src/infrastructure/database/database.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlOfficeDirectory } from "../../../src/infrastructure/database/office-directory.js";
import { createTestDatabase } from "../../support/test-database.js";
import type { TestDatabase } from "../../support/test-database.js";
import { aSaturday, count, insertOffice, insertPaidApplications, loadPlaces } from "./booking-fixtures.js";

const SATURDAY = aSaturday();
const SUNDAY = addDays(SATURDAY, 1);
const MONDAY = addDays(SATURDAY, 2);
const at = (date: JalaliDate, hour: number, minute = 0) => tehranInstantAt(date, hour * 60 + minute);
/** The clock of these tests: Saturday 07:00, before the office opens. */
const now = at(SATURDAY, 7, 0);

/** A bot instance: its own connection pool, store and office directory. */
interface Instance {
  db: Database;
  deps: BookingDeps;
}

describe("booking on PostgreSQL", () => {
  let testDb: TestDatabase;
  let instances: Instance[];
  let db: Database;
  let deps: BookingDeps;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    instances = Array.from({ length: 3 }, () => {
      const instanceDb = openPostgres(testDb.url, { poolSize: 6 });
      return {
        db: instanceDb,
        deps: {
          offices: createSqlOfficeDirectory(instanceDb.sql, { cacheMs: 0 }),
          store: createSqlBookingStore(instanceDb.sql),
          policy: DEFAULT_BOOKING_POLICY,
        },
      };
    });
    db = instances[0]!.db;
    deps = instances[0]!.deps;
    await loadPlaces(db);
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.db.close()));
    await testDb.drop();
  });

  const idOf = (outcome: BookingOutcome) => {
    if (!outcome.ok) throw new Error(`expected a booking, got ${outcome.error}`);
    return outcome.appointment.appointmentId;
  };
  const book = (applicationId: string, officeId: number, startsAt: Date, when = now, using = deps) =>
    bookAppointment(using, { applicationId, officeId, startsAt, now: when });
  const seatsOf = (officeId: number, startsAt: Date) =>
    count(db, `SELECT coalesce(sum(booked), -1)::int AS n FROM slots WHERE office_id = $1 AND starts_at = $2`, [officeId, startsAt]);
  const activeIn = (officeId: number, startsAt: Date) =>
    count(db, `SELECT count(*)::int AS n FROM appointments WHERE office_id = $1 AND starts_at = $2 AND status = 'active'`, [officeId, startsAt]);
  const statusOf = async (applicationId: string) =>
    (await db.sql.query<{ status: string }>(`SELECT status FROM applications WHERE id = $1`, [applicationId]))[0]?.status;

  it("lets exactly 3 of 200 concurrent attempts from 3 instances into a slot of 3 counters, and offers the rest alternatives", async () => {
    const office = await insertOffice(db, { counters: 3 });
    const nearby = await insertOffice(db, { counters: 1, latitude: 35.71, longitude: 51.41 });
    const farther = await insertOffice(db, { counters: 1, latitude: 35.8, longitude: 51.5 });
    const applications = await insertPaidApplications(db, 200);
    const startsAt = at(SATURDAY, 9, 0);

    const outcomes = await Promise.all(
      applications.map((applicationId, i) => book(applicationId, office, startsAt, now, instances[i % instances.length]!.deps)),
    );

    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(3);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.error === "slot_full")).toHaveLength(197);
    expect(await seatsOf(office, startsAt)).toBe(3);
    expect(await activeIn(office, startsAt)).toBe(3);
    expect(await count(db, `SELECT count(*)::int AS n FROM applications WHERE id = ANY($1::uuid[]) AND status = 'booked'`, [applications])).toBe(3);

    const loser = outcomes.findIndex((outcome) => !outcome.ok);
    const alternatives = await findAlternatives(instances[loser % instances.length]!.deps, { officeId: office, startsAt, now });
    expect(alternatives.sameOffice.map((slot) => slot.startsAt)).toEqual([at(SATURDAY, 9, 15), at(SATURDAY, 9, 30), at(SATURDAY, 9, 45)]);
    expect(alternatives.nearby.map((near) => near.office.id).slice(0, 2)).toEqual([nearby, farther]);
    expect(alternatives.nearby[0]!.slot.startsAt).toEqual(startsAt);
    expect(alternatives.nearby[0]!.distanceKm).toBeGreaterThan(1);
    expect(alternatives.nearby[0]!.distanceKm).toBeLessThan(2);
  });

  it("gives one application booking twice at once exactly one active appointment and leaks no seat", async () => {
    const office = await insertOffice(db, { counters: 5 });
    const [application] = await insertPaidApplications(db, 1);
    const starts = Array.from({ length: 20 }, (_, i) => at(SATURDAY, 8 + Math.floor(i / 4), (i % 4) * 15));

    const outcomes = await Promise.all(starts.map((startsAt, i) => book(application!, office, startsAt, now, instances[i % instances.length]!.deps)));

    const booked = outcomes.filter((outcome) => outcome.ok);
    expect(booked).toHaveLength(1);
    const appointmentId = idOf(booked[0]!);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual(Array(19).fill({ ok: false, error: "already_booked", appointmentId }));
    expect(await count(db, `SELECT count(*)::int AS n FROM appointments WHERE application_id = $1 AND status = 'active'`, [application])).toBe(1);
    expect(await count(db, `SELECT coalesce(sum(booked), 0)::int AS n FROM slots WHERE office_id = $1`, [office])).toBe(1);
    expect(await count(db, `SELECT count(*)::int AS n FROM application_events WHERE application_id = $1 AND status = 'booked'`, [application])).toBe(1);
  });

  it("keeps the old appointment and its seat when the new slot is full, and moves it when there is room", async () => {
    const office = await insertOffice(db, { counters: 1 });
    const [mine, other] = await insertPaidApplications(db, 2);
    const oldStart = at(SATURDAY, 10, 0);
    const fullStart = at(SATURDAY, 11, 0);
    const appointmentId = idOf(await book(mine!, office, oldStart));
    await book(other!, office, fullStart);

    expect(await rescheduleAppointment(deps, { appointmentId, officeId: office, startsAt: fullStart, now })).toEqual({ ok: false, error: "slot_full" });
    expect((await deps.store.appointment(appointmentId))?.status).toBe("active");
    expect(await seatsOf(office, oldStart)).toBe(1);
    expect(await seatsOf(office, fullStart)).toBe(1);

    const moved = await rescheduleAppointment(deps, { appointmentId, officeId: office, startsAt: at(SUNDAY, 9, 0), now });
    expect(moved).toMatchObject({ ok: true, previous: { appointmentId } });
    const newId = moved.ok ? moved.appointment.appointmentId : "";
    expect(await deps.store.appointment(appointmentId)).toMatchObject({ status: "moved" });
    expect(await deps.store.appointment(newId)).toMatchObject({ status: "active", rescheduledFrom: appointmentId, startsAt: at(SUNDAY, 9, 0) });
    expect(await seatsOf(office, oldStart)).toBe(0);
    expect(await seatsOf(office, at(SUNDAY, 9, 0))).toBe(1);
    expect(await statusOf(mine!)).toBe("booked");
  });

  it("lets two citizens swap times at once without a deadlock", async () => {
    const office = await insertOffice(db, { counters: 2 });
    const [a, b] = await insertPaidApplications(db, 2);
    const first = at(MONDAY, 9, 0);
    const second = at(MONDAY, 10, 0);
    const aId = idOf(await book(a!, office, first));
    const bId = idOf(await book(b!, office, second));
    const [aMoved, bMoved] = await Promise.all([
      rescheduleAppointment(instances[1]!.deps, { appointmentId: aId, officeId: office, startsAt: second, now }),
      rescheduleAppointment(instances[2]!.deps, { appointmentId: bId, officeId: office, startsAt: first, now }),
    ]);
    expect(aMoved.ok && bMoved.ok).toBe(true);
    expect(await seatsOf(office, first)).toBe(1);
    expect(await seatsOf(office, second)).toBe(1);
  });

  it("frees the seat on cancellation, makes the application paid again, and refuses after the cut-off", async () => {
    const office = await insertOffice(db, { counters: 1 });
    const [a, b] = await insertPaidApplications(db, 2);
    const startsAt = at(SUNDAY, 12, 0);
    const appointmentId = idOf(await book(a!, office, startsAt));
    expect(await book(b!, office, startsAt)).toEqual({ ok: false, error: "slot_full" });

    expect(await cancelAppointment(deps, { appointmentId, now: at(SUNDAY, 10, 1) })).toMatchObject({ ok: false, error: "change_cutoff_passed" });
    expect(await cancelAppointment(deps, { appointmentId, now })).toMatchObject({ ok: true });
    expect(await seatsOf(office, startsAt)).toBe(0);
    expect(await statusOf(a!)).toBe("paid");
    expect(await deps.store.appointment(appointmentId)).toMatchObject({ status: "cancelled", cancelReason: "citizen" });
    expect(await book(b!, office, startsAt)).toMatchObject({ ok: true });
    expect(await cancelAppointment(deps, { appointmentId, now })).toEqual({ ok: false, error: "appointment_not_active", status: "cancelled" });
    const timeline = await db.sql.query<{ status: string }>(`SELECT status FROM application_events WHERE application_id = $1 ORDER BY id`, [a]);
    expect(timeline.map((event) => event.status)).toEqual(["booked", "paid"]);
  });

  it("cancels the appointments of a closed day, returns whom to tell, and refuses that day afterwards", async () => {
    const office = await insertOffice(db, { counters: 2 });
    const [a, b, c, d] = await insertPaidApplications(db, 4);
    idOf(await book(a!, office, at(SUNDAY, 9, 0)));
    idOf(await book(b!, office, at(SUNDAY, 13, 0)));
    const otherDay = idOf(await book(c!, office, at(MONDAY, 9, 0)));
    // An instance whose catalogue still thinks the day is open: the database refuses anyway.
    const stale: BookingDeps = { offices: createSqlOfficeDirectory(db.sql, { cacheMs: 3_600_000 }), store: deps.store, policy: DEFAULT_BOOKING_POLICY };
    await stale.offices.catalog();

    const closed = await closeOfficeDay(deps, { officeId: office, date: SUNDAY, now });

    expect(closed.ok).toBe(true);
    const notices = closed.ok ? [...closed.cancelled].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime()) : [];
    expect(notices.map((notice) => [notice.applicationId, notice.startsAt])).toEqual([
      [a, at(SUNDAY, 9, 0)],
      [b, at(SUNDAY, 13, 0)],
    ]);
    expect(notices.every((notice) => notice.chatId > 5000 && notice.trackingCode?.startsWith("7") && notice.officeId === office)).toBe(true);
    expect(await statusOf(a!)).toBe("paid");
    expect(await statusOf(c!)).toBe("booked");
    expect((await deps.store.appointment(otherDay))?.status).toBe("active");
    expect(await seatsOf(office, at(SUNDAY, 9, 0))).toBe(0);
    expect(await book(d!, office, at(SUNDAY, 10, 0), now, stale)).toEqual({ ok: false, error: "day_closed" });
    expect(await book(d!, office, at(SUNDAY, 10, 0))).toEqual({ ok: false, error: "day_closed" });
    const again = await closeOfficeDay(deps, { officeId: office, date: SUNDAY, now });
    expect(again).toEqual({ ok: true, cancelled: [] });
    expect(await reopenOfficeDay(deps, { officeId: office, date: SUNDAY })).toBe(true);
    expect(await book(d!, office, at(SUNDAY, 10, 0))).toMatchObject({ ok: true });
  });

  it("leaves no active appointment on a day closed while bookings for it are in flight", async () => {
    const office = await insertOffice(db, { counters: 3 });
    const applications = await insertPaidApplications(db, 60);
    const stale: BookingDeps[] = instances.map((instance) => ({
      offices: createSqlOfficeDirectory(instance.db.sql, { cacheMs: 3_600_000 }),
      store: instance.deps.store,
      policy: DEFAULT_BOOKING_POLICY,
    }));
    await Promise.all(stale.map((s) => s.offices.catalog()));
    // The office's own instance, with a pool of its own, closes the day once the first bookings are through.
    const closerDb = openPostgres(testDb.url, { poolSize: 1 });
    const closer: BookingDeps = {
      offices: createSqlOfficeDirectory(closerDb.sql, { cacheMs: 3_600_000 }),
      store: createSqlBookingStore(closerDb.sql),
      policy: DEFAULT_BOOKING_POLICY,
    };
    await closer.offices.catalog();
    let resolved = 0;
    let startClosing: () => void = () => undefined;
    const firstBookingsDone = new Promise<void>((resolve) => (startClosing = resolve));
    const attempts = applications.map((applicationId, i) =>
      book(applicationId, office, at(MONDAY, 8 + Math.floor(i / 12), (i % 4) * 15), now, stale[i % 3]!).then((outcome) => {
        if (++resolved === 5) startClosing();
        return outcome;
      }),
    );
    const closing = firstBookingsDone.then(() => closeOfficeDay(closer, { officeId: office, date: MONDAY, now }));
    const [outcomes, closed] = await Promise.all([Promise.all(attempts), closing]).finally(() => closerDb.close());

    expect(await count(db, `SELECT count(*)::int AS n FROM appointments WHERE office_id = $1 AND status = 'active'`, [office])).toBe(0);
    expect(await count(db, `SELECT coalesce(sum(booked), 0)::int AS n FROM slots WHERE office_id = $1`, [office])).toBe(0);
    const bookedIds = outcomes
      .filter((outcome) => outcome.ok)
      .map(idOf)
      .sort();
    const cancelledIds = closed.ok ? closed.cancelled.map((notice) => notice.appointmentId).sort() : ["closing failed"];
    expect(cancelledIds).toEqual(bookedIds);
    expect(bookedIds.length).toBeGreaterThanOrEqual(5);
    const refused = outcomes.filter((outcome) => !outcome.ok);
    expect(refused.every((outcome) => !outcome.ok && outcome.error === "day_closed")).toBe(true);
  });

  it("turns a missed appointment into a no-show once, however often and from however many instances the sweep runs", async () => {
    const office = await insertOffice(db, { counters: 30 });
    const applications = await insertPaidApplications(db, 30);
    const startsAt = at(SATURDAY, 8, 0);
    for (const applicationId of applications) idOf(await book(applicationId, office, startsAt));

    const later = at(SATURDAY, 9, 1);
    const sweeps = await Promise.all([
      ...instances.map((instance) => sweepNoShows(instance.deps, { now: later, batchSize: 7 })),
      sweepNoShows(deps, { now: later, batchSize: 7 }),
    ]);
    // The sweep is global; other tests' appointments that started by 08:01 may be swept too.
    const ours = new Set(applications);
    const marked = sweeps.flat().filter((missed) => ours.has(missed.applicationId));
    expect(marked).toHaveLength(30);
    expect(new Set(marked.map((missed) => missed.applicationId)).size).toBe(30);
    expect((await sweepNoShows(deps, { now: at(SATURDAY, 9, 30) })).filter((missed) => ours.has(missed.applicationId))).toEqual([]);
    expect(
      await count(db, `SELECT count(*)::int AS n FROM application_events WHERE application_id = ANY($1::uuid[]) AND status = 'no_show'`, [applications]),
    ).toBe(30);
    expect(await count(db, `SELECT count(*)::int AS n FROM applications WHERE id = ANY($1::uuid[]) AND status = 'no_show'`, [applications])).toBe(30);
  });

  it("refuses a booking for 3 days after a missed appointment, with the exact reopening instant, then takes it", async () => {
    const office = await insertOffice(db, { counters: 2 });
    const [application] = await insertPaidApplications(db, 1);
    const missedStart = at(SATURDAY, 10, 30);
    idOf(await book(application!, office, missedStart));
    // The sweep is global: other tests' Saturday appointments are swept too.
    const missed = (await sweepNoShows(deps, { now: at(SATURDAY, 11, 31) })).find((m) => m.applicationId === application);
    const reopensAt = at(addDays(SATURDAY, 3), 10, 30);
    expect(missed).toMatchObject({ applicationId: application, bookingReopensAt: reopensAt });
    expect((await deps.store.appointment(missed!.appointmentId))?.status).toBe("no_show");

    const tuesday = addDays(SATURDAY, 3);
    const justBefore = new Date(reopensAt.getTime() - 1);
    expect(await book(application!, office, at(tuesday, 12, 0), justBefore)).toEqual({ ok: false, error: "no_show_ban", reopensAt });
    expect(await book(application!, office, at(tuesday, 12, 0), reopensAt)).toMatchObject({ ok: true });
    expect(await statusOf(application!)).toBe("booked");
  });

  it("checks in and completes the in-person step", async () => {
    const office = await insertOffice(db, { counters: 1 });
    const [application] = await insertPaidApplications(db, 1);
    const appointmentId = idOf(await book(application!, office, at(SATURDAY, 13, 0)));
    expect(await checkInAppointment(deps, { appointmentId, now: at(SATURDAY, 12, 50) })).toEqual({ ok: true });
    expect(await statusOf(application!)).toBe("checked_in");
    const swept = await sweepNoShows(deps, { now: at(SATURDAY, 14, 30) });
    expect(swept.map((missed) => missed.appointmentId)).not.toContain(appointmentId);
    expect(await completeAppointment(deps, { appointmentId, now: at(SATURDAY, 13, 20) })).toEqual({ ok: true });
    expect(await statusOf(application!)).toBe("in_production");
    expect(await deps.store.appointment(appointmentId)).toMatchObject({
      status: "completed",
      checkedInAt: at(SATURDAY, 12, 50),
      completedAt: at(SATURDAY, 13, 20),
    });
  });

  it("enforces the invariants in the schema itself, whatever the code does", async () => {
    const office = await insertOffice(db, { counters: 1 });
    const [application] = await insertPaidApplications(db, 1);
    const appointmentId = idOf(await book(application!, office, at(MONDAY, 13, 0)));
    const [slot] = await db.sql.query<{ slot_id: string }>(`SELECT slot_id::text AS slot_id FROM appointments WHERE id = $1`, [appointmentId]);
    await expect(db.sql.query(`UPDATE slots SET booked = booked + 1 WHERE id = $1`, [slot!.slot_id])).rejects.toThrow(/slots_booked_check/);
    await expect(
      db.sql.query(
        `INSERT INTO appointments (application_id, slot_id, office_id, starts_at, status) SELECT application_id, slot_id, office_id, starts_at, 'active'
           FROM appointments WHERE id = $1`,
        [appointmentId],
      ),
    ).rejects.toThrow(/appointments_one_live_per_application/);
  });
});
