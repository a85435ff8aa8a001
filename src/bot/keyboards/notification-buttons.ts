// Inline buttons that messages sent outside a conversation carry (the notification outbox adds them).
import { InlineKeyboard } from "grammy";
import type { Translate } from "../../domain/shared/translate.js";
import { startBookingData } from "../callback-data/index.js";
import { CASE_NOTIFICATION_BUTTONS } from "./case-notification-buttons.js";

/**
 * Inline buttons some messages carry, by message key (e.g. "book again" after an office closed). `params` are
 * the notification's stored params and `chatId` its recipient, for buttons that act on a record.
 */
export type NotificationButtons = Record<string, (translate: Translate, params: Record<string, string | number>, chatId: number) => InlineKeyboard | undefined>;

/** Buttons by notification message key. */
export const NOTIFICATION_BUTTONS: NotificationButtons = {
  "booking-office-closed": (translate) => new InlineKeyboard().text(translate("booking-rebook-button"), startBookingData.encode({})),
  "payment-confirmed": (translate) => new InlineKeyboard().text(translate("menu-booking"), startBookingData.encode({})),
  ...CASE_NOTIFICATION_BUTTONS,
};
