// How booking things read in the chat: office names and lines, days, times, the confirm screen (texts from locales).
import type { FlowContext } from "../../bot/context.js";
import type { Office } from "../../domain/booking/office.js";
import { nameTellsType } from "../../domain/booking/office-naming.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import { formatDateTime, formatJalaliDate, formatJalaliDateOnly, formatTehranTime } from "../../domain/time/persian-format.js";

/** An office as a conversation keeps it: plain data (conversation state is stored as JSON). */
export interface OfficeChoice {
  id: number;
  name: string;
  type: Office["type"];
  address: string;
  phone: string;
  distanceKm?: number;
  /** ISO instant of its earliest free time, if any. */
  earliestFree?: string;
}

export const officeChoice = (office: Office, extra: { distanceKm?: number; earliestFree?: Date | null } = {}): OfficeChoice => ({
  id: office.id,
  name: office.name,
  type: office.type,
  address: office.address,
  phone: office.phone,
  distanceKm: extra.distanceKm,
  earliestFree: extra.earliestFree?.toISOString(),
});

/** The office's name, with its type in brackets only when the name does not already say it. */
export function officeTitle(ctx: FlowContext, office: Pick<OfficeChoice, "name" | "type">): string {
  return nameTellsType(office.name, office.type)
    ? office.name
    : ctx.t("booking-office-title", { name: office.name, type: ctx.t(`booking-office-type-${office.type}`) });
}

/** One line of an office list: number, name (and type), distance, earliest free time. */
export function officeLine(ctx: FlowContext, office: OfficeChoice, index: number): string {
  return ctx.t("booking-office-line", {
    n: toPersianDigits(index + 1),
    office: officeTitle(ctx, office),
    distance:
      office.distanceKm === undefined ? "" : ctx.t("booking-office-distance", { km: toPersianDigits(office.distanceKm.toFixed(1)).replace(".", "\u066b") }),
    earliest: office.earliestFree ? formatDateTime(new Date(office.earliestFree)) : ctx.t("booking-office-full"),
  });
}

/** The button of the office at `index` in a list. */
export const officeButton = (office: OfficeChoice, index: number) => `${toPersianDigits(index + 1)}. ${office.name}`;

/** A day button: weekday, day and month, and how many times are free. */
export function dayButton(ctx: FlowContext, date: JalaliDate, freeSlots: number): string {
  return ctx.t("booking-day-button", { day: formatJalaliDateOnly(date), free: toPersianDigits(freeSlots) });
}

export const timeButton = (startsAt: Date) => formatTehranTime(startsAt);

/** The confirm screen, the success messages and the status check share these fields. */
export function appointmentParams(ctx: FlowContext, office: OfficeChoice, startsAt: Date) {
  return {
    office: officeTitle(ctx, office),
    address: office.address,
    phone: toPersianDigits(office.phone),
    date: formatJalaliDate(startsAt),
    time: formatTehranTime(startsAt),
  };
}
