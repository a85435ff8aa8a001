// The last feature: whatever no journey took gets a helpful answer instead of silence.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";

export function unhandledFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("callback_query", async (ctx) => {
    // A button on an old message: tell the citizen in the popup rather than leave the spinner turning.
    await ctx.answerCallbackQuery({ text: ctx.t("unhandled-old-button"), show_alert: true });
  });
  feature.on(["edited_message", "edited_channel_post"], (ctx) => ctx.reply(ctx.t("unhandled-edited")));

  const privateChats = feature.chatType("private");
  privateChats.on("message:sticker", (ctx) => ctx.reply(ctx.t("unhandled-sticker"), { reply_markup: mainMenuKeyboard(ctx) }));
  privateChats.on("message:photo", (ctx) => ctx.reply(ctx.t("unhandled-photo"), { reply_markup: mainMenuKeyboard(ctx) }));
  privateChats.on("message:text", (ctx) => ctx.reply(ctx.t("unhandled-text"), { reply_markup: mainMenuKeyboard(ctx) }));
  privateChats.on("message", (ctx) => ctx.reply(ctx.t("unhandled-media"), { reply_markup: mainMenuKeyboard(ctx) }));
  return feature;
}
