// What the staff side is built from: the staff, desk and card stores, applications, offices, fees and the rules' numbers.
import type { ApplicationStore } from "../../domain/application/application-store.js";
import type { BookingPolicy } from "../../domain/booking/booking-policy.js";
import type { OfficeDirectory } from "../../domain/booking/office-catalog.js";
import type { CardStore } from "../../domain/cards/card-store.js";
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import type { DeskStore } from "../../domain/staff/desk-store.js";
import type { MeetOnStart, StaffStore } from "../../domain/staff/staff-store.js";

export interface StaffServices {
  staff: StaffStore;
  /** A plain /start's staff lookup and, for a citizen, the chat's record in one statement. */
  meetOnStart: MeetOnStart;
  desk: DeskStore;
  cards: CardStore;
  applications: ApplicationStore;
  offices: OfficeDirectory;
  tariffs: TariffBook;
  policy: BookingPolicy;
  /** How long an invite made in the bot can be used. */
  inviteTtlMs: number;
  /** Wakes the notification dispatcher after an action wrote a message for a citizen. */
  notifyNow(): void;
}

/** Rows per page in the staff panel's lists. */
export const STAFF_PAGE_SIZE = 8;
