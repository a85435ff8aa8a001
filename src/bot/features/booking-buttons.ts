// The "book again" button on messages sent outside a conversation: what pressing it does.
import { Composer } from "grammy";
import { onCallbackData, startBookingData } from "../callback-data/index.js";
import type { BotContext } from "../context.js";

/** One tap from a notification into the booking journey. */
export function bookingButtonsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  onCallbackData(feature, startBookingData, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter("booking");
  });
  return feature;
}
