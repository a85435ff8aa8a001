// Staff: open a case on behalf of a phone caller (national ID, phone, what they said); the caller's words stay
// internal, and the case is routed by the same table as the citizens' own.
import { randomUUID } from "node:crypto";
import { DEFAULT_CASE_LIMITS } from "../../domain/cases/case-limits.js";
import { displayCaseNumber } from "../../domain/cases/case-number.js";
import { MAX_ENTRY_TEXT, MIN_DESCRIPTION_TEXT } from "../../domain/cases/case-entry.js";
import { worksCases } from "../../domain/cases/staff-actor.js";
import { STAFF_CALLER_CASE_FLOW } from "../../bot/features/cases/staff-cases.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { OfficeType } from "../../domain/booking/office.js";
import type { Flow } from "../flow.js";
import { mobileQuestion, nationalIdQuestion } from "../pre-registration/questions.js";
import { askValue, choiceQuestion, textQuestion } from "./case-questions.js";
import { unitName } from "./case-view.js";
import type { StaffFlowServices } from "./staff-case-action.flow.js";

export function staffCallerCaseFlow(services: StaffFlowServices): Flow {
  return {
    id: STAFF_CALLER_CASE_FLOW,
    async run(conversation, ctx) {
      const { actor } = await conversation.external(async () => ({ actor: await services.staff.byUser(ctx.from!.id) }));
      if (!actor || !worksCases(actor)) {
        await ctx.reply(ctx.t("staff-only"));
        return;
      }
      const nationalId = await askValue(conversation, ctx, { ...nationalIdQuestion(false), prompt: "staff-ask-caller-national-id" });
      // The caller's number is typed by the agent: the contact button would share the agent's own.
      const phone = await askValue(conversation, ctx, { ...mobileQuestion, prompt: "staff-ask-caller-phone", buttons: undefined, accepts: [] });
      const kind = await askValue(
        conversation,
        ctx,
        choiceQuestion<"complaint" | "overcharge">(ctx, "staff-ask-caller-kind", [
          ["complaint", "case-kind-complaint"],
          ["overcharge", "case-kind-overcharge"],
        ]),
      );
      const officeType = await askValue(
        conversation,
        ctx,
        choiceQuestion(
          ctx,
          "staff-ask-caller-office-type",
          [
            ["pishkhan", "booking-office-type-pishkhan"],
            ["post", "booking-office-type-post"],
            ["civil_registration", "booking-office-type-civil_registration"],
            ["none", "staff-caller-no-office"],
          ],
          { perRow: 1 },
        ),
      );
      const said = await askValue(conversation, ctx, textQuestion("staff-ask-caller-said", MIN_DESCRIPTION_TEXT, MAX_ENTRY_TEXT));
      const requestKey = await conversation.external(() => randomUUID());
      const result = await conversation.external(() =>
        services.cases.openCase({
          kind,
          chatId: null,
          officeType: officeType === "none" ? null : (officeType as OfficeType),
          summary: said.slice(0, 80),
          details: { channel: "phone" },
          description: said,
          openedBy: { actor, callerNationalId: nationalId, callerPhone: phone },
          requestKey,
          limits: DEFAULT_CASE_LIMITS,
          now: new Date(),
        }),
      );
      if (result.kind !== "opened") {
        await ctx.reply(ctx.t("case-no-route"), { reply_markup: mainMenuKeyboard(ctx) });
        return;
      }
      await ctx.reply(ctx.t("staff-caller-case-opened", { number: displayCaseNumber(result.number), unit: unitName(ctx, result.unit) }), {
        reply_markup: mainMenuKeyboard(ctx),
      });
    },
  };
}
