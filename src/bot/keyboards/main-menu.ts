// The main menu: a reply keyboard naming every citizen journey; labels come from the locale files.
import { Keyboard } from "grammy";
import type { FlowContext } from "../context.js";

/** Locale keys of the menu's buttons, in the order they are shown (rows of two). */
export const MAIN_MENU_KEYS = [
  ["menu-pre-registration", "menu-booking"],
  ["menu-status", "menu-recovery"],
  ["menu-pickup", "menu-fees-documents"],
  ["menu-home-service", "menu-violation"],
  ["menu-my-cases", "menu-help"],
] as const;

export type MainMenuKey = (typeof MAIN_MENU_KEYS)[number][number];

/** The main menu keyboard in the user's language. */
export function mainMenuKeyboard(ctx: FlowContext): Keyboard {
  return Keyboard.from(MAIN_MENU_KEYS.map((row) => row.map((key) => ctx.t(key))))
    .resized()
    .persistent()
    .placeholder(ctx.t("menu-placeholder"));
}
