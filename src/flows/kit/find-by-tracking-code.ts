// Finding an application by national ID + tracking code, with guessing limited per chat and per national ID.
import type { ConversationSafeCheck, FlowContext, FlowConversation } from "../../bot/context.js";
import type { ApplicationStore, ApplicationView } from "../../domain/application/application-store.js";
import { matchesLookup } from "../../domain/application/application-lookup.js";
import { mayBeReversedGroups, parseTrackingCode, type TrackingCodeError } from "../../domain/application/tracking-code.js";
import { lookupKeys, type AttemptLimiter, type LimitKey, type LookupPurpose } from "../../domain/security/attempt-limiter.js";
import { fail } from "../../domain/shared/result.js";
import { formatDateTime } from "../../domain/time/persian-format.js";
import { nationalIdQuestion } from "../pre-registration/questions.js";
import { ask, leave } from "./ask.js";
import { errorMessages } from "./error-messages.js";

/** A non-text reply counts as not_digits, already one of the domain's codes. */
export const TRACKING_CODE_ERRORS = errorMessages("status-tracking-code-error", {
  empty: true,
  not_digits: true,
  wrong_length: true,
  mistyped: true,
} satisfies Record<TrackingCodeError, true>);

/**
 * The guessing counters a lookup of `nationalId` from this chat touches: the chat's own, and the national
 * ID's unless this chat is the one that registered it (strangers' misses never hold its owner back).
 */
export async function guessingKeys(
  conversation: FlowConversation,
  ctx: FlowContext,
  applications: Pick<ApplicationStore, "findLive">,
  purpose: LookupPurpose,
  nationalId: string,
): Promise<LimitKey[]> {
  const owner = await conversation.external(async () => (await applications.findLive(nationalId))?.chatId ?? null);
  return lookupKeys(purpose, ctx.chatId!, nationalId, owner);
}

/**
 * guessingKeys that also hands over what `keep` takes of the live application it read, for a caller that
 * needs that application in the same update (the registry check): one read of the row instead of two.
 */
export async function guessingKeysAndLive<T>(
  conversation: FlowConversation,
  ctx: FlowContext,
  applications: ApplicationStore,
  purpose: LookupPurpose,
  nationalId: string,
  keep: (live: ApplicationView | null) => T,
  ..._refused: ConversationSafeCheck<NoInfer<T>>
): Promise<{ keys: LimitKey[]; kept: T }> {
  // T is checked at the caller (the rest parameter above); here it is still generic, so the check is skipped.
  const external = conversation.external.bind(conversation) as (
    task: () => Promise<{ owner: number | null; kept: T }>,
  ) => Promise<{ owner: number | null; kept: T }>;
  const { owner, kept } = await external(async () => {
    const live = await applications.findLive(nationalId);
    return { owner: live?.chatId ?? null, kept: keep(live) };
  });
  return { keys: lookupKeys(purpose, ctx.chatId!, nationalId, owner), kept };
}

/** Ends the flow with the reopening time when too many lookups failed. */
export async function refuseIfBlocked(conversation: FlowConversation, ctx: FlowContext, limiter: AttemptLimiter, keys: LimitKey[]): Promise<void> {
  const until = await conversation.external(async () => (await limiter.blockedUntil(keys))?.toISOString() ?? null);
  if (until) await leave(conversation, ctx, "lookup-blocked", { until: formatDateTime(new Date(until)) });
}

/** The reads a lookup by tracking code makes; `A`: the application as found, perhaps with what its caller reads with it. */
export interface TrackingCodeLookup<A extends ApplicationView> {
  findLive: ApplicationStore["findLive"];
  findByTrackingCode(trackingCode: string): Promise<A | null>;
}

/**
 * Asks for the national ID and the tracking code until they name one live application, then returns
 * `load(application)` (computed once, stored in the conversation). A code under another national ID is
 * answered exactly like an unknown code, and each miss counts against the limits.
 */
export async function findByTrackingCode<T, A extends ApplicationView = ApplicationView>(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: { applications: TrackingCodeLookup<A>; limiter: AttemptLimiter },
  load: (application: A) => Promise<T>,
  ..._refused: ConversationSafeCheck<NoInfer<T>>
): Promise<T> {
  for (;;) {
    const nationalId = await ask(conversation, ctx, nationalIdQuestion(false));
    if (nationalId.kind === "back") continue;
    const keys = await guessingKeys(conversation, ctx, services.applications, "status", nationalId.value);
    await refuseIfBlocked(conversation, ctx, services.limiter, keys);
    const code = await ask(conversation, ctx, {
      prompt: "status-ask-tracking-code",
      errors: TRACKING_CODE_ERRORS,
      parse: (reply) => (reply.kind === "text" ? parseTrackingCode(reply.text) : fail("not_digits")),
    });
    if (code.kind === "back") continue;
    // T is checked at the caller (the rest parameter above); here it is still generic, so the check is skipped.
    const external = conversation.external.bind(conversation) as (task: () => Promise<{ value: T } | null>) => Promise<{ value: T } | null>;
    const found = await external(async () => {
      const application = await services.applications.findByTrackingCode(code.value);
      if (application && matchesLookup(application, nationalId.value)) return { value: await load(application) };
      await services.limiter.recordFailure(keys);
      return null;
    });
    if (found) return found.value;
    await ctx.reply(ctx.t(mayBeReversedGroups(code.value) ? "status-tracking-code-reversed" : "status-not-found"));
  }
}
