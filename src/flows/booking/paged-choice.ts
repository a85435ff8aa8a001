// A list question shown a page at a time: the page's options as buttons, previous/next page buttons that say
// so in words, and optionally a typed answer (a time) matched against the whole list.
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { ask } from "../kit/ask.js";
import type { ErrorMessages } from "../kit/error-messages.js";
import { inRows } from "../kit/navigation.js";

export interface PagedOption<T> {
  label: string;
  value: T;
}

/** One page as the question shows it. */
export interface Page<T> {
  options: Array<PagedOption<T>>;
  /** How many options the whole list has. */
  total: number;
  /** A message sent above the question for this page (numbered office lines), if any. */
  heading?: string;
}

export interface PagedQuestion<T, E extends string> {
  prompt: string;
  promptParams?: Record<string, string | number>;
  /** The error keys: `choose_button` for text that is no button, and whatever `typed` refuses with. */
  errors: ErrorMessages<"choose_button" | E>;
  perRow: number;
  pageSize: number;
  /** The options of page `page` (0-based) and the list's size; read inside conversation.external when it reads a store. */
  page: (page: number) => Promise<Page<T>>;
  /** Reads a typed answer that is no button label; its error codes are explained by `errors`. */
  typed?: (text: string) => Result<T, E>;
}

type Picked<T> = { value: T } | { turn: -1 | 1 };

/**
 * Shows page `page` (0-based) and takes one answer: an option (of any page), back, or a turn to another page.
 * A turn is returned, not followed here, so that the caller keeps the page in its draft and the turn costs
 * the replay log nothing (kit/journey.ts); paging is not a step back.
 */
export async function askPaged<T, E extends string = never>(
  conversation: FlowConversation,
  ctx: FlowContext,
  question: PagedQuestion<T, E>,
  page = 0,
): Promise<{ kind: "answer"; value: T } | { kind: "back" } | { kind: "turn"; page: number }> {
  const shown = await question.page(page);
  const pages = Math.max(1, Math.ceil(shown.total / question.pageSize));
  const nav = (turn: -1 | 1) =>
    ctx.t(turn < 0 ? "booking-page-previous" : "booking-page-next", { page: toPersianDigits(page + 1 + turn), pages: toPersianDigits(pages) });
  const navRow = [...(page > 0 ? [nav(-1)] : []), ...(page < pages - 1 ? [nav(1)] : [])];
  if (shown.heading) await ctx.reply(shown.heading);
  const answer = await ask<Picked<T>, "choose_button" | E>(conversation, ctx, {
    prompt: question.prompt,
    promptParams: question.promptParams,
    errors: question.errors,
    buttons: () => [
      ...inRows(
        shown.options.map((option) => option.label),
        question.perRow,
      ),
      ...(navRow.length > 0 ? [navRow] : []),
    ],
    parse: (reply): Result<Picked<T>, "choose_button" | E> => {
      if (reply.kind !== "text") return fail("choose_button");
      const text = reply.text.trim();
      if (page > 0 && text === nav(-1)) return ok({ turn: -1 });
      if (page < pages - 1 && text === nav(1)) return ok({ turn: 1 });
      const found = shown.options.find((option) => option.label === text);
      if (found) return ok({ value: found.value });
      if (!question.typed) return fail("choose_button");
      const typed = question.typed(text);
      return typed.ok ? ok({ value: typed.value }) : typed;
    },
  });
  if (answer.kind === "back") return answer;
  if ("turn" in answer.value) return { kind: "turn", page: Math.min(Math.max(0, page + answer.value.turn), pages - 1) };
  return { kind: "answer", value: answer.value.value };
}

/** Pages of a list already in memory. */
export function inMemoryPages<T>(options: Array<PagedOption<T>>, pageSize: number): (page: number) => Promise<Page<T>> {
  return async (page) => ({ options: options.slice(page * pageSize, (page + 1) * pageSize), total: options.length });
}
