// Booking: find the citizen's paid application, choose an office by place or time, a day and a
// time, confirm; or change (reschedule, cancel) an appointment already booked.
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import type { Flow } from "../flow.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { ApplicationView } from "../../domain/application/application-store.js";
import { bookAppointment, checkBookingEligibility } from "../../domain/booking/book-appointment.js";
import { changeDeadline, isChangeAllowed } from "../../domain/booking/booking-policy.js";
import { anotherTimeMayHelp, isPaidForBooking, notBookableReason } from "../../domain/booking/booking-refusals.js";
import { cancelAppointment, rescheduleAppointment } from "../../domain/booking/change-appointment.js";
import { fail, ok } from "../../domain/shared/result.js";
import { formatDateTime } from "../../domain/time/persian-format.js";
import { readYesOrNo } from "../../domain/text/yes-or-no.js";
import { ask, leave } from "../kit/ask.js";
import { findByTrackingCode } from "../kit/find-by-tracking-code.js";
import { appointmentParams, officeChoice } from "./booking-view.js";
import { CHOICE_ERRORS } from "./booking-errors.js";
import type { BookingServices } from "./booking-services.js";
import { chooseSlot, offerAlternatives, type ChosenSlot } from "./choose-slot.js";

export function bookingFlow(services: BookingServices): Flow {
  return {
    id: "booking",
    menuKey: "menu-booking",
    async run(conversation, ctx) {
      const application = await findApplication(conversation, ctx, services);
      const now = new Date(await conversation.now());
      const standing = await conversation.external(async () => {
        const eligibility = await checkBookingEligibility(services.booking, { applicationId: application.id, now });
        if (eligibility.ok) return { kind: "bookable" as const };
        if (eligibility.error === "no_show_ban") return { kind: "banned" as const, reopensAt: eligibility.reopensAt.toISOString() };
        if (eligibility.error === "application_not_bookable" && eligibility.status === "booked") {
          const live = await services.booking.store.liveAppointmentOf(application.id);
          const office = live ? (await services.booking.offices.catalog()).get(live.officeId) : undefined;
          if (live && office) return { kind: "booked" as const, appointmentId: live.id, startsAt: live.startsAt.toISOString(), office: officeChoice(office) };
        }
        return { kind: "not_bookable" as const, status: eligibility.ok ? ("paid" as const) : "status" in eligibility ? eligibility.status : ("unknown" as const) };
      });

      if (standing.kind === "banned") await leave(conversation, ctx, "booking-no-show-ban", { reopensAt: formatDateTime(new Date(standing.reopensAt)) });
      if (standing.kind === "not_bookable") await leave(conversation, ctx, `booking-not-bookable-${notBookableReason(standing.status)}`);
      if (standing.kind === "booked") {
        const startsAt = new Date(standing.startsAt);
        // Past the cut-off there is nothing to offer but the appointment itself.
        if (!isChangeAllowed(startsAt, now, services.booking.policy)) {
          await ctx.reply(ctx.t("booking-current-fixed", { ...appointmentParams(ctx, standing.office, startsAt), deadline: formatDateTime(changeDeadline(startsAt, services.booking.policy)) }), {
            reply_markup: mainMenuKeyboard(ctx),
          });
          return;
        }
        const choice = await ask(conversation, ctx, {
          prompt: "booking-current",
          promptParams: appointmentParams(ctx, standing.office, startsAt),
          errors: CHOICE_ERRORS,
          back: false,
          buttons: (c) => [[c.t("booking-reschedule"), c.t("booking-cancel-appointment")]],
          parse: (reply) =>
            reply.kind === "text" && reply.text === ctx.t("booking-reschedule")
              ? ok("reschedule" as const)
              : reply.kind === "text" && reply.text === ctx.t("booking-cancel-appointment")
                ? ok("cancel" as const)
                : fail("choose_button"),
        });
        if (choice.kind === "back") return;
        if (choice.value === "cancel") return cancel(conversation, ctx, services, standing.appointmentId, startsAt);
        return book(conversation, ctx, services, application, { appointmentId: standing.appointmentId, startsAt });
      }
      return book(conversation, ctx, services, application);
    },
  };
}

/**
 * The application to book for: the one registered from this chat, or one found by national ID and
 * tracking code (any chat may book for a citizen who has both; guessing is limited as in the status check).
 */
async function findApplication(conversation: FlowConversation, ctx: FlowContext, services: BookingServices): Promise<{ id: string; firstName: string }> {
  const chatId = ctx.chatId!;
  const own = await conversation.external(async () =>
    (await services.applications.findLiveByChat(chatId)).filter(isPaidForBooking).map(brief),
  );
  if (own.length === 1) {
    await ctx.reply(ctx.t("booking-for", { name: own[0]!.firstName }));
    return own[0]!;
  }
  await ctx.reply(ctx.t("booking-identify"));
  return findByTrackingCode(conversation, ctx, services, async (application) => brief(application));
}

