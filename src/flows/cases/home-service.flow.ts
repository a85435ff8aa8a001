// «♿ خدمت در منزل برای معلولان»: what is needed, the disability, household members (each checked with the civil
// registry like pre-registration), the address with a location, a phone, preferred days and times → a case for
// the province's home-service unit.
import { Keyboard } from "grammy";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { checkEligibility } from "../../domain/citizen/eligibility.js";
import type { NationalId } from "../../domain/citizen/national-id.js";
import type { HouseholdMember } from "../../domain/cases/case-store.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import type { NationalIdError } from "../../domain/citizen/national-id.js";
import { errorMessages } from "../kit/error-messages.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { jalaliDateToString } from "../../domain/time/jalali.js";
import { jalaliDateInTehran } from "../../domain/time/tehran-clock.js";
import type { Flow } from "../flow.js";
import { ask, leave } from "../kit/ask.js";
import { addressQuestion, birthDateQuestion, mobileQuestion, nationalIdQuestion, provinceQuestion } from "../pre-registration/questions.js";
import { askPhoto, askValue, choiceQuestion, textQuestion } from "./case-questions.js";
import { runRemembering, type Remember } from "../kit/journey.js";
import { openAndTell, refuseIfOverLimit } from "./case-opening.js";
import type { CaseServices } from "./case-services.js";
import { DAYS, DISABILITIES, keyOf, NEEDS, REGISTRATION_LABELS, WINDOWS } from "./home-service-options.js";

const NATIONAL_ID_ERRORS = errorMessages("case-home-national-id-error", {
  empty: true,
  not_digits: true,
  wrong_length: true,
  invalid_checksum: true,
  invalid_pattern: true,
  duplicate_member: true,
  not_text: true,
} satisfies Record<NationalIdError | "duplicate_member" | "not_text", true>);
const LOCATION_ERRORS = errorMessages("case-home-location-error", { choose_button: true, not_text: true } satisfies Record<"choose_button" | "not_text", true>);

/** Household members one visit serves (the requester included). */
export const MAX_HOUSEHOLD = 4;

type Need = "registration" | "delivery" | "both";

/** A member as the conversation keeps it, with what their application needs. */
interface MemberAnswer extends HouseholdMember {
  /** "registered": has a paid application; "at_home": pre-registration will be done during the visit. */
  registration: "registered" | "at_home" | "not_needed";
}

export function homeServiceFlow(services: CaseServices): Flow {
  return {
    id: "home-service",
    menuKey: "menu-home-service",
    async run(conversation, ctx) {
      await refuseIfOverLimit(conversation, ctx, services);
      await ctx.reply(ctx.t("case-home-intro"));
      // Every answer kept in the chat's draft, outside the replay log (kit/journey.ts): nothing below sends
      // or reads outside a remember() until the confirmation is answered.
      await runRemembering(conversation, ctx, "home-service", async (remember) => {
        const need: Need = await remember("need", () => askValue(conversation, ctx, choiceQuestion(ctx, "case-home-ask-need", NEEDS, { perRow: 1 })));
        const disabilityKind = await remember("disabilityKind", () =>
          askValue(conversation, ctx, choiceQuestion(ctx, "case-home-ask-disability", DISABILITIES)),
        );
        const disability =
          disabilityKind === "other"
            ? await remember("disability", () => askValue(conversation, ctx, textQuestion("case-home-ask-disability-text", 5, 200)))
            : ctx.t(keyOf(DISABILITIES, disabilityKind));
        const certificate = await remember("certificate", () =>
          askPhoto(conversation, ctx, "case-home-ask-certificate", "certificate", { optional: true, back: false }),
        );
        const members = await askMembers(conversation, ctx, services, need, remember);
        const province = await remember("province", async () => {
          const provinces = await services.places.provinces();
          const chosen = await askValue(conversation, ctx, provinceQuestion(provinces, "case-home-ask-province"));
          return { id: chosen.id, name: chosen.name };
        });
        const location = await remember("location", () => askLocation(conversation, ctx));
        const address = await remember("address", () => askValue(conversation, ctx, { ...addressQuestion, prompt: "case-home-ask-address" }));
        const phone = await remember("phone", () => askValue(conversation, ctx, mobileQuestion));
        const days = await remember("days", () => askValue(conversation, ctx, choiceQuestion(ctx, "case-home-ask-days", DAYS, { perRow: 1 })));
        const window = await remember("window", () => askValue(conversation, ctx, choiceQuestion(ctx, "case-home-ask-window", WINDOWS, { perRow: 1 })));
        const memberLines = members
          .map((m, i) =>
            ctx.t("case-home-member-line", { n: toPersianDigits(i + 1), name: m.firstName, registration: ctx.t(REGISTRATION_LABELS[m.registration]) }),
          )
          .join("\n");
        const confirm = await remember("confirm", () =>
          askValue(
            conversation,
            ctx,
            choiceQuestion(
              ctx,
              "case-home-confirm",
              [
                ["send", "case-send"],
                ["cancel", "flow-cancel"],
              ],
              {
                params: {
                  need: ctx.t(keyOf(NEEDS, need)),
                  members: memberLines,
                  province: province.name,
                  address,
                  phone: `\u2066${toPersianDigits(phone)}\u2069`,
                  days: ctx.t(keyOf(DAYS, days)),
                  window: ctx.t(keyOf(WINDOWS, window)),
                },
              },
            ),
          ),
        );
        if (confirm === "cancel") await leave(conversation, ctx);
        await openAndTell(
          conversation,
          ctx,
          services,
          {
            kind: "home_service",
            provinceId: province.id,
            summary: `${ctx.t(keyOf(NEEDS, need))} × ${members.length}`,
            details: {
              need,
              disability,
              address,
              phone,
              days,
              window,
              location,
              members: members.map((m) => ({ firstName: m.firstName, registration: m.registration })),
            },
            description: disability,
            attachments: certificate.kind === "answer" && certificate.value ? [certificate.value] : [],
            members: members.map(({ registration: _registration, ...member }) => member),
          },
          "case-home-sent",
        );
      });
    },
  };
}

