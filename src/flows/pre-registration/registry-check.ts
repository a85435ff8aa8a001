// The civil-registry check after the birth date, and the answer to a citizen who has already registered.
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { ApplicationView } from "../../domain/application/application-store.js";
import { formatTrackingCode, type TrackingCode } from "../../domain/application/tracking-code.js";
import { checkEligibility } from "../../domain/citizen/eligibility.js";
import type { NationalId } from "../../domain/citizen/national-id.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { retryWhileUnavailable } from "../kit/retry.js";
import type { PreRegistrationServices } from "./pre-registration-services.js";
import type { Answers } from "./steps.js";

/**
 * The registry must know this national ID with this birth date (one answer for both failures, so it
 * cannot be probed), and a citizen who already paid is not charged again.
 */
export async function passesRegistryChecks(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: PreRegistrationServices,
  answers: Partial<Answers>,
): Promise<boolean> {
  const nationalId = answers.nationalId! as NationalId;
  const outcome = await retryWhileUnavailable(conversation, ctx, { prompt: "prereg-registry-unavailable", unavailable: "unavailable" }, () =>
    conversation.external(async () => {
      try {
        const eligible = await checkEligibility(services.registry, nationalId, answers.birthDate!);
        if (!eligible.ok) return { kind: "not_eligible" as const };
        return { kind: "eligible" as const, live: await services.applications.findLive(nationalId) };
      } catch (error) {
        // The registry service is down: keep every answer and let the citizen try again.
        ctx.logger.warn({ err: error }, "civil registry could not be asked");
        return { kind: "unavailable" as const };
      }
    }),
  );
  if (outcome.kind === "not_eligible") {
    await ctx.reply(ctx.t("prereg-not-eligible"));
    return false;
  }
  if (outcome.live && outcome.live.status !== "awaiting_payment") await tellAlreadyRegistered(conversation, ctx, outcome.live);
  return true;
}

export async function tellAlreadyRegistered(conversation: FlowConversation, ctx: FlowContext, application: ApplicationView): Promise<never> {
  await ctx.reply(
    ctx.t("prereg-already-registered", {
      name: application.firstName,
      trackingCode: application.trackingCode ? toPersianDigits(formatTrackingCode(application.trackingCode as TrackingCode)) : "-",
    }),
    { reply_markup: mainMenuKeyboard(ctx) },
  );
  return conversation.halt();
}
