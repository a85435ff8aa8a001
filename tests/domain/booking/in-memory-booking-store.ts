// A BookingStore in memory for domain tests: the port's semantics without a database (one caller at a time).
import type { ApplicationState } from "../../../src/domain/application/lifecycle.js";
import type { Appointment } from "../../../src/domain/booking/appointment.js";
import type { BookingStore } from "../../../src/domain/booking/booking-store.js";
import { BOOK_MOVE } from "../../../src/domain/booking/booking-transitions.js";
import type { Office } from "../../../src/domain/booking/office.js";
import { dayKey } from "../../../src/domain/booking/slot-schedule.js";
import { compareJalali, parseJalaliDate } from "../../../src/domain/time/jalali.js";
import { jalaliDateInTehran } from "../../../src/domain/time/tehran-clock.js";

interface Application {
  status: ApplicationState;
  chatId: number;
  trackingCode: string | null;
}

/** The fake plus handles to arrange and inspect its state. */
export interface InMemoryBookingStore extends BookingStore {
  addApplication(id: string, status?: ApplicationState, chatId?: number, trackingCode?: string | null): void;
  applicationStatus(id: string): ApplicationState | undefined;
  seats(officeId: number, startsAt: Date): { capacity: number; booked: number } | undefined;
  appointments(): Appointment[];
}

