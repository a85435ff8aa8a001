// Reminders on the real Redis (BullMQ) and PostgreSQL: planned once, delivered once, never for a changed appointment.
import { DEFAULT_BOOKING_POLICY } from "../../../src/domain/booking/booking-policy.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "../../../src/domain/booking/book-appointment.js";
import { cancelAppointment } from "../../../src/domain/booking/change-appointment.js";
import { slotStartsOn } from "../../../src/domain/booking/slot-schedule.js";
import type { BookingDeps } from "../../../src/domain/booking/booking-deps.js";
import { createSqlBookingStore } from "../../../src/infrastructure/database/booking-store.js";
import { createSqlOfficeDirectory } from "../../../src/infrastructure/database/office-directory.js";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { reminderDelivery } from "../../../src/infrastructure/jobs/booking-jobs.js";
import { closeDayAndTell } from "../../../src/infrastructure/jobs/office-closure.js";
import { ReminderQueue, startReminderWorker } from "../../../src/infrastructure/jobs/reminder-queue.js";
import { createLogger } from "../../../src/infrastructure/logging/logger.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";
import { createTestRedis, type TestRedis } from "../../support/test-redis.js";
import { addDays, weekdayOf, type JalaliDate } from "../../../src/domain/time/jalali.js";
import { jalaliDateInTehran } from "../../../src/domain/time/tehran-clock.js";
import { insertOffice, insertPaidApplications, loadPlaces } from "../booking/booking-fixtures.js";

/** A Saturday at least three days ahead and inside the booking window. */
function nextSaturday(): JalaliDate {
  let date = addDays(jalaliDateInTehran(new Date()), 3);
  while (weekdayOf(date) !== 0) date = addDays(date, 1);
  return date;
}

describe("appointment reminders", () => {
  let testDb: TestDatabase;
  let db: Database;
  let redis: TestRedis;
  let booking: BookingDeps;
  let officeId: number;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    redis = createTestRedis();
    await loadPlaces(db);
    officeId = await insertOffice(db, { counters: 2 });
    booking = { offices: createSqlOfficeDirectory(db.sql), store: createSqlBookingStore(db.sql), policy: DEFAULT_BOOKING_POLICY };
  });
  afterAll(async () => {
    await db.close();
    await redis.cleanup();
    await testDb.drop();
  });

  const office = async () => (await booking.offices.catalog()).get(officeId)!;

  it("plans both reminders ahead of an appointment, and the same plan twice adds nothing", async () => {
    const [applicationId] = await insertPaidApplications(db, 1);
    const startsAt = slotStartsOn(await office(), nextSaturday())[4]!;
    const booked = await bookAppointment(booking, { applicationId: applicationId!, officeId, startsAt, now: new Date() });
    if (!booked.ok) throw new Error(`booking failed: ${booked.error}`);
    const queue = new ReminderQueue(redis.redis, redis.prefix);
    try {
      expect(await queue.schedule(booked.appointment.appointmentId, startsAt)).toEqual(["day-before", "two-hours"]);
      await queue.schedule(booked.appointment.appointmentId, startsAt);
      const planned = await queue.plannedFor(booked.appointment.appointmentId);
      expect(planned.map((job) => job.kind).sort()).toEqual(["day-before", "two-hours"]);
      expect(planned.find((job) => job.kind === "two-hours")!.runsAt.getTime()).toBeCloseTo(startsAt.getTime() - 2 * 3600_000, -4);
      await queue.withdraw(booked.appointment.appointmentId, startsAt);
      expect(await queue.plannedFor(booked.appointment.appointmentId)).toEqual([]);
    } finally {
      await queue.close();
    }
  });

  it("sends a due reminder once, and nothing for a cancelled appointment", async () => {
    const [kept, cancelled] = await insertPaidApplications(db, 2);
    const slots = slotStartsOn(await office(), nextSaturday());
    const keptAppointment = await bookAppointment(booking, { applicationId: kept!, officeId, startsAt: slots[8]!, now: new Date() });
    const cancelledAppointment = await bookAppointment(booking, { applicationId: cancelled!, officeId, startsAt: slots[9]!, now: new Date() });
    if (!keptAppointment.ok || !cancelledAppointment.ok) throw new Error("booking failed");
    // Clocks set so that each "two hours before" reminder falls due a moment from now.
    const dueSoon = (startsAt: Date) => () => new Date(startsAt.getTime() - 2 * 3600_000 - 300);
    const keptQueue = new ReminderQueue(redis.redis, redis.prefix, dueSoon(slots[8]!));
    const cancelledQueue = new ReminderQueue(redis.redis, redis.prefix, dueSoon(slots[9]!));
    let woken = 0;
    const worker = startReminderWorker(
      redis.redis,
      redis.prefix,
      reminderDelivery(booking, db.prisma, () => woken++),
      createLogger("silent"),
    );
    try {
      await keptQueue.schedule(keptAppointment.appointment.appointmentId, slots[8]!);
      await cancelledQueue.schedule(cancelledAppointment.appointment.appointmentId, slots[9]!);
      // Cancelled after planning, before the reminder is due: the worker must notice.
      expect((await cancelAppointment(booking, { appointmentId: cancelledAppointment.appointment.appointmentId, now: new Date() })).ok).toBe(true);

      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && (await db.prisma.notification.count({ where: { messageKey: "booking-reminder-two-hours" } })) === 0) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000)); // room for a wrong second message
      const sent = await db.prisma.notification.findMany({ where: { messageKey: { startsWith: "booking-reminder" } } });
      expect(sent).toHaveLength(1);
      expect(sent[0]!.chatId).toBe((await db.prisma.application.findUniqueOrThrow({ where: { id: kept! } })).chatId);
      expect(woken).toBe(1);

      // A retried job (same appointment, kind and time) writes nothing more.
      const deliver = reminderDelivery(booking, db.prisma, () => woken++);
      expect(await deliver({ appointmentId: keptAppointment.appointment.appointmentId, kind: "two-hours", startsAt: slots[8]!.toISOString() })).toBe(
        "already_queued",
      );
      expect(await db.prisma.notification.count({ where: { messageKey: { startsWith: "booking-reminder" } } })).toBe(1);
    } finally {
      await worker.close();
      await keptQueue.close();
      await cancelledQueue.close();
    }
  });

  it("withdraws the reminders of appointments an office's day closure cancels", async () => {
    const [applicationId] = await insertPaidApplications(db, 1);
    const day = addDays(nextSaturday(), 7);
    const startsAt = slotStartsOn(await office(), day)[2]!;
    const booked = await bookAppointment(booking, { applicationId: applicationId!, officeId, startsAt, now: new Date() });
    if (!booked.ok) throw new Error(`booking failed: ${booked.error}`);
    const queue = new ReminderQueue(redis.redis, redis.prefix);
    try {
      await queue.schedule(booked.appointment.appointmentId, startsAt);
      expect(await queue.plannedFor(booked.appointment.appointmentId)).toHaveLength(2);
      const closed = await closeDayAndTell(booking, db.prisma, { officeId, date: day, now: new Date() }, queue);
      expect(closed).toEqual({ ok: true, told: 1 });
      expect(await queue.plannedFor(booked.appointment.appointmentId)).toEqual([]);
    } finally {
      await queue.close();
    }
  });
});
