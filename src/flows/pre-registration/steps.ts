// The answers of pre-registration in the order they are asked, and asking one of them.
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import type { City, Province } from "../../domain/places/place-directory.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import { ask, leave, type Question } from "../kit/ask.js";
import type { PreRegistrationServices } from "./pre-registration-services.js";
import * as q from "./questions.js";

/** The answers in the order they are asked; the summary lists them in the same order. */
export const STEPS = [
  "nationalId",
  "birthDate",
  "abroad",
  "firstName",
  "lastName",
  "fatherName",
  "mobile",
  "landline",
  "postalCode",
  "address",
  "province",
  "city",
] as const;
export type Step = (typeof STEPS)[number];

export interface Answers {
  nationalId: string;
  birthDate: JalaliDate;
  abroad: boolean;
  firstName: string;
  lastName: string;
  fatherName: string;
  mobile: string;
  /** Null when the citizen has none. */
  landline: string | null;
  postalCode: string;
  address: string;
  province: Province;
  city: City;
  /**
   * The names come from the civil registry and are only confirmed (true), or are typed because the registry
   * record lacks them (false); unknown until the registry check, when the usual case (true) is assumed.
   */
  namesFromRegistry?: boolean;
}

/** Steps the summary offers to change (abroad is settled: a yes ends the flow). */
export const EDITABLE: Step[] = STEPS.filter((step) => step !== "abroad" && step !== "city");

/** The two names a registry-confirmed citizen is not asked: one confirmation, at firstName, stands for all three. */
const NAMES_CONFIRMED_AT_FIRST_NAME: readonly Step[] = ["lastName", "fatherName"];

/** The steps this citizen is asked, in order: with names from the civil registry there is nothing to type for them. */
export function stepsFor(answers: Partial<Answers>): readonly Step[] {
  return answers.namesFromRegistry === false ? STEPS : STEPS.filter((step) => !NAMES_CONFIRMED_AT_FIRST_NAME.includes(step));
}

/** What the summary offers to change: names the registry gave are not the citizen's to retype. */
export function editableFor(answers: Partial<Answers>): readonly Step[] {
  return answers.namesFromRegistry === false ? EDITABLE : EDITABLE.filter((step) => step !== "firstName" && !NAMES_CONFIRMED_AT_FIRST_NAME.includes(step));
}

/** Asks one step and stores its answer; false when the citizen pressed back. */
export async function askStep(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: PreRegistrationServices,
  step: Step,
  answers: Partial<Answers>,
  today: JalaliDate,
  back: boolean,
): Promise<boolean> {
  const asked = stepsFor(answers);
  const progress = { step: asked.indexOf(step) + 1, of: asked.length };
  const store = async <T, E extends string>(question: Question<T, E>, save: (value: T) => void) => {
    const answer = await ask(conversation, ctx, { ...question, progress });
    if (answer.kind === "back") return false;
    save(answer.value);
    return true;
  };
  switch (step) {
    case "nationalId":
      return store(q.nationalIdQuestion(back), (v) => (answers.nationalId = v));
    case "birthDate":
      return store(q.birthDateQuestion(today, false), (v) => (answers.birthDate = v));
    case "abroad":
      return store(q.abroadQuestion(ctx), (v) => (answers.abroad = v));
    case "firstName":
      if (answers.namesFromRegistry) {
        // The registry's names are the card's: confirm them, or correct them at a civil-registration office first.
        const confirmed = await ask(conversation, ctx, { ...q.registryNamesQuestion(ctx, answers), progress });
        if (confirmed.kind === "back") return false;
        if (!confirmed.value) await leave(conversation, ctx, "prereg-registry-names-wrong");
        return true;
      }
      return store(q.nameQuestion("first-name"), (v) => (answers.firstName = v));
    case "lastName":
      return store(q.nameQuestion("last-name"), (v) => (answers.lastName = v));
    case "fatherName":
      return store(q.nameQuestion("father-name"), (v) => (answers.fatherName = v));
    case "mobile":
      return store(q.mobileQuestion, (v) => (answers.mobile = v));
    case "landline": {
      const answered = await store(q.landlineQuestion, (v) => (answers.landline = v));
      // No landline is fine; say now what the office will want instead, so it is not a surprise there.
      if (answered && answers.landline === null) await ctx.reply(ctx.t("prereg-landline-none-noted"));
      return answered;
    }
    case "postalCode":
      return store(q.postalCodeQuestion, (v) => (answers.postalCode = v));
    case "address":
      return store(q.addressQuestion, (v) => (answers.address = v));
    case "province": {
      // Reference data, read live from the place directory's memory cache rather than through external():
      // replayed on every update, a province's hundred cities would be most of the stored state.
      const provinces = await services.places.provinces();
      return store(q.provinceQuestion(provinces), (v) => {
        if (answers.province?.id !== v.id) delete answers.city;
        answers.province = { id: v.id, name: v.name };
      });
    }
    case "city": {
      const province = answers.province!;
      const cities = await services.places.citiesOf(province.id);
      return store(
        q.cityQuestion(cities, province.name),
        (v) => (answers.city = { id: v.id, provinceId: v.provinceId, name: v.name, isMetropolis: v.isMetropolis }),
      );
    }
  }
}
