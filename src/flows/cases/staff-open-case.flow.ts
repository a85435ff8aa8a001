// Staff: open a case by the number a caller reads out (the check digit catches a misheard digit).
import { parseCaseNumber, type CaseNumber, type CaseNumberError } from "../../domain/cases/case-number.js";
import { errorMessages } from "../kit/error-messages.js";
import { worksCases } from "../../domain/cases/staff-actor.js";
import { fail, type Result } from "../../domain/shared/result.js";

const CASE_NUMBER_ERRORS = errorMessages("staff-case-number-error", { empty: true, not_digits: true, wrong_length: true, mistyped: true } satisfies Record<
  CaseNumberError,
  true
>);
import { sendCaseCard, STAFF_OPEN_CASE_FLOW } from "../../bot/features/cases/staff-cases.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { CaseView } from "../../domain/cases/case-store.js";
import type { Flow } from "../flow.js";
import { askValue } from "./case-questions.js";
import type { StaffFlowServices } from "./staff-case-action.flow.js";

export function staffOpenCaseFlow(services: StaffFlowServices): Flow {
  return {
    id: STAFF_OPEN_CASE_FLOW,
    async run(conversation, ctx) {
      const { actor } = await conversation.external(async () => ({ actor: await services.staff.byUser(ctx.from!.id) }));
      if (!actor || !worksCases(actor)) {
        await ctx.reply(ctx.t("staff-only"));
        return;
      }
      const number = await askValue(conversation, ctx, {
        prompt: "staff-ask-case-number",
        errors: CASE_NUMBER_ERRORS,
        parse: (reply): Result<CaseNumber, CaseNumberError> => (reply.kind === "text" ? parseCaseNumber(reply.text) : fail("not_digits")),
      });
      const { found } = await conversation.external(async () => {
        const view = await services.cases.caseForStaff({ number }, actor);
        return { found: view === null || view === "out_of_scope" ? view : JSON.stringify(view) };
      });
      const view = found === null || found === "out_of_scope" ? found : (JSON.parse(found) as CaseView);
      if (view === null || view === "out_of_scope") {
        await ctx.reply(ctx.t(view === null ? "case-not-found" : "staff-case-out-of-scope"), { reply_markup: mainMenuKeyboard(ctx) });
        return;
      }
      await ctx.reply(ctx.t("staff-case-found"), { reply_markup: mainMenuKeyboard(ctx) });
      await sendCaseCard(
        ctx,
        { ...view, resolutionDueAt: new Date(view.resolutionDueAt), entries: view.entries.map((e) => ({ ...e, at: new Date(e.at) })) },
        actor,
      );
    },
  };
}
