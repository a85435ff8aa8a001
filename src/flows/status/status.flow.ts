// Status check: national ID + tracking code → the stage, the timeline and what to do next.
import type { FlowContext } from "../../bot/context.js";
import type { Flow } from "../flow.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { ApplicationStore, ApplicationView } from "../../domain/application/application-store.js";
import type { BookingDeps } from "../../domain/booking/booking-deps.js";
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import type { AttemptLimiter } from "../../domain/security/attempt-limiter.js";
import { formatDateTime, formatJalaliDate, formatToman } from "../../domain/time/persian-format.js";
import { findByTrackingCode } from "../kit/find-by-tracking-code.js";
import { appointmentParams, officeChoice, type OfficeChoice } from "../booking/booking-view.js";

export interface StatusServices {
  applications: ApplicationStore;
  limiter: AttemptLimiter;
  tariffs: TariffBook;
  /** Appointments: the booked office and time, and when a no-show ban ends. */
  booking: BookingDeps;
}

/** What the status text shows about appointments, as plain data for the conversation's state. */
interface AppointmentFacts {
  booked?: { office: OfficeChoice; startsAt: string };
  banEndsAt?: string;
}

/** The card is issued 15 days to a month after the in-person visit (seed document, stage 4). */
const CARD_WINDOW_DAYS = { from: 15, to: 30 };
const DAY_MS = 24 * 3600 * 1000;

export function statusFlow(services: StatusServices): Flow {
  return {
    id: "status",
    menuKey: "menu-status",
    async run(conversation, ctx) {
      const found = await findByTrackingCode(conversation, ctx, services, async (application) => {
        const tariff = await services.tariffs.inForce(new Date());
        return { application, deliveryRial: tariff.deliveryRial, appointment: await appointmentFacts(services.booking, application.id) };
      });
      await ctx.reply(statusText(ctx, found.application, found.deliveryRial, found.appointment), { reply_markup: mainMenuKeyboard(ctx) });
    },
  };
}

async function appointmentFacts(booking: BookingDeps, applicationId: string): Promise<AppointmentFacts> {
  const [live, standing] = await Promise.all([booking.store.liveAppointmentOf(applicationId), booking.store.standing(applicationId)]);
  const office = live ? (await booking.offices.catalog()).get(live.officeId) : undefined;
  const banEndsAt = standing?.bookingReopensAt && standing.bookingReopensAt > new Date() ? standing.bookingReopensAt.toISOString() : undefined;
  return { booked: live && office ? { office: officeChoice(office), startsAt: live.startsAt.toISOString() } : undefined, banEndsAt };
}

function statusText(ctx: FlowContext, application: ApplicationView, deliveryRial: number, facts: AppointmentFacts): string {
  const timeline = application.timeline
    .map((event) => ctx.t("status-timeline-line", { stage: ctx.t(`status-stage-${event.status}`), at: formatDateTime(new Date(event.at)) }))
    .join("\n");
  const completedAt = application.timeline.find((event) => event.status === "completed_in_person")?.at;
  const next = completedAt && ["completed_in_person", "in_production"].includes(application.status)
    ? ctx.t("status-next-card-window", {
        from: formatJalaliDate(new Date(new Date(completedAt).getTime() + CARD_WINDOW_DAYS.from * DAY_MS)),
        to: formatJalaliDate(new Date(new Date(completedAt).getTime() + CARD_WINDOW_DAYS.to * DAY_MS)),
      })
    : facts.booked && application.status === "booked"
      ? ctx.t("status-next-booked-at", appointmentParams(ctx, facts.booked.office, new Date(facts.booked.startsAt)))
      : facts.banEndsAt && application.status === "no_show"
        ? ctx.t("status-next-no-show-until", { until: formatDateTime(new Date(facts.banEndsAt)) })
        : ctx.t(`status-next-${application.status}`, { deliveryFee: formatToman(deliveryRial) });
  return ctx.t("status-result", {
    name: application.firstName,
    stage: ctx.t(`status-stage-${application.status}`),
    timeline,
    next,
  });
}