export function createInMemoryBookingStore(offices: () => readonly Office[]): InMemoryBookingStore {
  const applications = new Map<string, Application>();
  const slots = new Map<string, { capacity: number; booked: number }>();
  const appointments = new Map<string, Appointment>();
  const closed = new Set<string>();
  let nextId = 1;
  const slotKey = (officeId: number, startsAt: Date) => `${officeId}@${startsAt.getTime()}`;
  const live = (applicationId: string) =>
    [...appointments.values()].find((a) => a.applicationId === applicationId && (a.status === "active" || a.status === "checked_in")) ?? null;
  const reopensAt = (applicationId: string) =>
    [...appointments.values()]
      .filter((a) => a.applicationId === applicationId && a.status === "no_show")
      .reduce<Date | null>((latest, a) => (latest === null || a.bookingReopensAt! > latest ? a.bookingReopensAt : latest), null);
  const update = (id: string, change: Partial<Appointment>) => appointments.set(id, { ...appointments.get(id)!, ...change });
  /** Takes a seat if there is one: the seats left after it, or undefined for a full slot. */
  const takeSeat = (officeId: number, startsAt: Date): number | undefined => {
    const office = offices().find((o) => o.id === officeId)!;
    const key = slotKey(officeId, startsAt);
    const slot = slots.get(key) ?? { capacity: office.counters, booked: 0 };
    slots.set(key, slot);
    if (slot.booked >= slot.capacity) return undefined;
    slot.booked++;
    return slot.capacity - slot.booked;
  };
  const newAppointment = (applicationId: string, officeId: number, startsAt: Date, now: Date, rescheduledFrom: string | null): Appointment => {
    const appointment: Appointment = {
      id: `appt-${nextId++}`,
      applicationId,
      officeId,
      startsAt,
      status: "active",
      createdAt: now,
      cancelledAt: null,
      cancelReason: null,
      rescheduledFrom,
      checkedInAt: null,
      completedAt: null,
      missedAt: null,
      bookingReopensAt: null,
    };
    appointments.set(appointment.id, appointment);
    return appointment;
  };
  const unavailable = (officeId: number, day: { year: number; month: number; day: number }) => {
    const office = offices().find((o) => o.id === officeId);
    if (office === undefined || !office.active) return "office_unavailable" as const;
    return closed.has(`${officeId}:${dayKey(day)}`) ? ("day_closed" as const) : undefined;
  };

  return {
    addApplication: (id, status = "paid", chatId = 1, trackingCode = null) => applications.set(id, { status, chatId, trackingCode }),
    applicationStatus: (id) => applications.get(id)?.status,
    seats: (officeId, startsAt) => slots.get(slotKey(officeId, startsAt)),
    appointments: () => [...appointments.values()],

    async occupancy(officeIds, from, to) {
      return {
        slots: [...slots.entries()].flatMap(([key, seats]) => {
          const [office, time] = key.split("@").map(Number) as [number, number];
          return officeIds.includes(office) && time >= from.getTime() && time < to.getTime() ? [{ officeId: office, startsAt: new Date(time), ...seats }] : [];
        }),
        // The closed days of these offices whose Tehran date lies from `from`'s date to `to`'s, as the SQL store reads them.
        closedDays: [...closed].flatMap((key) => {
          const [office, day] = key.split(":") as [string, string];
          const date = parseJalaliDate(day);
          if (!date.ok || !officeIds.includes(Number(office))) return [];
          const inRange = compareJalali(date.value, jalaliDateInTehran(from)) >= 0 && compareJalali(date.value, jalaliDateInTehran(to)) <= 0;
          return inRange ? [{ officeId: Number(office), date: date.value }] : [];
        }),
      };
    },
    async standing(applicationId) {
      const application = applications.get(applicationId);
      return application ? { status: application.status, bookingReopensAt: reopensAt(applicationId) } : null;
    },
    async appointment(id) {
      return appointments.get(id) ?? null;
    },
    async liveAppointmentOf(applicationId) {
      return live(applicationId);
    },
    async book(request) {
      const refusal = unavailable(request.officeId, request.day);
      if (refusal) return { kind: refusal };
      const application = applications.get(request.applicationId);
      if (!application) return { kind: "application_not_found" };
      const ban = reopensAt(request.applicationId);
      if (!BOOK_MOVE.from.includes(application.status) || (ban !== null && ban > request.now)) {
        const existing = live(request.applicationId);
        return existing
          ? { kind: "already_booked", appointmentId: existing.id }
          : { kind: "not_eligible", standing: { status: application.status, bookingReopensAt: ban } };
      }
      const seatsLeft = takeSeat(request.officeId, request.startsAt);
      if (seatsLeft === undefined) return { kind: "slot_full" };
      application.status = BOOK_MOVE.to;
      return {
        kind: "booked",
        appointmentId: newAppointment(request.applicationId, request.officeId, request.startsAt, request.now, null).id,
        seatsLeft,
      };
    },
    async reschedule(request) {
      const refusal = unavailable(request.officeId, request.day);
      if (refusal) return { kind: refusal };
      const old = appointments.get(request.appointmentId);
      if (!old || old.status !== "active") return { kind: "not_active" };
      if (old.startsAt < request.changeableFrom) return { kind: "cutoff_passed" };
      if (takeSeat(request.officeId, request.startsAt) === undefined) return { kind: "slot_full" };
      update(old.id, { status: "moved", cancelledAt: request.now });
      slots.get(slotKey(old.officeId, old.startsAt))!.booked--;
      return { kind: "moved", appointmentId: newAppointment(old.applicationId, request.officeId, request.startsAt, request.now, old.id).id };
    },
    async cancel(request) {
      const old = appointments.get(request.appointmentId);
      if (!old || old.status !== "active") return { kind: "not_active" };
      if (old.startsAt < request.changeableFrom) return { kind: "cutoff_passed" };
      update(old.id, { status: "cancelled", cancelledAt: request.now, cancelReason: "citizen" });
      slots.get(slotKey(old.officeId, old.startsAt))!.booked--;
      applications.get(old.applicationId)!.status = "paid";
      return { kind: "cancelled" };
    },
    async closeDay(request) {
      closed.add(`${request.officeId}:${dayKey(request.day)}`);
      const hit = [...appointments.values()].filter(
        (a) => a.officeId === request.officeId && a.status === "active" && a.startsAt >= request.from && a.startsAt < request.to,
      );
      return hit.map((a) => {
        update(a.id, { status: "cancelled", cancelledAt: request.now, cancelReason: "office_closed" });
        slots.get(slotKey(a.officeId, a.startsAt))!.booked--;
        applications.get(a.applicationId)!.status = "paid";
        const { chatId, trackingCode } = applications.get(a.applicationId)!;
        return { appointmentId: a.id, applicationId: a.applicationId, officeId: a.officeId, startsAt: a.startsAt, chatId, trackingCode };
      });
    },
    async reopenDay(officeId, day) {
      return closed.delete(`${officeId}:${dayKey(day)}`);
    },
    async markNoShows(request) {
      const due = [...appointments.values()]
        .filter((a) => a.status === "active" && a.startsAt < request.startedBefore)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .slice(0, request.limit);
      return due.map((a) => {
        const reopens = new Date(a.startsAt.getTime() + request.banMs);
        update(a.id, { status: "no_show", missedAt: request.now, bookingReopensAt: reopens });
        applications.get(a.applicationId)!.status = "no_show";
        return {
          appointmentId: a.id,
          applicationId: a.applicationId,
          officeId: a.officeId,
          startsAt: a.startsAt,
          chatId: applications.get(a.applicationId)!.chatId,
          bookingReopensAt: reopens,
        };
      });
    },
    async checkIn(id, now) {
      const appointment = appointments.get(id);
      if (appointment?.status !== "active") return false;
      update(id, { status: "checked_in", checkedInAt: now });
      applications.get(appointment.applicationId)!.status = "checked_in";
      return true;
    },
    async complete(id, now) {
      const appointment = appointments.get(id);
      if (appointment?.status !== "checked_in") return false;
      update(id, { status: "completed", completedAt: now });
      applications.get(appointment.applicationId)!.status = "in_production";
      return true;
    },
  };
}