/**
 * The requester first, then others at the same address; each must match the civil registry. Attempt `a` of
 * member `i` is remembered under `m<i>.<a>.*` (a member the registry does not know is asked again).
 */
async function askMembers(conversation: FlowConversation, ctx: FlowContext, services: CaseServices, need: Need, remember: Remember): Promise<MemberAnswer[]> {
  const members: MemberAnswer[] = [];
  const today = await remember("today", () => conversation.external(() => jalaliDateInTehran(new Date())));
  for (let attempt = 0; members.length < MAX_HOUSEHOLD; attempt++) {
    const key = `m${members.length}.${attempt}`;
    const nationalId = await remember(`${key}.nationalId`, async () => {
      await ctx.reply(ctx.t(members.length === 0 ? "case-home-member-self" : "case-home-member-next", { n: toPersianDigits(members.length + 1) }));
      return askValue(conversation, ctx, {
        ...nationalIdQuestion(false),
        parse: async (reply): Promise<Result<string, NationalIdError | "not_text" | "duplicate_member">> => {
          const parsed = await nationalIdQuestion(false).parse(reply);
          if (parsed.ok && members.some((m) => m.nationalId === parsed.value)) return fail("duplicate_member");
          return parsed;
        },
        errors: NATIONAL_ID_ERRORS,
      });
    });
    const birthDate = await remember(`${key}.birthDate`, () => askValue(conversation, ctx, birthDateQuestion(today)));
    const checked = await remember(`${key}.checked`, async () => {
      const found = await conversation.external(async () => {
        try {
          const eligible = await checkEligibility(services.registry, nationalId as NationalId, birthDate);
          if (!eligible.ok) return { kind: "mismatch" as const };
          const live = await services.applications.findLive(nationalId);
          return {
            kind: "ok" as const,
            firstName: eligible.value.firstName,
            applicationId: live?.id ?? null,
            paid: live !== null && live.status !== "awaiting_payment",
          };
        } catch (error) {
          ctx.logger.warn({ err: error }, "civil registry could not be asked");
          return { kind: "unavailable" as const };
        }
      });
      if (found.kind !== "ok") await ctx.reply(ctx.t(found.kind === "mismatch" ? "prereg-not-eligible" : "case-home-registry-unavailable"));
      return found;
    });
    if (checked.kind !== "ok") continue;
    attempt = -1;
    const registration = need === "delivery" ? "not_needed" : checked.paid ? "registered" : "at_home";
    members.push({ nationalId, birthDate: jalaliDateToString(birthDate), firstName: checked.firstName, applicationId: checked.applicationId, registration });
    if (members.length >= MAX_HOUSEHOLD) break;
    const more = await remember(`${key}.more`, () =>
      askValue(
        conversation,
        ctx,
        choiceQuestion(
          ctx,
          "case-home-ask-more",
          [
            ["no", "case-home-more-no"],
            ["yes", "case-home-more-yes"],
          ],
          { perRow: 1, params: { max: toPersianDigits(MAX_HOUSEHOLD) } },
        ),
      ),
    );
    if (more === "no") break;
  }
  return members;
}

/** A shared location (Telegram) or the skip button (Bale, or a citizen who would rather type the address). */
async function askLocation(conversation: FlowConversation, ctx: FlowContext): Promise<{ latitude: number; longitude: number } | null> {
  for (;;) {
    const answer = await ask(conversation, ctx, {
      prompt: "case-home-ask-location",
      errors: LOCATION_ERRORS,
      accepts: ["location"],
      back: false,
      buttons: (c) => [[Keyboard.requestLocation(c.t("case-home-share-location"))], [c.t("case-home-type-address")]],
      parse: (reply): Result<{ latitude: number; longitude: number } | null, "choose_button" | "not_text"> => {
        if (reply.kind === "location") return ok({ latitude: reply.location.latitude, longitude: reply.location.longitude });
        if (reply.kind === "text" && reply.text === ctx.t("case-home-type-address")) return ok(null);
        return fail("choose_button");
      },
    });
    if (answer.kind === "answer") return answer.value;
  }
}
