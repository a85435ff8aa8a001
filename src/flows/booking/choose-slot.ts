// Choosing a time, one step at a time: by place (nearest offices, or province → city → type → office) or by
// time (earliest near me, or a day first), then a day and a time. «بازگشت» goes back exactly one step.
import { Keyboard } from "grammy";
import type { ConversationSafeCheck, FlowContext, FlowConversation } from "../../bot/context.js";
import { findAlternatives } from "../../domain/booking/alternatives.js";
import type { GeoPoint } from "../../domain/booking/geo.js";
import { readTypedPoint } from "../../domain/booking/typed-point.js";
import {
  bookableDaysAcross,
  earliestNear,
  freeSlotsAcross,
  nearestOffices,
  officeBookableDays,
  officeFreeSlotsOn,
  officesInCity,
  officeTypesInCity,
} from "../../domain/booking/office-search.js";
import { OFFICE_TYPES, type OfficeType } from "../../domain/booking/office.js";
import { firstStartingAt } from "../../domain/booking/slot-at-time.js";
import { matchPlaces } from "../../domain/places/place-directory.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { parseClockTime } from "../../domain/time/clock-time.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import { formatDateTime } from "../../domain/time/persian-format.js";
import { ask, type Question, type Reply } from "../kit/ask.js";
import { inRows } from "../kit/navigation.js";
import { cityQuestion, provinceQuestion } from "../pre-registration/questions.js";
import { CHOICE_ERRORS, LOCATION_ERRORS, TIME_ERRORS } from "./booking-errors.js";
import { clockOf, type BookingServices } from "./booking-services.js";
import { dayButton, officeButton, officeChoice, officeLine, officeTitle, timeButton, type OfficeChoice } from "./booking-view.js";
import { FINISHED, runJourney } from "../kit/journey.js";
import { askPaged, inMemoryPages, type PagedOption } from "./paged-choice.js";

/** A chosen office and time (ISO), as plain data for the conversation's state; `type` is the filter the citizen chose. */
export interface ChosenSlot {
  office: OfficeChoice;
  startsAt: string;
  type?: OfficeType;
}

/** What the citizen does with a chosen time: confirm and take it ("done"), or step back to the list it came from. */
export type Decide = (slot: ChosenSlot) => Promise<"done" | "back">;

type Mode = "nearest" | "earliest" | "day" | "city";

/** What the citizen has chosen so far (plain data: it lives in the conversation's state). */
interface Search {
  mode: Mode;
  type?: OfficeType;
  point?: GeoPoint;
  province?: { id: number; name: string };
  city?: { id: number; name: string };
  cityOffices?: number;
  office?: OfficeChoice;
  day?: JalaliDate;
  nearby?: OfficeChoice[];
  /** The page of the list the current step shows (0 when absent). */
  page?: number;
}

/** The location step's answer: a point, a city name to look up, or the wish to choose province and city. */
type LocationAnswer = { point: GeoPoint } | { cityName: string } | { byCity: true };

/** A step's outcome: forward, one step back, ask this step again, finished, or continue in another mode. */
type StepResult = "next" | "back" | "stay" | "done" | { switchTo: Mode };
type Step = (search: Search) => Promise<StepResult>;

/** How many nearby offices the day-first choice looks across. */
const DAY_FIRST_OFFICES = 5;
const DAYS_PER_PAGE = 14;
const TIMES_PER_PAGE = 24;
const TIMES_ACROSS_PER_PAGE = 8;
const OFFICES_PER_PAGE = 10;

/** Picks one of `options` by its exact text. */
function pick<T>(options: Array<{ label: string; value: T }>) {
  return (reply: Reply): Result<T, "choose_button"> => {
    const found = reply.kind === "text" ? options.find((option) => option.label === reply.text.trim()) : undefined;
    return found ? ok(found.value) : fail("choose_button");
  };
}

function choiceQuestion<T>(
  prompt: string,
  options: Array<{ label: string; value: T }>,
  perRow: number,
  params?: Record<string, string | number>,
): Question<T, "choose_button"> {
  return {
    prompt,
    promptParams: params,
    errors: CHOICE_ERRORS,
    buttons: () =>
      inRows(
        options.map((o) => o.label),
        perRow,
      ),
    parse: pick(options),
  };
}

/**
 * Runs the choice until `decide` takes a time. Each step is asked again when the citizen comes back to
 * it; back on a step returns to the one before, back on the confirm screen to the list of times.
 */
