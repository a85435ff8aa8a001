// The "book again" button on messages sent outside a conversation: what pressing it does.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export const START_BOOKING = "booking:start";

/** One tap from a notification into the booking journey. */
export function bookingButtonsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(START_BOOKING, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter("booking");
  });
  return feature;
}
