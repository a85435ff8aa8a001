// Handling one kind of button: its data decoded by its codec, stale data answered as an old button.
import type { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { CallbackCodec } from "./codec.js";

/**
 * Routes presses of `codec`'s buttons to `handler` with the decoded value. Data of another version (a
 * button on a message older than the code) gets the "this button is old" popup and never reaches it.
 */
export function onCallbackData<T>(composer: Composer<BotContext>, codec: CallbackCodec<T>, handler: (ctx: BotContext, value: T) => Promise<unknown>): void {
  composer.callbackQuery(codec.filter, async (ctx) => {
    const decoded = codec.decode(ctx.callbackQuery.data);
    if (decoded.kind === "stale") {
      await ctx.answerCallbackQuery({ text: ctx.t("unhandled-old-button"), show_alert: true });
      return;
    }
    await handler(ctx, decoded.value);
  });
}
