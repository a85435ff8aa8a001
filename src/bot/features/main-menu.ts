// /start, /menu, /help and /cancel outside a journey: greet the citizen and show the main menu of journeys.
import { Composer } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";

/** Remembers a chat so later notifications (payment confirmed, reminders) can reach it. */
export type RecordChat = (chatId: number) => Promise<void>;

/** Sends the main menu with a short line above it. */
export async function showMainMenu(ctx: FlowContext, textKey = "main-menu-again"): Promise<void> {
  await ctx.reply(ctx.t(textKey), { reply_markup: mainMenuKeyboard(ctx) });
}

export function mainMenuFeature(recordChat: RecordChat): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("start", async (ctx) => {
    if (!ctx.chatRecorded) await recordChat(ctx.chat.id);
    const name = ctx.from.first_name;
    await ctx.reply(name ? ctx.t("welcome", { name }) : ctx.t("welcome-anonymous"), {
      reply_markup: mainMenuKeyboard(ctx),
    });
  });
  privateChats.command("menu", (ctx) => showMainMenu(ctx));
  privateChats.command("help", (ctx) => ctx.reply(ctx.t("help"), { reply_markup: mainMenuKeyboard(ctx) }));
  // Outside a journey there is nothing to cancel (inside one, the journey itself takes /cancel).
  privateChats.command("cancel", (ctx) => showMainMenu(ctx, "command-cancel-nothing"));
  return feature;
}
