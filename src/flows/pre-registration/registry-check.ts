// The civil-registry check after the birth date, and the answer to a citizen who has already registered.
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { ApplicationView } from "../../domain/application/application-store.js";
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import { isAlreadyRegistered } from "../../domain/application/registration.js";
import { formatTrackingCode, type TrackingCode } from "../../domain/application/tracking-code.js";
import { checkEligibility, RegistryUnavailableError } from "../../domain/citizen/eligibility.js";
import type { NationalId } from "../../domain/citizen/national-id.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { guessingKeysAndLive, refuseIfBlocked } from "../kit/find-by-tracking-code.js";
import { endJourney } from "../kit/journey.js";
import { retryWhileUnavailable } from "../kit/retry.js";
import type { PreRegistrationServices } from "./pre-registration-services.js";
import type { Answers } from "./steps.js";

/**
 * The registry must know this national ID with this birth date (one answer for both failures, so it
 * cannot be probed), and a citizen who already paid is not charged again. On success the registry's names
 * are taken into the answers, for the citizen to confirm.
 */
export async function passesRegistryChecks(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: PreRegistrationServices,
  answers: Partial<Answers>,
): Promise<boolean> {
  const nationalId = answers.nationalId! as NationalId;
  // A national ID + birth date pair is what recovery takes too: trying pairs here counts against the same limits.
  // The live application is read once, with the guessing keys, and its summary passed along to the answer.
  const { keys, kept } = await guessingKeysAndLive(
    conversation,
    ctx,
    services.applications,
    "recovery",
    nationalId,
    (application: ApplicationView | null): { live: RegisteredSummary | null } => ({ live: application ? registeredSummary(application) : null }),
  );
  const { live } = kept;
  await refuseIfBlocked(conversation, ctx, services.limiter, keys);
  const outcome = await retryWhileUnavailable(conversation, ctx, { prompt: "prereg-registry-unavailable", unavailable: "unavailable" }, () =>
    conversation.external(async () => {
      const eligible = await askRegistry(ctx, () => checkEligibility(services.registry, nationalId, answers.birthDate!));
      if (eligible === "unavailable") return { kind: "unavailable" as const };
      if (!eligible.ok) {
        await services.limiter.recordFailure(keys);
        return { kind: "not_eligible" as const };
      }
      const { firstName, lastName, fatherName } = eligible.value;
      return { kind: "eligible" as const, live, names: { firstName, lastName, fatherName } };
    }),
  );
  if (outcome.kind === "not_eligible") {
    await ctx.reply(ctx.t("prereg-not-eligible"));
    return false;
  }
  if (outcome.live && isAlreadyRegistered(outcome.live)) {
    if (outcome.live.chatId === ctx.chatId) await tellAlreadyRegistered(conversation, ctx, outcome.live);
    // Another chat: no code and no name here; recovery (limited) is the way to the code.
    await ctx.reply(ctx.t("prereg-already-registered-elsewhere"), { reply_markup: mainMenuKeyboard(ctx) });
    return endJourney(conversation, ctx);
  }
  // The registry knows the names: the citizen confirms them instead of typing names that could disagree.
  // (A registry record without all three names falls back to asking them.)
  const complete = Boolean(outcome.names.firstName && outcome.names.lastName && outcome.names.fatherName);
  if (complete) Object.assign(answers, outcome.names);
  else for (const name of ["firstName", "lastName", "fatherName"] as const) delete answers[name];
  answers.namesFromRegistry = complete;
  return true;
}

/** The registry's own failure (and only that) reads as "unavailable"; any other error is a bug and propagates. */
async function askRegistry<T>(ctx: FlowContext, ask: () => Promise<T>): Promise<T | "unavailable"> {
  try {
    return await ask();
  } catch (error) {
    if (!(error instanceof RegistryUnavailableError)) throw error;
    ctx.logger.warn({ err: error }, "civil registry could not be asked");
    return "unavailable";
  }
}

/** What the flow keeps of a live application: plain data, as conversation state must be. */
export interface RegisteredSummary {
  status: ApplicationState;
  firstName: string;
  trackingCode: string | null;
  /** The chat that registered it: only there are its name and code shown. */
  chatId: number;
}

export const registeredSummary = (application: ApplicationView): RegisteredSummary => ({
  status: application.status,
  firstName: application.firstName,
  trackingCode: application.trackingCode,
  chatId: application.chatId,
});

export async function tellAlreadyRegistered(conversation: FlowConversation, ctx: FlowContext, application: RegisteredSummary): Promise<never> {
  await ctx.reply(
    ctx.t("prereg-already-registered", {
      name: application.firstName,
      trackingCode: application.trackingCode ? toPersianDigits(formatTrackingCode(application.trackingCode as TrackingCode)) : "-",
    }),
    { reply_markup: mainMenuKeyboard(ctx) },
  );
  return endJourney(conversation, ctx);
}
