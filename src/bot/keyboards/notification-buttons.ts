// Inline buttons that messages sent outside a conversation carry (the notification outbox adds them).
import { InlineKeyboard } from "grammy";
import type { Translate } from "../../domain/shared/translate.js";
import { startBookingData } from "../callback-data/index.js";

/** Inline buttons some messages carry, by message key (e.g. "book again" after an office closed). */
export type NotificationButtons = Record<string, (translate: Translate) => InlineKeyboard>;

/** Buttons by notification message key. */
export const NOTIFICATION_BUTTONS: NotificationButtons = {
  "booking-office-closed": (translate) => new InlineKeyboard().text(translate("booking-rebook-button"), startBookingData.encode({})),
  "payment-confirmed": (translate) => new InlineKeyboard().text(translate("menu-booking"), startBookingData.encode({})),
};