export async function chooseSlot(conversation: FlowConversation, ctx: FlowContext, services: BookingServices, decide: Decide): Promise<void> {
  /** A store read at the services' current time, kept in the conversation's state. */
  const external = <R>(task: (at: Date) => Promise<R>, ...refused: ConversationSafeCheck<NoInfer<R>>) =>
    conversation.external(() => task(clockOf(services)), ...refused);
  /** A paged list at the search's page; a turn is kept in the search (the draft) and the step asked again. */
  const askPagedIn = async <T, E extends string = never>(search: Search, question: Parameters<typeof askPaged<T, E>>[2]) => {
    const answer = await askPaged(conversation, ctx, question, search.page ?? 0);
    if (answer.kind === "turn") search.page = answer.page;
    return answer;
  };

  const mode: Step = async () => {
    const modes: Array<{ label: string; value: Mode }> = [
      { label: ctx.t("booking-mode-nearest"), value: "nearest" },
      { label: ctx.t("booking-mode-earliest"), value: "earliest" },
      { label: ctx.t("booking-mode-day"), value: "day" },
      { label: ctx.t("booking-mode-city"), value: "city" },
    ];
    const answer = await ask(conversation, ctx, { ...choiceQuestion("booking-ask-mode", modes, 1), back: false });
    if (answer.kind === "back") return "stay";
    return { switchTo: answer.value };
  };

  const officeType: Step = async (search) => {
    const types: Array<{ label: string; value: OfficeType | "any" }> = [
      { label: ctx.t("booking-type-any"), value: "any" },
      ...OFFICE_TYPES.map((type) => ({ label: ctx.t(`booking-office-type-${type}`), value: type })),
    ];
    const answer = await ask(conversation, ctx, choiceQuestion("booking-ask-type", types, 2));
    if (answer.kind === "back") return "back";
    search.type = answer.value === "any" ? undefined : answer.value;
    return "next";
  };

  const location: Step = async (search) => {
    for (;;) {
      const answer = await ask<LocationAnswer, "not_location">(conversation, ctx, {
        prompt: "booking-ask-location",
        errors: LOCATION_ERRORS,
        accepts: ["location"],
        buttons: (c) => [[Keyboard.requestLocation(c.t("booking-share-location"))], [c.t("booking-mode-city")]],
        parse: (reply): Result<LocationAnswer, "not_location"> =>
          reply.kind === "text" && reply.text.trim() === ctx.t("booking-mode-city") ? ok({ byCity: true as const }) : parsePlace(reply),
      });
      if (answer.kind === "back") return "back";
      const value = answer.value;
      if ("byCity" in value) return { switchTo: "city" };
      if ("point" in value) {
        search.point = value.point;
        return "next";
      }
      // A typed city name stands for the city's centre.
      const matches = await conversation.external(() => citiesNamed(services, value.cityName));
      const located = matches.filter((city) => city.location !== null);
      if (located.length === 0) {
        await ctx.reply(ctx.t("booking-location-city-unknown", { city: value.cityName }));
        continue;
      }
      let chosen = located[0]!;
      if (located.length > 1) {
        const options = located.map((city) => ({ label: ctx.t("booking-city-in-province", { city: city.name, province: city.provinceName }), value: city }));
        const which = await ask(conversation, ctx, choiceQuestion("booking-ask-which-city", options, 1));
        if (which.kind === "back") continue;
        chosen = which.value;
      }
      await ctx.reply(ctx.t("booking-location-from-city", { city: chosen.name }));
      search.point = chosen.location!;
      return "next";
    }
  };

  const nearestList: Step = async (search) => {
    const offices = await external(async (at: Date) =>
      (await nearestOffices(services.booking, { point: search.point!, type: search.type, now: at, limit: 5 })).map((near) =>
        officeChoice(near.office, { distanceKm: near.distanceKm, earliestFree: near.earliestFree?.startsAt ?? null }),
      ),
    );
    if (offices.length === 0) return tell(ctx, "booking-nothing-near");
    await ctx.reply([ctx.t("booking-nearest-list"), ...offices.map((office, i) => officeLine(ctx, office, i))].join("\n"));
    const answer = await ask(
      conversation,
      ctx,
      choiceQuestion(
        "booking-ask-office",
        offices.map((o, i) => ({ label: officeButton(o, i), value: o })),
        1,
      ),
    );
    if (answer.kind === "back") return "back";
    search.office = answer.value;
    return "next";
  };

  const earliestList: Step = async (search) => {
    const offers = await external(async (at: Date) =>
      (await earliestNear(services.booking, { point: search.point!, type: search.type, now: at, limit: 5 })).map((near) => ({
        office: officeChoice(near.office, { distanceKm: near.distanceKm, earliestFree: near.earliestFree.startsAt }),
        startsAt: near.earliestFree.startsAt.toISOString(),
        type: search.type,
      })),
    );
    if (offers.length === 0) return tell(ctx, "booking-nothing-near");
    await ctx.reply([ctx.t("booking-earliest-list"), ...offers.map((offer, i) => officeLine(ctx, offer.office, i))].join("\n"));
    const answer = await ask(
      conversation,
      ctx,
      choiceQuestion(
        "booking-ask-office",
        offers.map((offer, i) => ({ label: officeButton(offer.office, i), value: offer })),
        1,
      ),
    );
    if (answer.kind === "back") return "back";
    return (await decide(answer.value)) === "done" ? "done" : "stay";
  };

  /** One of `days`, a page at a time, into the search; back goes one step up. */
  const askDay = async (search: Search, days: Array<{ date: JalaliDate; freeSlots: number }>, prompt: string, promptParams?: Record<string, string>) => {
    const options = days.map((d) => ({ label: dayButton(ctx, d.date, d.freeSlots), value: d.date }));
    const answer = await askPagedIn(search, {
      prompt,
      promptParams,
      errors: CHOICE_ERRORS,
      perRow: 2,
      pageSize: DAYS_PER_PAGE,
      page: inMemoryPages(options, DAYS_PER_PAGE),
    });
    if (answer.kind === "turn") return "stay" as const;
    if (answer.kind === "back") return "back" as const;
    search.day = answer.value;
    return "next" as const;
  };

  const officeDay: Step = async (search) => {
    const office = search.office!;
    const days = await external(async (at: Date) =>
      ((await officeBookableDays(services.booking, { officeId: office.id, now: at })) ?? []).map((day) => ({ date: day.date, freeSlots: day.freeSlots })),
    );
    if (days.length === 0) return tell(ctx, "booking-office-no-days");
    return askDay(search, days, "booking-ask-day", { office: officeTitle(ctx, office) });
  };

  const officeTime: Step = async (search) => {
    const office = search.office!;
    const times = await external(async (at: Date) =>
      ((await officeFreeSlotsOn(services.booking, { officeId: office.id, date: search.day!, now: at })) ?? []).map((slot) => slot.startsAt.toISOString()),
    );
    if (times.length === 0) return tell(ctx, "booking-day-full");
    const options: Array<PagedOption<string>> = times.map((t) => ({ label: timeButton(new Date(t)), value: t }));
    const answer = await askPagedIn(search, {
      prompt: "booking-ask-time",
      errors: TIME_ERRORS,
      perRow: 4,
      pageSize: TIMES_PER_PAGE,
      page: inMemoryPages(options, TIMES_PER_PAGE),
      typed: typedTime(options.map((option) => ({ startsAt: option.value, value: option.value }))),
    });
    if (answer.kind === "turn") return "stay";
    if (answer.kind === "back") return "back";
    return (await decide({ office, startsAt: answer.value, type: search.type })) === "done" ? "done" : "stay";
  };

  const dayAcross: Step = async (search) => {
    const nearby = await external(async (at: Date) => {
      const offices = await nearestOffices(services.booking, { point: search.point!, type: search.type, now: at, limit: DAY_FIRST_OFFICES });
      const days = await bookableDaysAcross(services.booking, { officeIds: offices.map((near) => near.office.id), now: at });
      return { offices: offices.map((near) => officeChoice(near.office, { distanceKm: near.distanceKm })), days };
    });
    if (nearby.days.length === 0) return tell(ctx, "booking-nothing-near");
    search.nearby = nearby.offices;
    return askDay(search, nearby.days, "booking-ask-day-nearby");
  };

  const timeAcross: Step = async (search) => {
    const offices = search.nearby ?? [];
    const times = await external(async (at: Date): Promise<ChosenSlot[]> => {
      const found = await freeSlotsAcross(services.booking, { officeIds: offices.map((office) => office.id), date: search.day!, now: at, limit: 10_000 });
      return found.map(({ officeId, slot }) => ({
        office: offices.find((office) => office.id === officeId)!,
        startsAt: slot.startsAt.toISOString(),
        type: search.type,
      }));
    });
    if (times.length === 0) return tell(ctx, "booking-day-full");
    const options = times.map((slot) => ({
      label: ctx.t("booking-time-at-office", { time: timeButton(new Date(slot.startsAt)), office: slot.office.name }),
      value: slot,
    }));
    const answer = await askPagedIn(search, {
      prompt: "booking-ask-time",
      errors: TIME_ERRORS,
      perRow: 1,
      pageSize: TIMES_ACROSS_PER_PAGE,
      page: inMemoryPages(options, TIMES_ACROSS_PER_PAGE),
      // Listed earliest first, nearer office first: a typed time takes the nearest office free then.
      typed: typedTime(times.map((slot) => ({ startsAt: slot.startsAt, value: slot }))),
    });
    if (answer.kind === "turn") return "stay";
    if (answer.kind === "back") return "back";
    return (await decide(answer.value)) === "done" ? "done" : "stay";
  };

  const province: Step = async (search) => {
    // Reference data from the place directory's memory cache, read live: kept in the log, a province's
    // hundred cities would be most of the stored state.
    const provinces = await services.places.provinces();
    const answer = await ask(conversation, ctx, provinceQuestion(provinces, "booking-ask-province"));
    if (answer.kind === "back") return "back";
    search.province = { id: answer.value.id, name: answer.value.name };
    return "next";
  };

  const city: Step = async (search) => {
    const cities = await services.places.citiesOf(search.province!.id);
    const answer = await ask(conversation, ctx, cityQuestion(cities, search.province!.name, "booking-ask-city"));
    if (answer.kind === "back") return "back";
    search.city = { id: answer.value.id, name: answer.value.name };
    return "next";
  };

  const cityType: Step = async (search) => {
    const counts = await conversation.external(() => officeTypesInCity(services.booking, search.city!.id));
    const total = counts.reduce((sum, entry) => sum + entry.count, 0);
    if (total === 0) return tell(ctx, "booking-no-office-in-city", { city: search.city!.name });
    const options: Array<{ label: string; value: { type?: OfficeType; count: number } }> = [
      { label: ctx.t("booking-type-with-count", { type: ctx.t("booking-type-any"), count: toPersianDigits(total) }), value: { count: total } },
      ...counts.map((entry) => ({
        label: ctx.t("booking-type-with-count", { type: ctx.t(`booking-office-type-${entry.type}`), count: toPersianDigits(entry.count) }),
        value: { type: entry.type, count: entry.count },
      })),
    ];
    const answer = await ask(conversation, ctx, choiceQuestion("booking-ask-type-in-city", options, 1, { city: search.city!.name }));
    if (answer.kind === "back") return "back";
    search.type = answer.value.type;
    search.cityOffices = answer.value.count;
    return "next";
  };

  const cityOffices: Step = async (search) => {
    const answer = await askPagedIn(search, {
      prompt: "booking-ask-office",
      errors: CHOICE_ERRORS,
      perRow: 1,
      pageSize: OFFICES_PER_PAGE,
      page: async (page) => {
        const offices = await external(async (at: Date) =>
          (
            await officesInCity(services.booking, {
              cityId: search.city!.id,
              type: search.type,
              now: at,
              offset: page * OFFICES_PER_PAGE,
              limit: OFFICES_PER_PAGE,
            })
          ).map(({ office, earliestFree }) => officeChoice(office, { earliestFree: earliestFree?.startsAt ?? null })),
        );
        const offset = page * OFFICES_PER_PAGE;
        return {
          total: search.cityOffices ?? offices.length,
          heading: [ctx.t("booking-city-list", { city: search.city!.name }), ...offices.map((office, i) => officeLine(ctx, office, offset + i))].join("\n"),
          options: offices.map((office, i) => ({ label: officeButton(office, offset + i), value: office })),
        };
      },
    });
    if (answer.kind === "turn") return "stay";
    if (answer.kind === "back") return "back";
    search.office = answer.value;
    return "next";
  };

  const STEPS: Record<Mode, Step[]> = {
    nearest: [mode, officeType, location, nearestList, officeDay, officeTime],
    earliest: [mode, officeType, location, earliestList],
    day: [mode, officeType, location, dayAcross, timeAcross],
    city: [mode, province, city, cityType, cityOffices, officeDay, officeTime],
  };

  // One step per pass, the search and the position kept in the chat's draft and the log rewound after each
  // (kit/journey.ts): going back and forth between the steps costs what one step does.
  await runJourney<{ search: Search; position: number }>(conversation, ctx, {
    flow: "booking:slot",
    first: { search: { mode: "nearest" }, position: 0 },
    async pass({ search, position }) {
      const result = await STEPS[search.mode][position]!(search);
      if (result === "done") return FINISHED;
      if (result === "stay") return { search, position };
      // A page is the step's own: another step starts at its first page.
      delete search.page;
      if (result === "back") return { search, position: Math.max(0, position - 1) };
      if (result === "next") return { search, position: position + 1 };
      // A new way of choosing keeps nothing of the old one.
      return { search: { mode: result.switchTo }, position: 1 };
    },
  });
}

