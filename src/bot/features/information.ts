// Information pages of the main menu: fees (from the tariff in force), documents, stages, report lines, help.
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import { formatToman } from "../../domain/time/persian-format.js";
import type { BotContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";

export function informationPages(tariffs: TariffBook) {
  return {
    "menu-fees-documents": async (ctx: BotContext) => {
      const tariff = await tariffs.inForce(new Date());
      const total = tariff.preRegistrationRial + tariff.completionMetropolisMaxRial + tariff.deliveryRial;
      await ctx.reply(
        ctx.t("info-fees", {
          preRegistration: formatToman(tariff.preRegistrationRial),
          completion: formatToman(tariff.completionMetropolisMaxRial),
          delivery: formatToman(tariff.deliveryRial),
          total: formatToman(total),
        }),
      );
      await ctx.reply(ctx.t("info-documents"));
      await ctx.reply(ctx.t("info-stages"));
      await ctx.reply(ctx.t("info-report-lines"), { reply_markup: mainMenuKeyboard(ctx) });
    },
    "menu-violation": async (ctx: BotContext) => {
      await ctx.reply(ctx.t("info-report-lines"));
      await ctx.reply(ctx.t("journey-not-available", { journey: ctx.t("menu-violation") }), { reply_markup: mainMenuKeyboard(ctx) });
    },
    "menu-help": (ctx: BotContext) => ctx.reply(ctx.t("help"), { reply_markup: mainMenuKeyboard(ctx) }),
  };
}
