// Maps each main-menu button to its journey: a conversation when it is built, an honest notice when not.
import { hears } from "@grammyjs/i18n";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { MAIN_MENU_KEYS, type MainMenuKey } from "../keyboards/main-menu.js";

/** What a menu button starts: the id of a registered conversation, or a plain handler. */
export type JourneyEntry = { conversation: string } | { handler: (ctx: BotContext) => Promise<unknown> };

export function journeysFeature(entries: Partial<Record<MainMenuKey, JourneyEntry>>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  for (const key of MAIN_MENU_KEYS.flat()) {
    const entry = entries[key];
    feature.filter(hears(key), async (ctx) => {
      if (!entry) return ctx.reply(ctx.t("journey-not-available", { journey: ctx.t(key) }));
      if ("conversation" in entry) return ctx.conversation.enter(entry.conversation);
      return entry.handler(ctx);
    });
  }
  return feature;
}
