// Choosing a time: by place (nearest offices, or province → city → office) or by time (earliest near me),
// then a day and a time; and the alternatives offered when a chosen time has filled.
import { Keyboard } from "grammy";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { findAlternatives } from "../../domain/booking/alternatives.js";
import {
  bookableDaysAcross,
  earliestNear,
  freeSlotsAcross,
  nearestOffices,
  officeBookableDays,
  officeFreeSlotsOn,
  officesInCity,
} from "../../domain/booking/office-search.js";
import { OFFICE_TYPES, type OfficeType } from "../../domain/booking/office.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { stripInvisibleMarks, toLatinDigits } from "../../domain/text/digits.js";
import type { JalaliDate } from "../../domain/time/jalali.js";
import { formatDateTime } from "../../domain/time/persian-format.js";
import { ask, type Question, type Reply } from "../kit/ask.js";
import { inRows } from "../kit/navigation.js";
import { cityQuestion, provinceQuestion } from "../pre-registration/questions.js";
import { CHOICE_ERRORS, LOCATION_ERRORS } from "./booking-errors.js";
import type { BookingServices } from "./booking-services.js";
import { dayButton, officeButton, officeChoice, officeLine, timeButton, type OfficeChoice } from "./booking-view.js";

/** A chosen office and time (ISO), as plain data for the conversation's state. */
export interface ChosenSlot {
  office: OfficeChoice;
  startsAt: string;
}

type Mode = "nearest" | "earliest" | "day" | "city";

/** How many nearby offices the day-first choice looks across. */
const DAY_FIRST_OFFICES = 5;

/** Picks one of `labels` by its exact text. */
function pick<T>(options: Array<{ label: string; value: T }>) {
  return (reply: Reply): Result<T, "choose_button"> => {
    const found = reply.kind === "text" ? options.find((option) => option.label === reply.text.trim()) : undefined;
    return found ? ok(found.value) : fail("choose_button");
  };
}

function choiceQuestion<T>(prompt: string, options: Array<{ label: string; value: T }>, perRow: number, params?: Record<string, string | number>): Question<T, "choose_button"> {
  return { prompt, promptParams: params, errors: CHOICE_ERRORS, buttons: () => inRows(options.map((o) => o.label), perRow), parse: pick(options) };
}

/** Runs the whole choice; back on any step starts the choice again. */
export async function chooseSlot(conversation: FlowConversation, ctx: FlowContext, services: BookingServices): Promise<ChosenSlot> {
  for (;;) {
    const modes: Array<{ label: string; value: Mode }> = [
      { label: ctx.t("booking-mode-nearest"), value: "nearest" },
      { label: ctx.t("booking-mode-earliest"), value: "earliest" },
      { label: ctx.t("booking-mode-day"), value: "day" },
      { label: ctx.t("booking-mode-city"), value: "city" },
    ];
    const mode = await ask(conversation, ctx, { ...choiceQuestion("booking-ask-mode", modes, 1), back: false });
    if (mode.kind === "back") continue;
    const slot = mode.value === "city" ? await byCity(conversation, ctx, services) : await byLocation(conversation, ctx, services, mode.value);
    if (slot) return slot;
  }
}

