// «محل تحویل کارت»: national ID + tracking code (the status check's guessing limits) → where the card waits
// (the office as a venue, its hours, the fee, what to bring, held until when), or where the application stands
// and when the card is expected; a ready card can be moved to another office (nearest to a location, or by
// province and city): it goes in transit and is ready again when that office receives it.
import { Keyboard } from "grammy";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { ApplicationStore, ApplicationView } from "../../domain/application/application-store.js";
import type { OfficeDirectory } from "../../domain/booking/office-catalog.js";
import { persianWeeklyHours } from "../../domain/booking/weekly-hours-persian.js";
import { productionWindow } from "../../domain/cards/card.js";
import type { CardStore } from "../../domain/cards/card-store.js";
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import type { PlaceDirectory } from "../../domain/places/place-directory.js";
import type { AttemptLimiter } from "../../domain/security/attempt-limiter.js";
import { fail, ok } from "../../domain/shared/result.js";
import { formatJalaliDate, formatToman } from "../../domain/time/persian-format.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { parsePlace } from "../booking/choose-slot.js";
import { PICKUP_CHOICE_ERRORS } from "./pickup-errors.js";
import { LOCATION_ERRORS } from "../booking/booking-errors.js";
import type { Flow } from "../flow.js";
import { ask, leave } from "../kit/ask.js";
import { findByTrackingCode } from "../kit/find-by-tracking-code.js";
import { inRows } from "../kit/navigation.js";
import { cityQuestion, provinceQuestion } from "../pre-registration/questions.js";

export interface CardPickupServices {
  applications: ApplicationStore;
  limiter: AttemptLimiter;
  cards: CardStore;
  offices: OfficeDirectory;
  places: PlaceDirectory;
  tariffs: TariffBook;
  notifyNow(): void;
}

/** A pickup office as plain data (conversations keep what external steps return as JSON). */
interface PickupOffice {
  id: number;
  name: string;
  address: string;
  phone: string;
  hours: string;
  latitude: number;
  longitude: number;
}

/** What the journey found, as plain data. */
type Found =
  | { kind: "ready"; applicationId: string; name: string; office: PickupOffice; heldUntil: string; deliveryRial: number }
  | { kind: "in_transit"; name: string; office: PickupOffice }
  | { kind: "delivered"; name: string }
  | { kind: "not_yet"; name: string; stage: string; windowFrom?: string; windowTo?: string };

export function cardPickupFlow(services: CardPickupServices): Flow {
  return {
    id: "card-pickup",
    menuKey: "menu-pickup",
    async run(conversation, ctx) {
      await ctx.reply(ctx.t("pickup-intro"));
      // Wrapped in an object: external() results are checked for JSON safety property by property.
      const { found } = await findByTrackingCode(
        conversation,
        ctx,
        services,
        async (application: ApplicationView): Promise<{ found: Found }> => ({ found: await whereIsTheCard(services, application) }),
      );
      if (found.kind === "delivered") return void (await ctx.reply(ctx.t("pickup-delivered", { name: found.name }), { reply_markup: mainMenuKeyboard(ctx) }));
      if (found.kind === "in_transit") return showInTransit(ctx, found.name, found.office);
      if (found.kind === "not_yet") {
        const key = found.windowFrom ? "pickup-not-yet-window" : "pickup-not-yet";
        const params = {
          name: found.name,
          stage: ctx.t(`status-stage-${found.stage}`),
          from: found.windowFrom ? formatJalaliDate(new Date(found.windowFrom)) : "",
          to: found.windowTo ? formatJalaliDate(new Date(found.windowTo)) : "",
        };
        return void (await ctx.reply(ctx.t(key, params), { reply_markup: mainMenuKeyboard(ctx) }));
      }
      await showReady(ctx, found);
      const choice = await ask(conversation, ctx, {
        prompt: "pickup-ask-change",
        errors: PICKUP_CHOICE_ERRORS,
        back: false,
        buttons: (c) => [[c.t("pickup-keep")], [c.t("pickup-change-nearest"), c.t("pickup-change-city")]],
        parse: (reply) => {
          const options = { [ctx.t("pickup-keep")]: "keep", [ctx.t("pickup-change-nearest")]: "nearest", [ctx.t("pickup-change-city")]: "city" } as const;
          return reply.kind === "text" && reply.text in options ? ok(options[reply.text]!) : fail("choose_button");
        },
      });
      if (choice.kind === "back" || choice.value === "keep") return leave(conversation, ctx, "pickup-kept");
      const office = await chooseOffice(conversation, ctx, services, choice.value, found.office.id);
      const outcome = await conversation.external(async () => (await services.cards.requestTransfer(found.applicationId, office.id, new Date())).kind);
      if (outcome === "done") services.notifyNow();
      return leave(conversation, ctx, outcome === "done" || outcome === "already" ? "pickup-transfer-requested" : "pickup-transfer-refused", {
        office: office.name,
      });
    },
  };
}

