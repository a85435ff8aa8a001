// The bot's context types: what every handler and conversation can reach on `ctx`.
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Logger } from "../infrastructure/logging/logger.js";
import type { ChatDrafts } from "../infrastructure/redis/journey-drafts.js";

/** Context inside conversations and handlers alike: i18n and a logger bound to the update. */
export type FlowContext = Context & I18nFlavor & { logger: Logger };

/**
 * Context of the bot's top-level middleware, and the one conversation.external() hands its task: it carries
 * the chat's draft of the journey it is in (answers kept outside the replay log, src/flows/kit/journey.ts),
 * read and written with the conversation's state.
 */
export type BotContext = ConversationFlavor<FlowContext> & {
  drafts: ChatDrafts;
  /** Set when this update's chat is already recorded (by the staff entry's /start lookup): the main menu skips its own write. */
  chatRecorded?: true;
};

/**
 * What conversation.external() may return. Its result is stored as JSON with the conversation and read
 * back from there on every later update (replay), so a Date would come back a string, a Map empty, a
 * bigint not at all. Such types resolve to never here, and the compiler refuses the call: return ISO
 * strings and plain objects instead (booking-view.ts's OfficeChoice is the model).
 */
export type ConversationSafe<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends Date | bigint | symbol | Map<unknown, unknown> | Set<unknown> | ((...args: never[]) => unknown)
    ? never
    : { [K in keyof T]: ConversationSafe<T[K]> };

/** The conversation handle every flow receives; its external() takes only conversation-safe results. */
export type FlowConversation = Omit<Conversation<BotContext, FlowContext>, "external"> & {
  external<R>(task: (ctx: BotContext) => R | Promise<R>, ...refused: ConversationSafeCheck<NoInfer<R>>): Promise<R>;
};

type IsConversationSafe<R> = [R] extends [ConversationSafe<R>] ? true : false;

/** A rest parameter that is empty for a conversation-safe R and demands an impossible argument otherwise. */
export type ConversationSafeCheck<R> = IsConversationSafe<R> extends true ? [] : [NotConversationSafe];

/** Shown by the compiler where an external() returns something JSON would not give back as it was. */
type NotConversationSafe = "conversation.external() must return plain data (ISO strings, not Date; no Map, Set, bigint or function)";