async function byLocation(conversation: FlowConversation, ctx: FlowContext, services: BookingServices, mode: "nearest" | "earliest" | "day"): Promise<ChosenSlot | null> {
  const types: Array<{ label: string; value: OfficeType | "any" }> = [
    { label: ctx.t("booking-type-any"), value: "any" },
    ...OFFICE_TYPES.map((type) => ({ label: ctx.t(`booking-office-type-${type}`), value: type })),
  ];
  const type = await ask(conversation, ctx, choiceQuestion("booking-ask-type", types, 2));
  if (type.kind === "back") return null;
  const point = await ask(conversation, ctx, {
    prompt: "booking-ask-location",
    errors: LOCATION_ERRORS,
    accepts: ["location"],
    buttons: (c) => [[Keyboard.requestLocation(c.t("booking-share-location"))]],
    parse: parsePoint,
  });
  if (point.kind === "back") return null;
  const officeType = type.value === "any" ? undefined : type.value;

  if (mode === "earliest") {
    const offers = await conversation.external(async () =>
      (await earliestNear(services.booking, { point: point.value, type: officeType, now: new Date(), limit: 5 })).map((near) => ({
        office: officeChoice(near.office, { distanceKm: near.distanceKm, earliestFree: near.earliestFree.startsAt }),
        startsAt: near.earliestFree.startsAt.toISOString(),
      })),
    );
    if (offers.length === 0) return tell(ctx, "booking-nothing-near");
    await ctx.reply([ctx.t("booking-earliest-list"), ...offers.map((offer, i) => officeLine(ctx, offer.office, i))].join("\n"));
    const chosen = await ask(conversation, ctx, choiceQuestion("booking-ask-office", offers.map((offer, i) => ({ label: officeButton(offer.office, i), value: offer })), 1));
    return chosen.kind === "answer" ? chosen.value : null;
  }

  if (mode === "day") return dayFirst(conversation, ctx, services, point.value, officeType);

  const offices = await conversation.external(async () =>
    (await nearestOffices(services.booking, { point: point.value, type: officeType, now: new Date(), limit: 5 })).map((near) =>
      officeChoice(near.office, { distanceKm: near.distanceKm, earliestFree: near.earliestFree?.startsAt ?? null }),
    ),
  );
  return chooseOfficeThenTime(conversation, ctx, services, offices, "booking-nearest-list");
}

/** Choosing by time: a day (across the nearest offices), then a free time at any of them. */
async function dayFirst(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: BookingServices,
  point: { latitude: number; longitude: number },
  type: OfficeType | undefined,
): Promise<ChosenSlot | null> {
  const nearby = await conversation.external(async () => {
    const now = new Date();
    const offices = await nearestOffices(services.booking, { point, type, now, limit: DAY_FIRST_OFFICES });
    const days = await bookableDaysAcross(services.booking, { officeIds: offices.map((near) => near.office.id), now });
    return { offices: offices.map((near) => officeChoice(near.office, { distanceKm: near.distanceKm })), days };
  });
  if (nearby.days.length === 0) return tell(ctx, "booking-nothing-near");
  const day = await ask(
    conversation,
    ctx,
    choiceQuestion("booking-ask-day-nearby", nearby.days.slice(0, 14).map((d) => ({ label: dayButton(ctx, d.date, d.freeSlots), value: d.date })), 2),
  );
  if (day.kind === "back") return null;
  const times = await conversation.external(async (): Promise<ChosenSlot[]> => {
    const officeIds = nearby.offices.map((office) => office.id);
    const found = await freeSlotsAcross(services.booking, { officeIds, date: day.value, now: new Date(), limit: 24 });
    return found.map(({ officeId, slot }) => ({ office: nearby.offices.find((office) => office.id === officeId)!, startsAt: slot.startsAt.toISOString() }));
  });
  if (times.length === 0) return tell(ctx, "booking-day-full");
  const labelled = times.map((slot) => ({ label: ctx.t("booking-time-at-office", { time: timeButton(new Date(slot.startsAt)), office: slot.office.name }), value: slot }));
  const chosen = await ask(conversation, ctx, choiceQuestion("booking-ask-time", labelled, 1));
  return chosen.kind === "answer" ? chosen.value : null;
}

async function byCity(conversation: FlowConversation, ctx: FlowContext, services: BookingServices): Promise<ChosenSlot | null> {
  const provinces = await conversation.external(() => services.places.provinces());
  const province = await ask(conversation, ctx, provinceQuestion(provinces, "booking-ask-province"));
  if (province.kind === "back") return null;
  const cities = await conversation.external(() => services.places.citiesOf(province.value.id));
  for (;;) {
    const city = await ask(conversation, ctx, cityQuestion(cities, province.value.name, "booking-ask-city"));
    if (city.kind === "back") return null;
    const offices = await conversation.external(async () =>
      (await officesInCity(services.booking, { cityId: city.value.id, now: new Date(), limit: 10 })).map(({ office, earliestFree }) =>
        officeChoice(office, { earliestFree: earliestFree?.startsAt ?? null }),
      ),
    );
    if (offices.length === 0) {
      await ctx.reply(ctx.t("booking-no-office-in-city", { city: city.value.name }));
      continue;
    }
    return chooseOfficeThenTime(conversation, ctx, services, offices, "booking-city-list");
  }
}

