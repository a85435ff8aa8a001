// Pre-registration: one question at a time, a summary to correct, then the fee payment link.
import { firstEligibleDay, isOldEnough } from "../../domain/citizen/birth-date.js";
import { formatJalaliDateOnly } from "../../domain/time/persian-format.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { jalaliDateInTehran } from "../../domain/time/tehran-clock.js";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import type { Flow } from "../flow.js";
import { leave } from "../kit/ask.js";
import { FINISHED, runJourney } from "../kit/journey.js";
import { payFee } from "./pay-fee.js";
import type { PreRegistrationServices } from "./pre-registration-services.js";
import { passesRegistryChecks } from "./registry-check.js";
import { askStep, stepsFor, type Answers } from "./steps.js";
import { reviewSummary, type Correction } from "./summary.js";

export type { PreRegistrationServices } from "./pre-registration-services.js";

/** Where the citizen is: the first walk through the questions, the summary, or a correction from it. */
type Position = { kind: "walk"; index: number } | { kind: "summary" } | { kind: "correction"; queue: Correction[] };

/** The chat's draft of this journey (kept outside the replay log, kit/journey.ts). */
interface Draft {
  answers: Partial<Answers>;
  at: Position;
}

export function preRegistrationFlow(services: PreRegistrationServices): Flow {
  return {
    id: "pre-registration",
    menuKey: "menu-pre-registration",
    async run(conversation, ctx) {
      const today = jalaliDateInTehran(new Date(await conversation.now()));
      await ctx.reply(ctx.t("prereg-intro", { questions: toPersianDigits(stepsFor({}).length) }));
      await runJourney<Draft>(conversation, ctx, {
        flow: "pre-registration",
        first: { answers: {}, at: { kind: "walk", index: 0 } },
        async pass({ answers, at }) {
          switch (at.kind) {
            case "walk":
              return walk(conversation, ctx, services, answers, today, at.index);
            case "summary": {
              const outcome = await reviewSummary(conversation, ctx, answers as Answers);
              if (outcome === "confirmed") {
                await payFee(conversation, ctx, services, answers as Answers);
                return FINISHED;
              }
              return { answers, at: outcome === "again" ? at : { kind: "correction", queue: [outcome] } };
            }
            case "correction": {
              const queue = await correct(conversation, ctx, services, answers as Answers, today, at.queue);
              return { answers, at: queue.length === 0 ? { kind: "summary" } : { kind: "correction", queue } };
            }
          }
        },
      });
    },
  };
}

/**
 * One question of the first walk. The steps before the names are the same whether or not the registry gives
 * the names, so an index into stepsFor() stays on its step when the registry check changes the list.
 */
async function walk(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: PreRegistrationServices,
  answers: Partial<Answers>,
  today: JalaliDate,
  index: number,
): Promise<Draft> {
  const at = (next: number): Draft => ({ answers, at: next < stepsFor(answers).length ? { kind: "walk", index: next } : { kind: "summary" } });
  const step = stepsFor(answers)[index]!;
  if (!(await askStep(conversation, ctx, services, step, answers, today, index > 0))) return at(Math.max(0, index - 1));
  if (step === "birthDate" && !isOldEnough(answers.birthDate!, today)) {
    // Nothing to correct: say from which day they may apply, and end here.
    await leave(conversation, ctx, "prereg-too-young", { date: formatJalaliDateOnly(firstEligibleDay(answers.birthDate!)) });
  }
  // Ineligible: ask for the national ID again, keep nothing else that depends on it.
  if (step === "birthDate" && !(await passesRegistryChecks(conversation, ctx, services, answers))) return at(0);
  if (step === "abroad" && answers.abroad) await leave(conversation, ctx, "prereg-abroad-answer");
  return at(index + 1);
}

/**
 * The head of a correction from the summary: a changed answer is asked again on its own (back returns to the
 * summary unchanged), and brings what depends on it (a new national ID: its birth date, the registry check and,
 * without the registry's names, the names; a new province: its city). Returns what is left to ask.
 */
async function correct(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: PreRegistrationServices,
  answers: Answers,
  today: JalaliDate,
  queue: Correction[],
): Promise<Correction[]> {
  const [head, ...rest] = queue;
  if (!head) return [];
  if (head.step === "registry") {
    if (!(await passesRegistryChecks(conversation, ctx, services, answers))) {
      return [{ step: "nationalId" }, { step: "birthDate" }, { step: "registry" }, ...rest];
    }
    // Another person: the registry's names replace the old ones (shown in the summary); without them, ask.
    if (answers.namesFromRegistry === false) return [{ step: "firstName" }, { step: "lastName" }, { step: "fatherName" }, ...rest];
    return rest;
  }
  const answered = await askStep(conversation, ctx, services, head.step, answers, today, head.back !== undefined);
  if (!answered) return head.back === "summary" ? [] : queue;
  if (head.back !== "summary") return rest;
  if (head.step === "nationalId") return [{ step: "birthDate" }, { step: "registry" }, ...rest];
  if (head.step === "birthDate") return [{ step: "registry" }, ...rest];
  if (head.step === "province") return [{ step: "city", back: "again" }, ...rest];
  return rest;
}