/**
 * The nearest alternatives to a time that could not be taken: the same office's next times, then nearby
 * offices of the type the citizen chose. Null when there are none (said) or the citizen goes back.
 */
export async function offerAlternatives(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: BookingServices,
  wanted: ChosenSlot,
): Promise<ChosenSlot | null> {
  const options = await conversation.external(async () => {
    const now = clockOf(services);
    const alternatives = await findAlternatives(services.booking, { officeId: wanted.office.id, startsAt: new Date(wanted.startsAt), now, type: wanted.type });
    const catalog = await services.booking.offices.catalog();
    const same = alternatives.sameOffice.map((slot) => ({ office: wanted.office, startsAt: slot.startsAt.toISOString(), type: wanted.type }));
    const nearby = alternatives.nearby.map((near) => ({
      office: officeChoice(catalog.get(near.office.id) ?? near.office, { distanceKm: near.distanceKm }),
      startsAt: near.slot.startsAt.toISOString(),
      type: wanted.type,
    }));
    return [...same, ...nearby];
  });
  if (options.length === 0) {
    await ctx.reply(ctx.t("booking-no-alternatives"));
    return null;
  }
  const labelled = options.map((option, i) => ({
    label: ctx.t("booking-alternative", { n: toPersianDigits(i + 1), office: option.office.name, at: formatDateTime(new Date(option.startsAt)) }),
    value: option,
  }));
  const chosen = await ask(conversation, ctx, choiceQuestion("booking-ask-alternative", labelled, 1));
  return chosen.kind === "answer" ? chosen.value : null;
}

