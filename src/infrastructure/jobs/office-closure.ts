// Closing an office's day: its appointments are cancelled by the booking store and each citizen is told,
// through the outbox, with a button to book again.
import type { BookingDeps } from "../../domain/booking/booking-deps.js";
import { closeOfficeDay } from "../../domain/booking/office-day-closure.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import { formatJalaliDateOnly } from "../../domain/time/persian-format.js";
import type { PrismaClient } from "../database/database.js";
import { enqueueNotification } from "../notifications/notification-outbox.js";

/** The message key the dispatcher sends with a "book again" button. */
export const OFFICE_CLOSED_MESSAGE_KEY = "booking-office-closed";

export type CloseDayResult = { ok: true; told: number } | { ok: false; error: "office_not_found" | "date_in_past" };

/** Withdraws an appointment's planned reminders (the reminder queue; absent without Redis). */
export interface ReminderWithdrawal {
  withdraw(appointmentId: string, startsAt: Date): Promise<unknown>;
}

export async function closeDayAndTell(
  booking: BookingDeps,
  prisma: PrismaClient,
  request: { officeId: number; date: JalaliDate; now: Date },
  reminders?: ReminderWithdrawal,
): Promise<CloseDayResult> {
  const outcome = await closeOfficeDay(booking, request);
  if (!outcome.ok) return outcome;
  const office = (await booking.offices.catalog()).get(request.officeId);
  for (const appointment of outcome.cancelled) {
    // As a citizen's own cancellation does: the queue keeps no stale work for an appointment that is gone.
    await reminders?.withdraw(appointment.appointmentId, appointment.startsAt);
    await enqueueNotification(prisma, {
      dedupKey: `office-closed:${appointment.appointmentId}`,
      chatId: appointment.chatId,
      messageKey: OFFICE_CLOSED_MESSAGE_KEY,
      params: { office: office?.name ?? "", date: formatJalaliDateOnly(request.date) },
    });
  }
  return { ok: true, told: outcome.cancelled.length };
}
