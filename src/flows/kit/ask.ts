// One question of a flow: ask, validate through the domain, explain a wrong answer and ask again.
import type { Contact, Location } from "grammy/types";
import type { Keyboard } from "grammy";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { Result } from "../../domain/shared/result.js";
import { isBack, isCancel, questionKeyboard, type ButtonRows } from "./navigation.js";

/** What the citizen sent in answer: typed text, a shared contact or a location. */
export type Reply =
  | { kind: "text"; text: string }
  | { kind: "contact"; contact: Contact; fromId: number }
  | { kind: "location"; location: Location };

/** The answer, or the citizen's wish to go one question back. */
export type Answer<T> = { kind: "answer"; value: T } | { kind: "back" };

export interface Question<T> {
  /** Locale key of the question (and its variables). */
  prompt: string;
  promptParams?: Record<string, string | number>;
  /** The question's own buttons, shown above back and cancel. */
  buttons?: (ctx: FlowContext) => ButtonRows;
  /** Validates a reply; an error code E is explained by the locale key `${errors}-${E}`. */
  parse: (reply: Reply) => Result<T, string> | Promise<Result<T, string>>;
  /** Prefix of the locale keys that explain this question's error codes. */
  errors: string;
  /** Offer the back button (false on the first question). */
  back?: boolean;
  /** Which kinds of reply the question takes besides text. */
  accepts?: Array<"contact" | "location">;
}

/**
 * Asks until the answer is valid. Leaves the whole conversation (with the main menu) on cancel or /start;
 * other updates (stickers, photos, old buttons, edits) get an explanation and the same question again.
 */
export async function ask<T>(conversation: FlowConversation, ctx: FlowContext, question: Question<T>): Promise<Answer<T>> {
  const keyboard = () => questionKeyboard(ctx, question.buttons?.(ctx) ?? [], { back: question.back ?? true });
  await sendQuestion(ctx, question, keyboard());
  // A wrong answer is explained, the question asked again, and the conversation rewound to here: the
  // replay log keeps no wrong answers, so a thousand of them cost what one does (stored state stays bounded).
  const unanswered = conversation.checkpoint();
  const next = await conversation.wait();
  const reply = readReply(next, question.accepts ?? []);
  if (!reply) {
    await explainUnexpected(next);
    if (!next.callbackQuery && !next.editedMessage) await sendQuestion(next, question, keyboard());
    return conversation.rewind(unanswered);
  }
  if (reply.kind === "text") {
    if (isCancel(next, reply.text)) await leave(conversation, next);
    if (question.back !== false && isBack(next, reply.text)) return { kind: "back" };
  }
  const result = await question.parse(reply);
  if (result.ok) return { kind: "answer", value: result.value };
  await next.reply(next.t(`${question.errors}-${result.error}`));
  await sendQuestion(next, question, keyboard());
  return conversation.rewind(unanswered);
}

/** Ends the conversation and shows the main menu. */
export async function leave(
  conversation: FlowConversation,
  ctx: FlowContext,
  textKey = "flow-cancelled",
  params?: Record<string, string | number>,
): Promise<never> {
  await ctx.reply(ctx.t(textKey, params), { reply_markup: mainMenuKeyboard(ctx) });
  return conversation.halt();
}

function sendQuestion(ctx: FlowContext, question: Question<unknown>, keyboard: Keyboard) {
  return ctx.reply(ctx.t(question.prompt, question.promptParams), { reply_markup: keyboard });
}

function readReply(ctx: FlowContext, accepts: Array<"contact" | "location">): Reply | undefined {
  const message = ctx.message;
  if (!message) return undefined;
  if (message.text !== undefined) return { kind: "text", text: message.text };
  if (message.contact && accepts.includes("contact")) return { kind: "contact", contact: message.contact, fromId: message.from.id };
  if (message.location && accepts.includes("location")) return { kind: "location", location: message.location };
  return undefined;
}

async function explainUnexpected(ctx: FlowContext): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: ctx.t("flow-old-button"), show_alert: true });
  } else if (ctx.editedMessage) {
    await ctx.reply(ctx.t("unhandled-edited"));
  } else {
    await ctx.reply(ctx.t("flow-expected-text"));
  }
}
