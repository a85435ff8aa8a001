// Finding an application by national ID + tracking code, with guessing limited per chat and per national ID.
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import type { ApplicationStore, ApplicationView } from "../../domain/application/application-store.js";
import { parseTrackingCode } from "../../domain/application/tracking-code.js";
import { lookupKeys, type AttemptLimiter, type LimitKey, type LookupPurpose } from "../../domain/security/attempt-limiter.js";
import { fail } from "../../domain/shared/result.js";
import { formatDateTime } from "../../domain/time/persian-format.js";
import { nationalIdQuestion } from "../pre-registration/questions.js";
import { ask, leave } from "./ask.js";

/**
 * The guessing counters a lookup of `nationalId` from this chat touches: the chat's own, and the national
 * ID's unless this chat is the one that registered it (strangers' misses never hold its owner back).
 */
export async function guessingKeys(
  conversation: FlowConversation,
  ctx: FlowContext,
  applications: ApplicationStore,
  purpose: LookupPurpose,
  nationalId: string,
): Promise<LimitKey[]> {
  const owner = await conversation.external(async () => (await applications.findLive(nationalId))?.chatId ?? null);
  return lookupKeys(purpose, ctx.chatId!, nationalId, owner);
}

/** Ends the flow with the reopening time when too many lookups failed. */
export async function refuseIfBlocked(conversation: FlowConversation, ctx: FlowContext, limiter: AttemptLimiter, keys: LimitKey[]): Promise<void> {
  const until = await conversation.external(async () => (await limiter.blockedUntil(keys))?.toISOString() ?? null);
  if (until) await leave(conversation, ctx, "lookup-blocked", { until: formatDateTime(new Date(until)) });
}

/**
 * Asks for the national ID and the tracking code until they name one live application, then returns
 * `load(application)` (computed once, stored in the conversation). A code under another national ID is
 * answered exactly like an unknown code, and each miss counts against the limits.
 */
export async function findByTrackingCode<T>(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: { applications: ApplicationStore; limiter: AttemptLimiter },
  load: (application: ApplicationView) => Promise<T>,
): Promise<T> {
  for (;;) {
    const nationalId = await ask(conversation, ctx, nationalIdQuestion(false));
    if (nationalId.kind === "back") continue;
    const keys = await guessingKeys(conversation, ctx, services.applications, "status", nationalId.value);
    await refuseIfBlocked(conversation, ctx, services.limiter, keys);
    const code = await ask(conversation, ctx, {
      prompt: "status-ask-tracking-code",
      errors: "status-tracking-code-error",
      parse: (reply) => (reply.kind === "text" ? parseTrackingCode(reply.text) : fail("not_digits")),
    });
    if (code.kind === "back") continue;
    const found = await conversation.external(async () => {
      const application = await services.applications.findByTrackingCode(code.value);
      if (application && application.nationalId === nationalId.value && application.status !== "cancelled") return { value: await load(application) };
      await services.limiter.recordFailure(keys);
      return null;
    });
    if (found) return found.value;
    await ctx.reply(ctx.t("status-not-found"));
  }
}
