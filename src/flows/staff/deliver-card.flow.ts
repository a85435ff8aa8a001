// Staff: hand a card over. Identity is confirmed by the applicant's national ID and tracking code (both must name
// this card's application) and a "fingerprint matched" confirmation; then the recipient (holder or a named
// representative) and the delivery fee (at most the tariff's); the citizen is told.
import { parseTrackingCode } from "../../domain/application/tracking-code.js";
import { parseNationalId } from "../../domain/citizen/national-id.js";
import type { Recipient } from "../../domain/cards/card-store.js";
import { fail, ok } from "../../domain/shared/result.js";
import { validatePersonName } from "../../domain/text/normalize-persian-name.js";
import { formatToman } from "../../domain/time/persian-format.js";
import { NAME_ERRORS, NATIONAL_ID_ERRORS } from "../pre-registration/questions.js";
import { TRACKING_CODE_ERRORS } from "../kit/find-by-tracking-code.js";
import { STAFF_CHOICE_ERRORS, STAFF_FEE_ERRORS } from "./staff-errors.js";
import type { Flow } from "../flow.js";
import { parseToman } from "./record-fee.flow.js";
import { appendAuditNow } from "./staff-audit.js";
import { actingMember, leaveToStaffMenu, staffAsk } from "./staff-kit.js";
import type { StaffServices } from "./staff-services.js";

/** Wrong identity answers allowed before the delivery is abandoned. */
const MAX_IDENTITY_MISSES = 3;

export function deliverCardFlow(services: StaffServices): Flow {
  return {
    id: "staff-deliver",
    async run(conversation, ctx, cardId?: string) {
      const member = await actingMember(conversation, ctx, services, "card.deliver");
      // Wrapped in an object: external() results are checked for JSON safety property by property.
      const { card } = await conversation.external(async () => {
        const found = cardId ? await services.cards.card(cardId) : null;
        if (!found) return { card: null };
        const application = (await services.desk.findApplicant({ applicationId: found.applicationId })) ?? null;
        return {
          card: {
            id: found.id,
            applicationId: found.applicationId,
            officeId: found.officeId,
            status: found.status,
            name: application ? `${application.firstName} ${application.lastName}` : "",
          },
        };
      });
      if (!card) return leaveToStaffMenu(conversation, ctx, member, "staff-outcome-not_found");
      if (card.status === "delivered") return leaveToStaffMenu(conversation, ctx, member, "staff-outcome-already");
      if (card.status !== "ready" || member.scope.kind !== "office" || card.officeId !== member.scope.officeId) {
        await conversation.external(() =>
          appendAuditNow(services, member, {
            action: "card.deliver",
            subjectKind: "card",
            subjectId: card.id,
            applicationId: card.applicationId,
            officeId: card.officeId,
            outcome: "refused",
          }),
        );
        ctx.logger.warn({ card: card.id }, "staff action refused: the card is not ready at the operator's office");
        return leaveToStaffMenu(conversation, ctx, member, "staff-outcome-out_of_scope");
      }
      await ctx.reply(ctx.t("staff-deliver-intro", { name: card.name }));

      for (let misses = 0; ; misses++) {
        if (misses >= MAX_IDENTITY_MISSES) return leaveToStaffMenu(conversation, ctx, member, "staff-deliver-identity-failed");
        const nationalId = await staffAsk(conversation, ctx, member, {
          prompt: "staff-deliver-ask-national-id",
          errors: NATIONAL_ID_ERRORS,
          back: false,
          parse: (reply) => (reply.kind === "text" ? parseNationalId(reply.text) : fail("not_digits")),
        });
        if (nationalId.kind === "back") continue;
        const code = await staffAsk(conversation, ctx, member, {
          prompt: "status-ask-tracking-code",
          errors: TRACKING_CODE_ERRORS,
          back: false,
          parse: (reply) => (reply.kind === "text" ? parseTrackingCode(reply.text) : fail("not_digits")),
        });
        if (code.kind === "back") continue;
        const matches = await conversation.external(async () => {
          const application = await services.applications.findByTrackingCode(code.value);
          return application !== null && application.id === card.applicationId && application.nationalId === nationalId.value;
        });
        if (matches) break;
        await ctx.reply(ctx.t("staff-deliver-identity-mismatch"));
      }

      const yes = ctx.t("staff-deliver-fingerprint-yes");
      const fingerprint = await staffAsk(conversation, ctx, member, {
        prompt: "staff-deliver-ask-fingerprint",
        errors: STAFF_CHOICE_ERRORS,
        back: false,
        buttons: (c) => [[c.t("staff-deliver-fingerprint-yes"), c.t("staff-deliver-fingerprint-no")]],
        parse: (reply) =>
          reply.kind === "text" && [yes, ctx.t("staff-deliver-fingerprint-no")].includes(reply.text) ? ok(reply.text === yes) : fail("choose_button"),
      });
      if (fingerprint.kind === "back" || !fingerprint.value) return leaveToStaffMenu(conversation, ctx, member, "staff-deliver-fingerprint-failed");

      const holder = ctx.t("staff-deliver-to-holder");
      const to = await staffAsk(conversation, ctx, member, {
        prompt: "staff-deliver-ask-recipient",
        errors: STAFF_CHOICE_ERRORS,
        back: false,
        buttons: (c) => [[c.t("staff-deliver-to-holder"), c.t("staff-deliver-to-representative")]],
        parse: (reply) =>
          reply.kind === "text" && [holder, ctx.t("staff-deliver-to-representative")].includes(reply.text) ? ok(reply.text === holder) : fail("choose_button"),
      });
      if (to.kind === "back") return;
      let recipient: Recipient = { kind: "holder" };
      if (!to.value) {
        const name = await staffAsk(conversation, ctx, member, {
          prompt: "staff-deliver-ask-representative-name",
          errors: NAME_ERRORS,
          back: false,
          parse: (reply) => (reply.kind === "text" ? validatePersonName(reply.text) : fail("empty")),
        });
        if (name.kind === "back") return;
        const repId = await staffAsk(conversation, ctx, member, {
          prompt: "staff-deliver-ask-representative-id",
          errors: NATIONAL_ID_ERRORS,
          back: false,
          parse: (reply) => (reply.kind === "text" ? parseNationalId(reply.text) : fail("not_digits")),
        });
        if (repId.kind === "back") return;
        recipient = { kind: "representative", name: name.value, nationalId: repId.value };
      }

      const cap = await conversation.external(async () => (await services.tariffs.inForce(new Date())).deliveryRial);
      const fee = await staffAsk(conversation, ctx, member, {
        prompt: "staff-deliver-ask-fee",
        promptParams: { cap: formatToman(cap) },
        errors: STAFF_FEE_ERRORS,
        back: false,
        buttons: () => [[formatToman(cap)]],
        parse: (reply) => (reply.kind === "text" ? parseToman(reply.text) : fail("not_amount")),
      });
      if (fee.kind === "back") return;

      const acting = await actingMember(conversation, ctx, services, "card.deliver", card.officeId);
      const outcome = await conversation.external(async () => (await services.cards.deliver(acting, card.id, recipient, fee.value, cap, new Date())).kind);
      if (outcome === "done") services.notifyNow();
      if (outcome === "fee_above_tariff") ctx.logger.warn({ card: card.id }, "delivery fee above the tariff refused and recorded as a violation");
      return leaveToStaffMenu(conversation, ctx, acting, outcome === "done" ? "staff-done-deliver" : `staff-outcome-${outcome}`, { cap: formatToman(cap) });
    },
  };
}
