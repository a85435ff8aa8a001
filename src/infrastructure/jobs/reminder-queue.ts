// Appointment reminders as durable delayed jobs in Redis (BullMQ): they survive restarts, each exists once
// (the job id is the appointment, the kind and the time), and the worker re-checks the appointment first.
import { Queue, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { ReminderPlanner } from "../../domain/booking/reminder-planner.js";
import type { Logger } from "../logging/logger.js";

/** When each reminder goes out, before the appointment. */
export const REMINDER_KINDS = [
  { kind: "day-before", leadMs: 24 * 3600_000 },
  { kind: "two-hours", leadMs: 2 * 3600_000 },
] as const;

export type ReminderKind = (typeof REMINDER_KINDS)[number]["kind"];

/** A reminder job's payload. */
export interface ReminderJob {
  appointmentId: string;
  kind: ReminderKind;
  /** ISO time of the appointment the reminder was planned for; a moved appointment no longer matches. */
  startsAt: string;
}

const QUEUE_NAME = "appointment-reminders";

const jobIdOf = (appointmentId: string, kind: ReminderKind, startsAt: Date) => `${appointmentId}:${kind}:${startsAt.getTime()}`;

/** Plans and withdraws reminders. */
export class ReminderQueue implements ReminderPlanner {
  private readonly queue: Queue<ReminderJob>;

  constructor(
    connection: Redis,
    prefix: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.queue = new Queue<ReminderJob>(QUEUE_NAME, { connection, prefix: `${prefix}bull` });
  }

  /** Plans the reminders still ahead of `startsAt`; planning the same appointment again adds nothing. */
  async schedule(appointmentId: string, startsAt: Date): Promise<ReminderKind[]> {
    const planned: ReminderKind[] = [];
    for (const { kind, leadMs } of REMINDER_KINDS) {
      const delay = startsAt.getTime() - leadMs - this.now().getTime();
      if (delay <= 0) continue;
      await this.queue.add(
        kind,
        { appointmentId, kind, startsAt: startsAt.toISOString() },
        {
          jobId: jobIdOf(appointmentId, kind, startsAt),
          delay,
          attempts: 8,
          backoff: { type: "exponential", delay: 5_000 },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      );
      planned.push(kind);
    }
    return planned;
  }

  /** Withdraws the reminders of an appointment that was cancelled or moved. */
  async withdraw(appointmentId: string, startsAt: Date): Promise<void> {
    for (const { kind } of REMINDER_KINDS) {
      const job = await this.queue.getJob(jobIdOf(appointmentId, kind, startsAt));
      // A job already running finishes on its own; the worker's re-check stops it from announcing anything.
      await job?.remove().catch(() => undefined);
    }
  }

  /** The jobs planned for an appointment (for tests and support). */
  async plannedFor(appointmentId: string): Promise<Array<{ kind: ReminderKind; runsAt: Date }>> {
    const jobs = await this.queue.getJobs(["delayed", "waiting"]);
    return jobs
      .filter((job) => job?.data.appointmentId === appointmentId)
      .map((job) => ({ kind: job.data.kind, runsAt: new Date(job.timestamp + (job.opts.delay ?? 0)) }));
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

/** What a due reminder came to: written to the outbox, already there (a retried job), or not warranted. */
export type ReminderOutcome = "queued" | "already_queued" | "skipped";

/** Turns a due reminder into an outbox message when the appointment still warrants one. */
export type DeliverReminder = (job: ReminderJob) => Promise<ReminderOutcome>;

const OUTCOME_LOG: Record<ReminderOutcome, string> = {
  queued: "reminder queued for sending",
  already_queued: "reminder was already in the outbox; nothing added",
  skipped: "reminder skipped: appointment changed",
};

/** Runs due reminders; several instances may run workers, BullMQ gives each job to one of them. */
export function startReminderWorker(connection: Redis, prefix: string, deliver: DeliverReminder, logger: Logger): Worker<ReminderJob> {
  const worker = new Worker<ReminderJob>(
    QUEUE_NAME,
    async (job: Job<ReminderJob>) => {
      const outcome = await deliver(job.data);
      logger.info({ appointment: job.data.appointmentId, kind: job.data.kind, outcome }, OUTCOME_LOG[outcome]);
    },
    { connection, prefix: `${prefix}bull`, concurrency: 5 },
  );
  worker.on("failed", (job, error) => logger.warn({ err: error, appointment: job?.data.appointmentId }, "reminder job failed"));
  return worker;
}