async function chooseOfficeThenTime(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: BookingServices,
  offices: OfficeChoice[],
  heading: string,
): Promise<ChosenSlot | null> {
  if (offices.length === 0) return tell(ctx, "booking-nothing-near");
  await ctx.reply([ctx.t(heading), ...offices.map((office, i) => officeLine(ctx, office, i))].join("\n"));
  const office = await ask(conversation, ctx, choiceQuestion("booking-ask-office", offices.map((o, i) => ({ label: officeButton(o, i), value: o })), 1));
  if (office.kind === "back") return null;

  const days = await conversation.external(async () =>
    (await officeBookableDays(services.booking, { officeId: office.value.id, now: new Date() }))?.map((day) => ({ date: day.date, freeSlots: day.freeSlots })) ?? [],
  );
  if (days.length === 0) return tell(ctx, "booking-office-no-days");
  const day = await ask(
    conversation,
    ctx,
    choiceQuestion("booking-ask-day", days.slice(0, 14).map((d) => ({ label: dayButton(ctx, d.date, d.freeSlots), value: d.date })), 2, { office: office.value.name }),
  );
  if (day.kind === "back") return null;

  const times = await conversation.external(async () =>
    ((await officeFreeSlotsOn(services.booking, { officeId: office.value.id, date: day.value as JalaliDate, now: new Date() })) ?? []).map((slot) => slot.startsAt.toISOString()),
  );
  if (times.length === 0) return tell(ctx, "booking-day-full");
  const time = await ask(conversation, ctx, choiceQuestion("booking-ask-time", times.map((t) => ({ label: timeButton(new Date(t)), value: t })), 4));
  if (time.kind === "back") return null;
  return { office: office.value, startsAt: time.value };
}

/** The nearest alternatives to a time that filled: the same office's next times, then nearby offices. */
export async function offerAlternatives(conversation: FlowConversation, ctx: FlowContext, services: BookingServices, wanted: ChosenSlot): Promise<ChosenSlot> {
  const options = await conversation.external(async () => {
    const alternatives = await findAlternatives(services.booking, { officeId: wanted.office.id, startsAt: new Date(wanted.startsAt), now: new Date() });
    const catalog = await services.booking.offices.catalog();
    const same = alternatives.sameOffice.map((slot) => ({ office: wanted.office, startsAt: slot.startsAt.toISOString() }));
    const nearby = alternatives.nearby.map((near) => ({
      office: officeChoice(catalog.get(near.office.id) ?? near.office, { distanceKm: near.distanceKm }),
      startsAt: near.slot.startsAt.toISOString(),
    }));
    return [...same, ...nearby];
  });
  if (options.length === 0) {
    await ctx.reply(ctx.t("booking-no-alternatives"));
    return chooseSlot(conversation, ctx, services);
  }
  const labelled = options.map((option, i) => ({ label: ctx.t("booking-alternative", { n: i + 1, office: option.office.name, at: formatDateTime(new Date(option.startsAt)) }), value: option }));
  const chosen = await ask(conversation, ctx, choiceQuestion("booking-ask-alternative", labelled, 1));
  return chosen.kind === "answer" ? chosen.value : chooseSlot(conversation, ctx, services);
}

/** Says why this path found nothing; the caller starts the choice again. */
async function tell(ctx: FlowContext, key: string): Promise<null> {
  await ctx.reply(ctx.t(key));
  return null;
}

/** A shared location, or "latitude, longitude" typed in any digits (Persian decimal separator too). */
function parsePoint(reply: Reply): Result<{ latitude: number; longitude: number }, "not_location"> {
  if (reply.kind === "location") return ok({ latitude: reply.location.latitude, longitude: reply.location.longitude });
  if (reply.kind !== "text") return fail("not_location");
  const text = toLatinDigits(stripInvisibleMarks(reply.text)).replace(/\u066b/g, ".").trim();
  const match = /^(-?\d+(?:\.\d+)?)\s*[,\u060c\s]\s*(-?\d+(?:\.\d+)?)$/.exec(text);
  const [latitude, longitude] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  return Number.isFinite(latitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? ok({ latitude, longitude }) : fail("not_location");
}
