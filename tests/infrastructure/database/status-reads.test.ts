// The status check's one statement answers exactly what the three store reads it replaced answer, and with the
// application found by its tracking code, what the application store's lookup and those reads answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import type { BookingDeps } from "../../../src/domain/booking/booking-deps.js";
import { bookAppointment } from "../../../src/domain/booking/book-appointment.js";
import { sweepNoShows } from "../../../src/domain/booking/no-show.js";
import { tehranInstantAt } from "../../../src/domain/booking/slot-schedule.js";
import { addDays, type JalaliDate } from "../../../src/domain/time/jalali.js";
import { createSqlApplicationStore } from "../../../src/infrastructure/database/application-store.js";
import { createSqlBookingStore } from "../../../src/infrastructure/database/booking-store.js";
import { createSqlCardStore } from "../../../src/infrastructure/database/card-store.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createSqlOfficeDirectory } from "../../../src/infrastructure/database/office-directory.js";
import { createSqlStatusReads } from "../../../src/infrastructure/database/status-reads.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { aSaturday, insertOffice, insertPaidApplications, loadPlaces } from "../booking/booking-fixtures.js";

const SATURDAY = aSaturday();
const at = (date: JalaliDate, hour: number) => tehranInstantAt(date, hour * 60);
const now = at(SATURDAY, 7);

describe("status reads in one statement", () => {
  let testDb: TestDatabase;
  let db: Database;
  let deps: BookingDeps;
  let office: number;
  let otherOffice: number;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    await loadPlaces(db);
    deps = { offices: createSqlOfficeDirectory(db.sql, { cacheMs: 0 }), store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY };
    office = await insertOffice(db, { counters: 2 });
    otherOffice = await insertOffice(db, { counters: 2 });
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  /** What the flow read before: three statements. */
  const threeReads = async (applicationId: string) => {
    const cards = createSqlCardStore(db.sql, { deliveryRial: async () => 0 });
    const [live, standing, card] = await Promise.all([
      deps.store.liveAppointmentOf(applicationId),
      deps.store.standing(applicationId),
      cards.cardOf(applicationId),
    ]);
    return {
      live: live ? { officeId: live.officeId, startsAt: live.startsAt } : null,
      bookingReopensAt: standing?.bookingReopensAt ?? null,
      card: card ? { status: card.status, officeId: card.officeId, transferOfficeId: card.transferOfficeId ?? null } : null,
    };
  };

  it("answers nothing for an application with no appointment and no card, and for a malformed id", async () => {
    const [id] = await insertPaidApplications(db, 1);
    const reads = createSqlStatusReads(db.sql);
    expect(await reads.factsOf(id!)).toEqual({ live: null, bookingReopensAt: null, card: null });
    expect(await reads.factsOf(id!)).toEqual(await threeReads(id!));
    expect(await reads.factsOf("not-a-uuid")).toEqual({ live: null, bookingReopensAt: null, card: null });
  });

  it("gives the live appointment, the no-show reopening and the card as the three reads did", async () => {
    const reads = createSqlStatusReads(db.sql);
    const [missed, booked] = await insertPaidApplications(db, 2);
    const monday = addDays(SATURDAY, 2);
    expect((await bookAppointment(deps, { applicationId: missed!, officeId: office, startsAt: at(monday, 9), now })).ok).toBe(true);
    await sweepNoShows(deps, { now: at(monday, 12) });
    const afterMiss = await reads.factsOf(missed!);
    expect(afterMiss.bookingReopensAt).not.toBeNull();
    expect(afterMiss).toEqual(await threeReads(missed!));

    const tuesday = addDays(SATURDAY, 3);
    expect((await bookAppointment(deps, { applicationId: booked!, officeId: office, startsAt: at(tuesday, 10), now })).ok).toBe(true);
    const live = await reads.factsOf(booked!);
    expect(live.live).toEqual({ officeId: office, startsAt: at(tuesday, 10) });
    expect(live).toEqual(await threeReads(booked!));

    await db.sql.query(
      `INSERT INTO cards (application_id, serial, issued_on, office_id, status, ready_at, held_until, transfer_office_id, transfer_requested_at)
       VALUES ($1::uuid, 'S-1', '2026-01-01', $2, 'in_transit', $3, $3, $4, $3)`,
      [booked, office, now, otherOffice],
    );
    const withCard = await reads.factsOf(booked!);
    expect(withCard.card).toEqual({ status: "in_transit", officeId: office, transferOfficeId: otherOffice });
    expect(withCard).toEqual(await threeReads(booked!));
  });

  it("finds the application by its tracking code with its facts, as the application store's lookup and factsOf do", async () => {
    const reads = createSqlStatusReads(db.sql);
    const applications = createSqlApplicationStore(db.sql);
    const [plain, booked] = await insertPaidApplications(db, 2);
    expect((await bookAppointment(deps, { applicationId: booked!, officeId: office, startsAt: at(addDays(SATURDAY, 4), 11), now })).ok).toBe(true);
    await db.sql.query(
      `INSERT INTO cards (application_id, serial, issued_on, office_id, status, ready_at, held_until) VALUES ($1::uuid, 'S-2', '2026-01-01', $2, 'ready', $3, $3)`,
      [booked, otherOffice, now],
    );
    const codeOf = async (id: string) =>
      (await db.sql.query<{ code: string }>(`SELECT tracking_code AS code FROM applications WHERE id = $1::uuid`, [id]))[0]!.code;
    for (const id of [plain!, booked!]) {
      const found = await reads.findByTrackingCode(await codeOf(id));
      expect(found).toEqual({ ...(await applications.findByTrackingCode(await codeOf(id))), facts: await reads.factsOf(id) });
      expect(found?.id).toBe(id);
    }
    expect((await reads.findByTrackingCode(await codeOf(booked!)))?.facts.live).toEqual({ officeId: office, startsAt: at(addDays(SATURDAY, 4), 11) });
    expect((await reads.findByTrackingCode(await codeOf(booked!)))?.facts.card).toEqual({ status: "ready", officeId: otherOffice, transferOfficeId: null });
    expect(await reads.findByTrackingCode("000000000000")).toBeNull();
  });
});