async function whereIsTheCard(services: CardPickupServices, application: ApplicationView): Promise<Found> {
  const card = await services.cards.cardOf(application.id);
  const catalog = await services.offices.catalog();
  const officeOf = (id: number): PickupOffice => {
    const office = catalog.get(id)!;
    return {
      id,
      name: office.name,
      address: office.address,
      phone: office.phone,
      hours: persianWeeklyHours(office.weeklyHours),
      latitude: office.location.latitude,
      longitude: office.location.longitude,
    };
  };
  if (card?.status === "ready") {
    const deliveryRial = (await services.tariffs.inForce(new Date())).deliveryRial;
    return {
      kind: "ready",
      applicationId: application.id,
      name: application.firstName,
      office: officeOf(card.officeId),
      heldUntil: card.heldUntil.toISOString(),
      deliveryRial,
    };
  }
  if (card?.status === "in_transit" && card.transferOfficeId !== null)
    return { kind: "in_transit", name: application.firstName, office: officeOf(card.transferOfficeId) };
  if (card?.status === "delivered" || application.status === "delivered") return { kind: "delivered", name: application.firstName };
  const completedAt = application.timeline.find((event) => event.status === "in_production" || event.status === "completed_in_person")?.at;
  const window = completedAt ? productionWindow(new Date(completedAt)) : undefined;
  return {
    kind: "not_yet",
    name: application.firstName,
    stage: application.status,
    windowFrom: window?.from.toISOString(),
    windowTo: window?.to.toISOString(),
  };
}

async function showReady(ctx: FlowContext, found: Extract<Found, { kind: "ready" }>): Promise<void> {
  await ctx.reply(
    ctx.t("pickup-ready", {
      name: found.name,
      office: found.office.name,
      address: found.office.address,
      phone: toPersianDigits(found.office.phone),
      hours: found.office.hours,
      deliveryFee: formatToman(found.deliveryRial),
      heldUntil: formatJalaliDate(new Date(found.heldUntil)),
    }),
  );
  await ctx.replyWithVenue(found.office.latitude, found.office.longitude, found.office.name, found.office.address);
}

async function showInTransit(ctx: FlowContext, name: string, office: PickupOffice): Promise<void> {
  await ctx.reply(ctx.t("pickup-in-transit", { name, office: office.name }), { reply_markup: mainMenuKeyboard(ctx) });
}

/** The new pickup office: one of the nearest to a shared location, or one in a chosen province and city. */
async function chooseOffice(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: CardPickupServices,
  mode: "nearest" | "city",
  currentOfficeId: number,
): Promise<PickupOffice> {
  // Back, or a place without offices, asks again from the start: rewound, so the log keeps one way through.
  // Provinces and cities are reference data read live from the place directory's memory cache.
  const again = conversation.checkpoint();
  let offices: Array<{ id: number; name: string; address: string }> = [];
  if (mode === "nearest") {
    const point = await ask(conversation, ctx, {
      prompt: "booking-ask-location",
      errors: LOCATION_ERRORS,
      accepts: ["location"],
      back: false,
      buttons: (c) => [[Keyboard.requestLocation(c.t("booking-share-location"))]],
      // A shared location or typed coordinates (a typed city name is for booking's own search).
      parse: (reply) => {
        const place = parsePlace(reply);
        return place.ok && "point" in place.value ? ok(place.value.point) : fail("not_location");
      },
    });
    if (point.kind === "back") return conversation.rewind(again);
    offices = await conversation.external(async () =>
      (await services.offices.catalog())
        .nearest(point.value, { limit: 6 })
        .filter((near) => near.office.id !== currentOfficeId)
        .slice(0, 5)
        .map((near) => ({ id: near.office.id, name: near.office.name, address: near.office.address })),
    );
  } else {
    const provinces = await services.places.provinces();
    const province = await ask(conversation, ctx, { ...provinceQuestion(provinces, "booking-ask-province"), back: false });
    if (province.kind === "back") return conversation.rewind(again);
    const cities = await services.places.citiesOf(province.value.id);
    const city = await ask(conversation, ctx, cityQuestion(cities, province.value.name, "booking-ask-city"));
    if (city.kind === "back") return conversation.rewind(again);
    offices = await conversation.external(async () =>
      (await services.offices.catalog())
        .activeInCity(city.value.id)
        .filter((office) => office.id !== currentOfficeId)
        .slice(0, 10)
        .map((office) => ({ id: office.id, name: office.name, address: office.address })),
    );
  }
  if (offices.length === 0) {
    await ctx.reply(ctx.t("pickup-no-office"));
    return conversation.rewind(again);
  }
  const labels = offices.map((office, i) => `${toPersianDigits(i + 1)}. ${office.name}`);
  await ctx.reply([ctx.t("pickup-offices"), ...offices.map((office, i) => `${labels[i]} — ${office.address}`)].join("\n"));
  const chosen = await ask(conversation, ctx, {
    prompt: "pickup-ask-office",
    errors: PICKUP_CHOICE_ERRORS,
    buttons: () => inRows(labels, 1),
    parse: (reply) => {
      const index = reply.kind === "text" ? labels.indexOf(reply.text) : -1;
      return index >= 0 ? ok(offices[index]!) : fail("choose_button");
    },
  });
  if (chosen.kind === "back") return conversation.rewind(again);
  const full = await conversation.external(async () => {
    const office = (await services.offices.catalog()).get(chosen.value.id)!;
    return {
      id: office.id,
      name: office.name,
      address: office.address,
      phone: office.phone,
      hours: persianWeeklyHours(office.weeklyHours),
      latitude: office.location.latitude,
      longitude: office.location.longitude,
    };
  });
  return full;
}
