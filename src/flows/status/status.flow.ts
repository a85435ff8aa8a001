// Status check: national ID + tracking code → the stage, the timeline and what to do next.
import type { FlowContext } from "../../bot/context.js";
import type { Flow } from "../flow.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { ApplicationStore, ApplicationView } from "../../domain/application/application-store.js";
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import { nextStep } from "../../domain/application/next-step.js";
import { timelineEntries } from "../../domain/application/timeline-entries.js";
import type { BookingDeps } from "../../domain/booking/booking-deps.js";
import { runningBanEnd } from "../../domain/booking/booking-policy.js";
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import type { AttemptLimiter } from "../../domain/security/attempt-limiter.js";
import { formatDateTime, formatJalaliDate, formatToman } from "../../domain/time/persian-format.js";
import { findByTrackingCode } from "../kit/find-by-tracking-code.js";
import { appointmentParams, officeChoice, type OfficeChoice } from "../booking/booking-view.js";
import type { ApplicationWithFacts, StatusReads } from "./status-reads.js";

export interface StatusServices {
  applications: ApplicationStore;
  limiter: AttemptLimiter;
  tariffs: TariffBook;
  /** The office catalogue (names of the booked office and of the card's office). */
  booking: Pick<BookingDeps, "offices">;
  /** The application by its tracking code with its live appointment, no-show ban and issued card, read in one statement. */
  reads: StatusReads;
}

/** What the status text shows about appointments, as plain data for the conversation's state. */
interface AppointmentFacts {
  booked?: { office: OfficeChoice; startsAt: string };
  banEndsAt?: string;
  /** The office the card waits at (ready) or is on its way to (in transit). */
  cardOffice?: string;
}

export function statusFlow(services: StatusServices): Flow {
  return {
    id: "status",
    menuKey: "menu-status",
    async run(conversation, ctx) {
      // The application by its code comes with its appointment, ban and card: one statement for both.
      const lookup = {
        findLive: (id: string) => services.applications.findLive(id),
        findByTrackingCode: (code: string) => services.reads.findByTrackingCode(code),
      };
      const found = await findByTrackingCode(
        conversation,
        ctx,
        { applications: lookup, limiter: services.limiter },
        async (application: ApplicationWithFacts): Promise<StatusLookup> => {
          const tariff = await services.tariffs.inForce(new Date());
          const facts = await appointmentFacts(services, application);
          return { application: statusFacts(application), deliveryRial: tariff.deliveryRial, appointment: facts };
        },
      );
      await ctx.reply(statusText(ctx, found.application, found.deliveryRial, found.appointment), { reply_markup: mainMenuKeyboard(ctx) });
    },
  };
}

/** The appointment, the ban and the card as read with the application; office names come from the cached catalogue. */
async function appointmentFacts(services: StatusServices, application: ApplicationWithFacts): Promise<AppointmentFacts> {
  const { live, bookingReopensAt, card } = application.facts;
  const catalog = live || card ? await services.booking.offices.catalog() : undefined;
  const office = live ? catalog?.get(live.officeId) : undefined;
  const banEndsAt = runningBanEnd({ status: application.status, bookingReopensAt }, new Date())?.toISOString();
  const cardOfficeId = card?.status === "in_transit" ? card.transferOfficeId : card?.officeId;
  const cardOffice = cardOfficeId ? catalog?.get(cardOfficeId)?.name : undefined;
  return {
    booked: live && office ? { office: officeChoice(office), startsAt: live.startsAt.toISOString() } : undefined,
    banEndsAt,
    ...(cardOffice ? { cardOffice } : {}),
  };
}

/** Everything the status text needs, found once and kept in the conversation's state. */
interface StatusLookup {
  application: StatusFacts;
  deliveryRial: number;
  appointment: AppointmentFacts;
}

/** What the status text shows of an application, as plain data for the conversation's state. */
interface StatusFacts {
  firstName: string;
  status: ApplicationState;
  timeline: Array<{ status: ApplicationState; at: string }>;
}

const statusFacts = (application: ApplicationView): StatusFacts => ({
  firstName: application.firstName,
  status: application.status,
  timeline: application.timeline.map((event) => ({ status: event.status, at: event.at.toISOString() })),
});

function statusText(ctx: FlowContext, application: StatusFacts, deliveryRial: number, facts: AppointmentFacts): string {
  const timeline = timelineEntries(application.timeline)
    .map((entry) =>
      ctx.t("status-timeline-line", {
        stage: entry.kind === "appointment_cancelled" ? ctx.t("status-timeline-appointment-cancelled") : ctx.t(`status-stage-${entry.kind}`),
        at: formatDateTime(new Date(entry.at)),
      }),
    )
    .join("\n");
  const step = nextStep(application, {
    booked: facts.booked !== undefined,
    banEndsAt: facts.banEndsAt ? new Date(facts.banEndsAt) : undefined,
    ...(facts.cardOffice ? { cardOffice: facts.cardOffice } : {}),
  });
  const next =
    step.kind === "card_at"
      ? ctx.t(`status-next-${application.status}-at`, { office: step.office, deliveryFee: formatToman(deliveryRial) })
      : step.kind === "card_window"
        ? ctx.t("status-next-card-window", { from: formatJalaliDate(step.from), to: formatJalaliDate(step.to) })
        : step.kind === "booked_at" && facts.booked
          ? ctx.t("status-next-booked-at", appointmentParams(ctx, facts.booked.office, new Date(facts.booked.startsAt)))
          : step.kind === "no_show_until"
            ? ctx.t("status-next-no-show-until", { until: formatDateTime(step.until) })
            : ctx.t(`status-next-${application.status}`, { deliveryFee: formatToman(deliveryRial) });
  return ctx.t("status-result", {
    name: application.firstName,
    stage: ctx.t(`status-stage-${application.status}`),
    timeline,
    next,
  });
}
