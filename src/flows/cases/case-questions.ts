// Questions the case journeys share: a choice among buttons, a bounded text, an amount, a day, an optional photo.
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { parseTomanAmount, type AmountError } from "../../domain/cases/amount.js";
import type { Attachment } from "../../domain/cases/case-store.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { normalizePersianName } from "../../domain/text/normalize-persian-name.js";
import { addDays, compareJalali, parseJalaliDate, type JalaliDate, type JalaliDateError } from "../../domain/time/jalali.js";
import { ask, leave, type Answer, type Question, type Reply } from "../kit/ask.js";
import { errorMessages } from "../kit/error-messages.js";
import { inRows, isBack, isCancel, questionKeyboard } from "../kit/navigation.js";

/** Largest photo or document kept with a case (the platform's file id is kept, the size is only checked). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

type NotText = "not_text";
const textOnly =
  <T, E extends string>(parse: (text: string) => Result<T, E>) =>
  (reply: Reply): Result<T, E | NotText> =>
    reply.kind === "text" ? parse(reply.text) : fail("not_text");

// Each family names exactly the codes its parser can return.
export const CHOICE_ERRORS = errorMessages("case-choice-error", { choose_button: true, not_text: true } satisfies Record<"choose_button" | NotText, true>);
const TEXT_ERRORS = errorMessages("case-text-error", { too_short: true, too_long: true, not_text: true } satisfies Record<
  "too_short" | "too_long" | NotText,
  true
>);
const AMOUNT_ERRORS = errorMessages("case-amount-error", { empty: true, not_digits: true, too_large: true, not_text: true } satisfies Record<
  AmountError | NotText,
  true
>);
const DAY_ERRORS = errorMessages("case-day-error", {
  empty: true,
  bad_format: true,
  invalid_date: true,
  in_future: true,
  too_old: true,
  not_text: true,
} satisfies Record<JalaliDateError | "in_future" | "too_old" | NotText, true>);

/** One of several buttons; `options` maps a value to its locale key. */
export function choiceQuestion<T extends string>(
  ctx: FlowContext,
  prompt: string,
  options: ReadonlyArray<readonly [T, string]>,
  opts: { back?: boolean; perRow?: number; params?: Record<string, string | number> } = {},
): Question<T, "choose_button" | NotText> {
  return {
    prompt,
    promptParams: opts.params,
    errors: CHOICE_ERRORS,
    back: opts.back,
    buttons: () =>
      inRows(
        options.map(([, key]) => ctx.t(key)),
        opts.perRow ?? 2,
      ),
    parse: textOnly((text): Result<T, "choose_button"> => {
      const found = options.find(([, key]) => ctx.t(key) === text.trim());
      return found ? ok(found[0]) : fail("choose_button");
    }),
  };
}

/** Free text between `min` and `max` characters, normalised like names (Arabic letters, spacing). */
export function boundedText(text: string, min: number, max: number): Result<string, "too_short" | "too_long"> {
  const cleaned = normalizePersianName(text).trim();
  if (cleaned.length < min) return fail("too_short");
  if (cleaned.length > max) return fail("too_long");
  return ok(cleaned);
}

export function textQuestion(
  prompt: string,
  min: number,
  max: number,
  opts: { back?: boolean; params?: Record<string, string | number> } = {},
): Question<string, "too_short" | "too_long" | NotText> {
  return {
    prompt,
    promptParams: { ...opts.params, min, max },
    errors: TEXT_ERRORS,
    back: opts.back,
    parse: textOnly((text) => boundedText(text, min, max)),
  };
}

export function amountQuestion(ctx: FlowContext, prompt: string, opts: { zeroButton?: boolean } = {}): Question<number, AmountError | NotText> {
  return {
    prompt,
    errors: AMOUNT_ERRORS,
    buttons: opts.zeroButton ? () => [[ctx.t("case-amount-none")]] : undefined,
    parse: textOnly((text): Result<number, AmountError> => (opts.zeroButton && text === ctx.t("case-amount-none") ? ok(0) : parseTomanAmount(text))),
  };
}

/** A past day, today at the latest and a year back at the earliest: by button or typed Jalali date. */
export function pastDayQuestion(
  ctx: FlowContext,
  prompt: string,
  today: JalaliDate,
): Question<JalaliDate, JalaliDateError | "in_future" | "too_old" | NotText> {
  return {
    prompt,
    errors: DAY_ERRORS,
    buttons: () => [[ctx.t("case-day-today"), ctx.t("case-day-yesterday")]],
    parse: textOnly((text): Result<JalaliDate, JalaliDateError | "in_future" | "too_old"> => {
      if (text === ctx.t("case-day-today")) return ok(today);
      if (text === ctx.t("case-day-yesterday")) return ok(addDays(today, -1));
      const parsed = parseJalaliDate(text);
      if (!parsed.ok) return parsed;
      if (compareJalali(parsed.value, today) > 0) return fail("in_future");
      if (compareJalali(parsed.value, addDays(today, -366)) < 0) return fail("too_old");
      return ok(parsed.value);
    }),
  };
}

/**
 * Asks for a photo (or an image or PDF sent as a file), or the skip button when `optional`. Too large a file
 * is explained and asked again; anything else gets the question again.
 */
export async function askPhoto(
  conversation: FlowConversation,
  ctx: FlowContext,
  prompt: string,
  purpose: Attachment["purpose"],
  opts: { optional: boolean; back?: boolean },
): Promise<Answer<Attachment | null>> {
  const keyboard = () => questionKeyboard(ctx, opts.optional ? [[ctx.t("case-skip")]] : [], { back: opts.back ?? true });
  await ctx.reply(ctx.t(prompt), { reply_markup: keyboard() });
  // Anything but an answer is explained and rewound (as in ask()): the replay log keeps none of them.
  const unanswered = conversation.checkpoint();
  const next = await conversation.wait();
  const message = next.message;
  const text = message?.text;
  if (text !== undefined) {
    if (isCancel(next, text)) await leave(conversation, next);
    if (opts.back !== false && isBack(next, text)) return { kind: "back" };
    if (opts.optional && text === ctx.t("case-skip")) return { kind: "answer", value: null };
  }
  const photo = message?.photo?.at(-1);
  const document = message?.document && /^(image\/|application\/pdf)/.test(message.document.mime_type ?? "") ? message.document : undefined;
  const file = photo ?? document;
  if (file) {
    if ((file.file_size ?? 0) <= MAX_ATTACHMENT_BYTES) return { kind: "answer", value: { purpose, fileId: file.file_id, fileUniqueId: file.file_unique_id } };
    await next.reply(next.t("case-photo-too-large"));
  } else if (next.callbackQuery) {
    await next.answerCallbackQuery({ text: next.t("flow-old-button"), show_alert: true });
    return conversation.rewind(unanswered);
  } else {
    await next.reply(next.t(opts.optional ? "case-photo-expected-optional" : "case-photo-expected"));
  }
  await next.reply(next.t(prompt), { reply_markup: keyboard() });
  return conversation.rewind(unanswered);
}

/** Asks until answered (back is not offered, or is answered by asking again). */
export async function askValue<T, E extends string>(conversation: FlowConversation, ctx: FlowContext, question: Question<T, E>): Promise<T> {
  for (;;) {
    const answer = await ask(conversation, ctx, { ...question, back: false });
    if (answer.kind === "answer") return answer.value;
  }
}
