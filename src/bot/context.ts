// The bot's context types: what every handler and conversation can reach on `ctx`.
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Logger } from "../infrastructure/logging/logger.js";

/** Context inside conversations and handlers alike: i18n and a logger bound to the update. */
export type FlowContext = Context & I18nFlavor & { logger: Logger };

/** Context of the bot's top-level middleware. */
export type BotContext = ConversationFlavor<FlowContext>;

/** The conversation handle every flow receives. */
export type FlowConversation = Conversation<BotContext, FlowContext>;
