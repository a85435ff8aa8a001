// Pre-registration: one question at a time, a summary to correct, then the fee payment link.
import { firstEligibleDay, isOldEnough } from "../../domain/citizen/birth-date.js";
import { formatJalaliDateOnly } from "../../domain/time/persian-format.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { jalaliDateInTehran } from "../../domain/time/tehran-clock.js";
import type { Flow } from "../flow.js";
import { leave } from "../kit/ask.js";
import { payFee } from "./pay-fee.js";
import type { PreRegistrationServices } from "./pre-registration-services.js";
import { passesRegistryChecks } from "./registry-check.js";
import { askStep, stepsFor, type Answers } from "./steps.js";
import { reviewSummary } from "./summary.js";

export type { PreRegistrationServices } from "./pre-registration-services.js";

export function preRegistrationFlow(services: PreRegistrationServices): Flow {
  return {
    id: "pre-registration",
    menuKey: "menu-pre-registration",
    async run(conversation, ctx) {
      const today = jalaliDateInTehran(new Date(await conversation.now()));
      const answers: Partial<Answers> = {};
      await ctx.reply(ctx.t("prereg-intro", { questions: toPersianDigits(stepsFor(answers).length) }));

      // The steps before the names are the same whether or not the registry gives the names, so an index
      // into stepsFor() stays on its step when the registry check changes the list.
      let index = 0;
      while (index < stepsFor(answers).length) {
        const step = stepsFor(answers)[index]!;
        const answered = await askStep(conversation, ctx, services, step, answers, today, index > 0);
        if (!answered) {
          index = Math.max(0, index - 1);
          continue;
        }
        if (step === "birthDate" && !isOldEnough(answers.birthDate!, today)) {
          // Nothing to correct: say from which day they may apply, and end here.
          await leave(conversation, ctx, "prereg-too-young", { date: formatJalaliDateOnly(firstEligibleDay(answers.birthDate!)) });
        }
        if (step === "birthDate" && !(await passesRegistryChecks(conversation, ctx, services, answers))) {
          index = 0; // ineligible: ask for the national ID again, keep nothing else that depends on it
          continue;
        }
        if (step === "abroad" && answers.abroad) await leave(conversation, ctx, "prereg-abroad-answer");
        index++;
      }

      await reviewSummary(conversation, ctx, services, answers as Answers, today);
      await payFee(conversation, ctx, services, answers as Answers);
    },
  };
}
