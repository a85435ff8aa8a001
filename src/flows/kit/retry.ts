// Retrying a service that did not answer: say so (the answers are kept), wait for "try again", ask again.
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { fail, ok } from "../../domain/shared/result.js";
import { ask } from "./ask.js";
import { errorMessages } from "./error-messages.js";

/** The retry question takes only its button. */
const RETRY_ERRORS = errorMessages("prereg-retry-error", { choose_button: true });

/** Says a service did not answer (answers are kept) and waits for the "try again" button. */
export async function waitForRetry(conversation: FlowConversation, ctx: FlowContext, prompt: string): Promise<void> {
  for (;;) {
    const retry = await ask(conversation, ctx, {
      prompt,
      errors: RETRY_ERRORS,
      back: false,
      buttons: (c) => [[c.t("prereg-retry-button")]],
      parse: (reply) => (reply.kind === "text" && reply.text === ctx.t("prereg-retry-button") ? ok(true) : fail("choose_button")),
    });
    if (retry.kind === "answer") return;
  }
}

/**
 * Runs `attempt` (a conversation.external step) until its outcome's kind is not `unavailable`, offering
 * the retry question with `prompt` in between. The kind is the caller's, since it is stored in the
 * conversation's state: renaming it would change what a saved conversation replays.
 */
export async function retryWhileUnavailable<T extends { kind: string }, K extends T["kind"]>(
  conversation: FlowConversation,
  ctx: FlowContext,
  retry: { prompt: string; unavailable: K },
  attempt: () => Promise<T>,
): Promise<Exclude<T, { kind: K }>> {
  // "Try again" rewinds to before the attempt, which then runs live again: however many retries, the log
  // keeps the last attempt only.
  const before = conversation.checkpoint();
  const outcome = await attempt();
  if (outcome.kind !== retry.unavailable) return outcome as Exclude<T, { kind: K }>;
  await waitForRetry(conversation, ctx, retry.prompt);
  return conversation.rewind(before);
}
