// The "book again" button on messages sent outside a conversation, and what pressing it does.
import { Composer, InlineKeyboard } from "grammy";
import type { NotificationButtons } from "../../infrastructure/notifications/notification-dispatcher.js";
import type { BotContext } from "../context.js";

const START_BOOKING = "booking:start";

/** Buttons by notification message key. */
export const NOTIFICATION_BUTTONS: NotificationButtons = {
  "booking-office-closed": (translate) => new InlineKeyboard().text(translate("booking-rebook-button"), START_BOOKING),
  "payment-confirmed": (translate) => new InlineKeyboard().text(translate("menu-booking"), START_BOOKING),
};

/** One tap from a notification into the booking journey. */
export function bookingButtonsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(START_BOOKING, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter("booking");
  });
  return feature;
}
