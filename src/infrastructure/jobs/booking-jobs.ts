// The booking side's background work: turning due reminders into messages, and the no-show sweep.
import type { BookingDeps } from "../../domain/booking/booking-deps.js";
import { sweepNoShows } from "../../domain/booking/no-show.js";
import { formatDateTime, formatJalaliDate, formatTehranTime } from "../../domain/time/persian-format.js";
import type { PrismaClient } from "../database/database.js";
import type { Logger } from "../logging/logger.js";
import { enqueueNotification } from "../notifications/notification-outbox.js";
import type { DeliverReminder } from "./reminder-queue.js";

/**
 * A due reminder becomes an outbox message only if its appointment is still active at the time it was
 * planned for: a cancelled or moved appointment gets nothing. The dedup key keeps a retried job from
 * writing it twice.
 */
export function reminderDelivery(booking: BookingDeps, prisma: PrismaClient, wake: () => void): DeliverReminder {
  return async (job) => {
    const appointment = await booking.store.appointment(job.appointmentId);
    if (!appointment || appointment.status !== "active" || appointment.startsAt.toISOString() !== job.startsAt) return "skipped";
    const office = (await booking.offices.catalog()).get(appointment.officeId);
    const application = await prisma.application.findUnique({ where: { id: appointment.applicationId }, select: { chatId: true } });
    if (!office || !application) return "skipped";
    const added = await enqueueNotification(prisma, {
      dedupKey: `reminder:${job.appointmentId}:${job.kind}:${job.startsAt}`,
      chatId: application.chatId,
      messageKey: job.kind === "day-before" ? "booking-reminder-day-before" : "booking-reminder-two-hours",
      params: { office: office.name, address: office.address, date: formatJalaliDate(appointment.startsAt), time: formatTehranTime(appointment.startsAt) },
    });
    if (added) wake();
    return added ? "queued" : "already_queued";
  };
}

/** Runs the no-show sweep on a timer; every instance may run it (each appointment is marked once). */
export class NoShowSweeper {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;

  constructor(private readonly options: { booking: BookingDeps; prisma: PrismaClient; logger: Logger; wake: () => void; intervalMs?: number }) {}

  start(): void {
    this.timer = setInterval(
      () => {
        this.pass ??= this.runOnce().finally(() => (this.pass = undefined));
      },
      this.options.intervalMs ?? 5 * 60_000,
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One sweep: marks missed appointments and tells each citizen when booking opens again. */
  async runOnce(now = new Date()): Promise<number> {
    try {
      const missed = await sweepNoShows(this.options.booking, { now });
      for (const appointment of missed) {
        await enqueueNotification(this.options.prisma, {
          dedupKey: `missed:${appointment.appointmentId}`,
          chatId: appointment.chatId,
          messageKey: "booking-missed",
          params: { reopensAt: formatDateTime(appointment.bookingReopensAt) },
        });
      }
      if (missed.length > 0) {
        this.options.logger.info({ missed: missed.length }, "no-shows recorded");
        this.options.wake();
      }
      return missed.length;
    } catch (error) {
      this.options.logger.error({ err: error }, "no-show sweep failed");
      return 0;
    }
  }
}