const brief = (application: ApplicationView) => ({ id: application.id, firstName: application.firstName });

/** Chooses a slot and takes it: a new booking, or a move of `current` (its seat is kept if the move fails). */
async function book(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: BookingServices,
  application: { id: string },
  current?: { appointmentId: string; startsAt: Date },
): Promise<void> {
  let chosen: ChosenSlot = await chooseSlot(conversation, ctx, services);
  for (;;) {
    const startsAt = new Date(chosen.startsAt);
    const confirm = await ask(conversation, ctx, {
      prompt: current ? "booking-confirm-move" : "booking-confirm",
      promptParams: appointmentParams(ctx, chosen.office, startsAt),
      errors: CHOICE_ERRORS,
      buttons: (c) => [[c.t("booking-confirm-button")]],
      parse: (reply) => (reply.kind === "text" && reply.text === ctx.t("booking-confirm-button") ? ok(true) : fail("choose_button")),
    });
    if (confirm.kind === "back") {
      chosen = await chooseSlot(conversation, ctx, services);
      continue;
    }
    const outcome = await conversation.external(async () => {
      const now = new Date();
      const request = { officeId: chosen.office.id, startsAt, now };
      const result = current
        ? await rescheduleAppointment(services.booking, { ...request, appointmentId: current.appointmentId })
        : await bookAppointment(services.booking, { ...request, applicationId: application.id });
      if (result.ok) {
        // Reminders are planned after the seat is ours; a failure here must not undo the booking.
        if (current) await services.reminders?.withdraw(current.appointmentId, current.startsAt).catch(() => undefined);
        await services.reminders?.schedule(result.appointment.appointmentId, startsAt).catch(() => undefined);
        return { kind: "booked" as const };
      }
      if (result.error === "no_show_ban") return { kind: "banned" as const, reopensAt: result.reopensAt.toISOString() };
      if (result.error === "change_cutoff_passed") return { kind: "cutoff" as const, deadline: result.deadline.toISOString() };
      return { kind: "refused" as const, error: result.error };
    });
    if (outcome.kind === "booked") {
      await ctx.reply(ctx.t(current ? "booking-moved" : "booking-done", appointmentParams(ctx, chosen.office, startsAt)), {
        reply_markup: mainMenuKeyboard(ctx),
      });
      return;
    }
    if (outcome.kind === "banned") await leave(conversation, ctx, "booking-no-show-ban", { reopensAt: formatDateTime(new Date(outcome.reopensAt)) });
    if (outcome.kind === "cutoff") await leave(conversation, ctx, "booking-cutoff-passed", { deadline: formatDateTime(new Date(outcome.deadline)) });
    if (outcome.kind === "refused" && !anotherTimeMayHelp(outcome.error)) {
      await leave(conversation, ctx, "booking-refused");
    }
    // The time filled (or closed) since it was offered: say so and offer the nearest alternatives.
    await ctx.reply(ctx.t("booking-slot-taken"));
    chosen = await offerAlternatives(conversation, ctx, services, chosen);
  }
}

async function cancel(conversation: FlowConversation, ctx: FlowContext, services: BookingServices, appointmentId: string, startsAt: Date): Promise<void> {
  const sure = await ask(conversation, ctx, {
    prompt: "booking-cancel-sure",
    errors: CHOICE_ERRORS,
    buttons: (c) => [[c.t("booking-cancel-yes"), c.t("booking-cancel-keep")]],
    back: false,
    cancelButton: false,
    parse: (reply) => {
      if (reply.kind !== "text") return fail("choose_button");
      if (reply.text === ctx.t("booking-cancel-yes")) return ok(true);
      if (reply.text === ctx.t("booking-cancel-keep")) return ok(false);
      const typed = readYesOrNo(reply.text);
      return typed === undefined ? fail("choose_button") : ok(typed);
    },
  });
  if (sure.kind === "back" || !sure.value) return leave(conversation, ctx, "booking-kept");
  const outcome = await conversation.external(async () => {
    const result = await cancelAppointment(services.booking, { appointmentId, now: new Date() });
    if (result.ok) {
      await services.reminders?.withdraw(appointmentId, startsAt).catch(() => undefined);
      return { kind: "cancelled" as const };
    }
    return result.error === "change_cutoff_passed" ? { kind: "cutoff" as const, deadline: result.deadline.toISOString() } : { kind: "refused" as const };
  });
  if (outcome.kind === "cancelled") return void (await ctx.reply(ctx.t("booking-cancelled"), { reply_markup: mainMenuKeyboard(ctx) }));
  if (outcome.kind === "cutoff") return leave(conversation, ctx, "booking-cutoff-passed", { deadline: formatDateTime(new Date(outcome.deadline)) });
  return leave(conversation, ctx, "booking-refused");
}
