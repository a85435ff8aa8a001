// The port booking uses to plan appointment reminders (the BullMQ queue implements it).

/** Plans and withdraws an appointment's reminders (absent when no Redis is configured). */
export interface ReminderPlanner {
  schedule(appointmentId: string, startsAt: Date): Promise<unknown>;
  withdraw(appointmentId: string, startsAt: Date): Promise<unknown>;
}
