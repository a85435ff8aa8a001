// Which office a report is about: one of the citizen's own appointments, or found by province, city and name (paged).
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import type { Office, OfficeType } from "../../domain/booking/office.js";
import { matchPlaces } from "../../domain/places/place-directory.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { ask } from "../kit/ask.js";
import { cityQuestion, provinceQuestion } from "../pre-registration/questions.js";
import type { CaseServices } from "./case-services.js";
import { CHOICE_ERRORS } from "./case-questions.js";
import { errorMessages } from "../kit/error-messages.js";

/** An office as the report keeps it (plain data for the conversation's state). */
export interface PickedOffice {
  id: number;
  name: string;
  type: OfficeType;
  cityId: number;
  provinceId: number;
}

const PAGE_SIZE = 8;

const OFFICE_ERRORS = errorMessages("case-office-error", { not_found: true, not_text: true } satisfies Record<"not_found" | "not_text", true>);

type PageChoice = { kind: "more" } | { kind: "office"; office: PickedOffice } | { kind: "narrow"; offices: PickedOffice[] };

const picked = (office: Office): PickedOffice => ({
  id: office.id,
  name: office.name,
  type: office.type,
  cityId: office.cityId,
  provinceId: office.provinceId,
});

const officeLabel = (ctx: FlowContext, office: PickedOffice) => `${office.name} (${ctx.t(`booking-office-type-${office.type}`)})`;

export async function pickOffice(conversation: FlowConversation, ctx: FlowContext, services: CaseServices): Promise<PickedOffice> {
  const visited = await conversation.external(async () => {
    const catalog = await services.offices.catalog();
    const recent = await services.cases.visitedOffices(ctx.chatId!);
    return recent
      .map((visit) => catalog.get(visit.officeId))
      .filter((office): office is Office => office !== undefined)
      .map(picked);
  });
  if (visited.length > 0) {
    const labels = visited.map((office) => officeLabel(ctx, office));
    const choice = await ask(conversation, ctx, {
      prompt: "case-report-ask-own-office",
      errors: CHOICE_ERRORS,
      back: false,
      buttons: () => [...labels.map((label) => [label]), [ctx.t("case-report-search-office")]],
      parse: (reply): Result<number, "choose_button"> => {
        if (reply.kind !== "text") return fail("choose_button");
        if (reply.text === ctx.t("case-report-search-office")) return ok(-1);
        const index = labels.indexOf(reply.text);
        return index >= 0 ? ok(index) : fail("choose_button");
      },
    });
    if (choice.kind === "answer" && choice.value >= 0) return visited[choice.value]!;
  }
  // Back to the province is a rewind: however often, the log keeps one way through. Provinces and cities are
  // reference data read live from the place directory's memory cache (in the log, a province's hundred
  // cities would be most of the stored state).
  const byProvince = conversation.checkpoint();
  const provinces = await services.places.provinces();
  const province = await ask(conversation, ctx, { ...provinceQuestion(provinces, "case-report-ask-province"), back: false });
  if (province.kind !== "answer") return conversation.rewind(byProvince);
  const cities = await services.places.citiesOf(province.value.id);
  const city = await ask(conversation, ctx, cityQuestion(cities, province.value.name, "case-report-ask-city"));
  if (city.kind !== "answer") return conversation.rewind(byProvince);
  const offices = await conversation.external(async () => (await services.offices.catalog()).activeInCity(city.value.id).map(picked));
  if (offices.length === 0) {
    await ctx.reply(ctx.t("case-report-no-offices", { city: city.value.name }));
    return conversation.rewind(byProvince);
  }
  const office = await pageOffices(conversation, ctx, offices);
  return office ?? conversation.rewind(byProvince);
}

/** Offices of a city a page at a time; typing part of a name narrows the list. Null: back to the province. */
async function pageOffices(conversation: FlowConversation, ctx: FlowContext, all: PickedOffice[]): Promise<PickedOffice | null> {
  let list = all;
  let page = 0;
  for (;;) {
    const shown = list.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const labels = shown.map((office, i) => `${toPersianDigits(page * PAGE_SIZE + i + 1)}. ${officeLabel(ctx, office)}`);
    const more = (page + 1) * PAGE_SIZE < list.length;
    const answer = await ask<PageChoice, "not_found" | "not_text">(conversation, ctx, {
      prompt: "case-report-ask-office",
      promptParams: { count: toPersianDigits(list.length), page: toPersianDigits(page + 1), pages: toPersianDigits(Math.ceil(list.length / PAGE_SIZE)) },
      errors: OFFICE_ERRORS,
      buttons: () => [...labels.map((label) => [label]), more ? [ctx.t("case-more")] : []],
      parse: (reply): Result<PageChoice, "not_found" | "not_text"> => {
        if (reply.kind !== "text") return fail("not_text");
        if (reply.text === ctx.t("case-more")) return ok({ kind: "more" });
        const index = labels.indexOf(reply.text);
        if (index >= 0) return ok({ kind: "office", office: shown[index]! });
        const narrowed = matchPlaces(all, reply.text);
        return narrowed.length > 0 ? ok({ kind: "narrow", offices: narrowed }) : fail("not_found");
      },
    });
    if (answer.kind === "back") return null;
    const value = answer.value;
    if (value.kind === "office") return value.office;
    if (value.kind === "more") page++;
    else {
      if (value.offices.length === 1) return value.offices[0]!;
      list = value.offices;
      page = 0;
    }
  }
}