/** Says why this step found nothing; the citizen is taken one step back. */
async function tell(ctx: FlowContext, key: string, params?: Record<string, string>): Promise<"back"> {
  await ctx.reply(ctx.t(key, params));
  return "back";
}

/** A typed time of day: the first listed option starting then (Tehran clock), or why not. */
function typedTime<T>(options: Array<{ startsAt: string; value: T }>) {
  return (text: string): Result<T, "choose_button" | "not_free"> => {
    const wanted = parseClockTime(text);
    if (!wanted) return fail("choose_button");
    const found = firstStartingAt(options, wanted);
    return found ? ok(found.value) : fail("not_free");
  };
}

/** Cities whose name matches the typed text (exact names first), each with its province and coordinates; at most 12. */
async function citiesNamed(services: BookingServices, typed: string) {
  const provinces = await services.places.provinces();
  const all = (
    await Promise.all(
      provinces.map(async (province) => (await services.places.citiesOf(province.id)).map((c) => ({ id: c.id, name: c.name, provinceName: province.name }))),
    )
  ).flat();
  const matches = matchPlaces(all, typed).slice(0, 12);
  return Promise.all(matches.map(async (city) => ({ ...city, location: await services.cityLocations.locationOf(city.id) })));
}

/**
 * The location step's answer: a shared location, "latitude, longitude" typed in any digits (Persian
 * decimal separator too), or a typed city name (anything with letters) to look up.
 */
export function parsePlace(reply: Reply): Result<{ point: GeoPoint } | { cityName: string }, "not_location"> {
  if (reply.kind === "location") return ok({ point: { latitude: reply.location.latitude, longitude: reply.location.longitude } });
  if (reply.kind !== "text") return fail("not_location");
  const typed = readTypedPoint(reply.text);
  if (typed.kind === "point") return ok({ point: typed.point });
  if (typed.kind === "out_of_range") return fail("not_location");
  return /\p{L}/u.test(typed.text) ? ok({ cityName: typed.text }) : fail("not_location");
}
