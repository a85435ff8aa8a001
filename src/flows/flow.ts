// What a journey is to the bot: a conversation (Flow) and the set of journeys, pages and features it offers.
import type { Middleware } from "grammy";
import type { BotContext, FlowContext, FlowConversation } from "../bot/context.js";
import type { MainMenuKey } from "../bot/keyboards/main-menu.js";

/** A citizen journey run as a conversation. */
export interface Flow {
  id: string;
  /** The main-menu button that starts it, if any. */
  menuKey?: MainMenuKey;
  /** `args`: what `ctx.conversation.enter(id, ...args)` passed (e.g. the record a staff button acts on). */
  run(conversation: FlowConversation, ctx: FlowContext, ...args: string[]): Promise<unknown>;
}

/** What the bot offers: conversations, plain pages and other features. */
export interface BotJourneys {
  flows: Flow[];
  /** Menu buttons handled without a conversation (information pages). */
  pages?: Partial<Record<MainMenuKey, (ctx: BotContext) => Promise<unknown>>>;
  /** Extra features (payments, staff) placed before the catch-all. */
  features?: Middleware<BotContext>[];
  /** Features placed before the main menu, which they may answer first (staff invites and the staff menu on /start). */
  entry?: Middleware<BotContext>[];
}
