// The port booking uses to plan appointment reminders (the BullMQ queue implements it).

/** The reminders an appointment can get: the day before and two hours before. */
export type ReminderKind = "day-before" | "two-hours";

/** Plans and withdraws an appointment's reminders (absent when no Redis is configured). */
export interface ReminderPlanner {
  /** Plans the reminders still ahead of `startsAt` and says which (a reminder whose time has passed is not planned). */
  schedule(appointmentId: string, startsAt: Date): Promise<readonly ReminderKind[]>;
  withdraw(appointmentId: string, startsAt: Date): Promise<unknown>;
}
