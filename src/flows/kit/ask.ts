// One question of a flow: ask, validate through the domain, explain a wrong answer and ask again.
import type { Contact, Location } from "grammy/types";
import { Keyboard } from "grammy";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { Result } from "../../domain/shared/result.js";
import type { ErrorMessages } from "./error-messages.js";
import { endJourney } from "./journey.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { readYesOrNo } from "../../domain/text/yes-or-no.js";
import { isBack, isCancel, isHelpCommand, isInterruption, questionKeyboard, type ButtonRows } from "./navigation.js";

/** What the citizen sent in answer: typed text, a shared contact or a location. */
export type Reply = { kind: "text"; text: string } | { kind: "contact"; contact: Contact; fromId: number } | { kind: "location"; location: Location };

/** The answer, or the citizen's wish to go one question back. */
export type Answer<T> = { kind: "answer"; value: T } | { kind: "back" };

export interface Question<T, E extends string = string> {
  /** Locale key of the question (and its variables). */
  prompt: string;
  promptParams?: Record<string, string | number>;
  /** The question's own buttons, shown above back and cancel. */
  buttons?: (ctx: FlowContext) => ButtonRows;
  /** Validates a reply; an error code is explained by its key in `errors`. */
  parse: (reply: Reply) => Result<T, E> | Promise<Result<T, E>>;
  /** The locale keys that explain this question's error codes (kit/error-messages.ts). */
  errors: ErrorMessages<E>;
  /** Offer the back button (false on the first question). */
  back?: boolean;
  /** Offer the cancel button (false when the question's own buttons include the way out). */
  cancelButton?: boolean;
  /** Which kinds of reply the question takes besides text. */
  accepts?: Array<"contact" | "location">;
  /** Where the question stands in a journey of several («۳ از ۱۲»), shown above it. */
  progress?: { step: number; of: number };
  /** The keyboard shown when the person leaves from this question (default: the main menu; staff journeys: the staff menu). */
  leaveWith?: (ctx: FlowContext) => Keyboard;
}

/**
 * Asks until the answer is valid. Leaves the whole conversation (with the main menu) on cancel; on /start or
 * a menu button asks first whether to go on (nothing answered is lost) or leave. Other updates (stickers,
 * photos, old buttons, edits) get an explanation and the same question again.
 */
export async function ask<T, E extends string>(conversation: FlowConversation, ctx: FlowContext, question: Question<T, E>): Promise<Answer<T>> {
  const keyboard = () => questionKeyboard(ctx, question.buttons?.(ctx) ?? [], { back: question.back ?? true, cancel: question.cancelButton ?? true });
  await sendQuestion(ctx, question, keyboard());
  // A wrong answer (or anything but an answer) is explained, the question asked again, and the conversation
  // rewound to here: the replay log keeps none of them, so a thousand cost what one does (bounded state).
  const unanswered = conversation.checkpoint();
  const next = await conversation.wait();
  const reply = readReply(next, question.accepts ?? []);
  if (!reply) {
    await explainUnexpected(next);
    if (!next.callbackQuery && !next.editedMessage) await sendQuestion(next, question, keyboard());
    return conversation.rewind(unanswered);
  }
  if (reply.kind === "text") {
    if (isCancel(next, reply.text)) await leave(conversation, next, undefined, undefined, question.leaveWith?.(next));
    if (isHelpCommand(reply.text)) {
      await next.reply(next.t("help"));
      await sendQuestion(next, question, keyboard());
      return conversation.rewind(unanswered);
    }
    if (isInterruption(next, reply.text)) {
      if (!(await wantsToGoOn(conversation, next))) await leave(conversation, next, undefined, undefined, question.leaveWith?.(next));
      await sendQuestion(next, question, keyboard());
      return conversation.rewind(unanswered);
    }
    if (question.back !== false && isBack(next, reply.text)) return { kind: "back" };
  }
  const result = await question.parse(reply);
  if (result.ok) return { kind: "answer", value: result.value };
  await next.reply(next.t(question.errors.key(result.error)));
  await sendQuestion(next, question, keyboard());
  return conversation.rewind(unanswered);
}

/**
 * Asked when /start or a menu button arrives mid-flow: go on where the citizen was, or leave (the answers
 * so far are dropped). A second /start or menu button means leave; anything else asks again.
 */
export async function wantsToGoOn(conversation: FlowConversation, ctx: FlowContext): Promise<boolean> {
  const goOn = ctx.t("flow-interrupted-go-on");
  const stop = ctx.t("flow-interrupted-leave");
  const keyboard = new Keyboard().text(goOn).row().text(stop).resized().persistent();
  await ctx.reply(ctx.t("flow-interrupted"), { reply_markup: keyboard });
  // Anything but an answer is explained and rewound, as a wrong answer to a question is: the log keeps none.
  const unanswered = conversation.checkpoint();
  const next = await conversation.wait();
  const text = next.message?.text;
  if (text === goOn) return true;
  if (text === stop || (text !== undefined && (isCancel(next, text) || isInterruption(next, text)))) return false;
  const typed = text === undefined ? undefined : readYesOrNo(text);
  if (typed !== undefined) return typed;
  if (next.callbackQuery) await next.answerCallbackQuery({ text: next.t("flow-old-button"), show_alert: true });
  else await next.reply(next.t("flow-interrupted"), { reply_markup: keyboard });
  return conversation.rewind(unanswered);
}

/** Ends the conversation and shows the main menu (the journey's draft of answers, if any, is deleted). */
export async function leave(
  conversation: FlowConversation,
  ctx: FlowContext,
  textKey = "flow-cancelled",
  params?: Record<string, string | number>,
  keyboard: Keyboard = mainMenuKeyboard(ctx),
): Promise<never> {
  await ctx.reply(ctx.t(textKey, params), { reply_markup: keyboard });
  return endJourney(conversation, ctx);
}

function sendQuestion(ctx: FlowContext, question: Pick<Question<unknown>, "prompt" | "promptParams" | "progress">, keyboard: Keyboard) {
  const text = ctx.t(question.prompt, question.promptParams);
  const where = question.progress && ctx.t("flow-progress", { step: toPersianDigits(question.progress.step), of: toPersianDigits(question.progress.of) });
  return ctx.reply(where ? `${where}\n${text}` : text, { reply_markup: keyboard });
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
