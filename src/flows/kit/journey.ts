// A journey of many questions at the cost of one: its answers live in the chat's draft, outside the replay log.
import type { BotContext, FlowContext, FlowConversation } from "../../bot/context.js";

/** What a pass returns when the journey is over (the draft is then deleted). */
export const FINISHED = Symbol("journey finished");

export interface JourneyPasses<D> {
  /** The draft's owner (the flow's id): a draft of another flow reads as none. */
  flow: string;
  /** The draft at entry (nothing answered yet). */
  first: D;
  /**
   * One pass: asks what `draft` says comes next and takes one accepted answer (a wrong one is rewound by
   * ask()), or does one step that asks nothing (a registry check); returns the draft after it, or FINISHED.
   * It runs live after every rewind, so it reads no state but `draft`; it may send, call external() and leave.
   */
  pass(draft: D): Promise<D | typeof FINISHED>;
}

/**
 * Runs a journey as a chain of passes. @grammyjs/conversations replays a conversation from its start on every
 * update, against the log of every earlier update and call: kept in the log, answers make each update cost
 * more than the one before and the stored state grow without bound. Here the draft is written through
 * external() after each pass and the conversation rewound to a checkpoint taken at the start, so the log
 * holds the entry and one question's worth of updates whatever the journey's length.
 *
 * The draft is read through external() too: an update whose state is not stored (a send that failed,
 * keep-conversation-state.ts) replays the log it came with, and with it the draft as that log read it, so
 * the repeated answer lands on the same question (and the draft in Redis is not written either: the update's
 * draft is stored with its state, conversation-storage.ts). The draft is the outside context's (external()'s
 * task gets the update's own context, which read the draft with the state), so `_ctx` is not used; it stays
 * in the signature for the flows that call this. Whatever runs before this call (the intro, now()) runs
 * once, at entry; everything in a pass runs again after each rewind.
 */
export async function runJourney<D>(conversation: FlowConversation, _ctx: FlowContext, journey: JourneyPasses<D>): Promise<void> {
  const { flow } = journey;
  const first = JSON.stringify(journey.first);
  await conversation.external((outer: BotContext) => outer.drafts.write(flow, first));
  const start = conversation.checkpoint();
  const stored = await conversation.external((outer: BotContext) => outer.drafts.read(flow));
  const next = await journey.pass(JSON.parse(stored ?? first) as D);
  if (next === FINISHED) {
    await conversation.external((outer: BotContext) => outer.drafts.clear());
    return;
  }
  const written = JSON.stringify(next);
  await conversation.external((outer: BotContext) => outer.drafts.write(flow, written));
  await conversation.rewind(start);
}

/** Ends the conversation here, deleting the chat's draft (answers are not kept longer than the journey). */
export async function endJourney(conversation: FlowConversation, _ctx: FlowContext): Promise<never> {
  await conversation.external((outer: BotContext) => outer.drafts.clear());
  return conversation.halt();
}

/** Runs `ask` once and keeps its (JSON-safe) result in the draft under `key`; later passes read it from there. */
export type Remember = <T>(key: string, ask: () => Promise<T>) => Promise<T>;

/**
 * runJourney for a journey written as straight-line code: every question goes through `remember`, which on
 * the first pass that reaches an unanswered key runs its `ask` (the question, its wait, any message or
 * external() step that belongs to it), stores the result in the draft and rewinds to the start; each later
 * pass runs `body` from the top again, taking answered keys from the draft without asking. So `body` itself
 * must send and call nothing outside a `remember`, except after the last one (that part runs once, on the
 * final pass). Returns what `body` returns; the draft is deleted.
 */
export async function runRemembering<R>(conversation: FlowConversation, _ctx: FlowContext, flow: string, body: (remember: Remember) => Promise<R>): Promise<R> {
  await conversation.external((outer: BotContext) => outer.drafts.write(flow, "{}"));
  const start = conversation.checkpoint();
  const stored = await conversation.external((outer: BotContext) => outer.drafts.read(flow));
  // Each value wrapped, so that an undefined answer is an answer too.
  const answers = JSON.parse(stored ?? "{}") as Record<string, { value?: unknown }>;
  const remember: Remember = async <T>(key: string, ask: () => Promise<T>) => {
    const known = answers[key];
    if (known) return known.value as T;
    answers[key] = { value: await ask() };
    const written = JSON.stringify(answers);
    await conversation.external((outer: BotContext) => outer.drafts.write(flow, written));
    return conversation.rewind(start);
  };
  const result = await body(remember);
  await conversation.external((outer: BotContext) => outer.drafts.clear());
  return result;
}
