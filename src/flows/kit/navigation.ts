// The back and cancel buttons every question carries, and the words that leave a flow from anywhere.
import { Keyboard } from "grammy";
import type { FlowContext } from "../../bot/context.js";
import { MAIN_MENU_KEYS } from "../../bot/keyboards/main-menu.js";

/** Rows of buttons a question shows above back/cancel; each cell is a label or a prepared button. */
export type ButtonRows = Array<Array<string | Parameters<Keyboard["add"]>[0]>>;

/**
 * A reply keyboard: the question's own buttons, then back (if allowed) and cancel (unless the question's own
 * buttons already say how to step away, as "keep my appointment" does beside "yes, cancel it").
 */
export function questionKeyboard(ctx: FlowContext, rows: ButtonRows, options: { back: boolean; cancel?: boolean }): Keyboard {
  const keyboard = new Keyboard();
  for (const row of rows) {
    for (const cell of row) {
      if (typeof cell === "string") keyboard.text(cell);
      else keyboard.add(cell);
    }
    keyboard.row();
  }
  if (options.back) keyboard.text(ctx.t("flow-back"));
  if (options.cancel !== false) keyboard.text(ctx.t("flow-cancel"));
  return keyboard.resized().persistent();
}

/** True when the text asks to leave the flow on purpose: the cancel button, or /cancel. */
export function isCancel(ctx: FlowContext, text: string): boolean {
  return text === ctx.t("flow-cancel") || /^\/cancel(@\w+)?(\s|$)/.test(text);
}

/**
 * True when the text starts something else mid-flow: /start, /menu, or a main-menu button (an older message's
 * keyboard, or typed). The flow asks before throwing the answers away.
 */
export function isInterruption(ctx: FlowContext, text: string): boolean {
  return /^\/(start|menu)(@\w+)?(\s|$)/.test(text) || MAIN_MENU_KEYS.some((row) => row.some((key) => ctx.t(key) === text));
}

/** /help typed mid-flow: the help text, then the same question. */
export function isHelpCommand(text: string): boolean {
  return /^\/help(@\w+)?(\s|$)/.test(text);
}

export function isBack(ctx: FlowContext, text: string): boolean {
  return text === ctx.t("flow-back");
}

/** Lays labels out `perRow` to a row. */
export function inRows(labels: string[], perRow: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < labels.length; i += perRow) rows.push(labels.slice(i, i + perRow));
  return rows;
}
