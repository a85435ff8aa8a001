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
import { toPersianDigits } from "../../domain/text/digits.js";
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
        if (!isChangeAllowed(startsAt, now)) {
          await ctx.reply(ctx.t("booking-current-fixed", { ...appointmentParams(ctx, standing.office, startsAt), deadline: formatDateTime(changeDeadline(startsAt)) }), {
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
  // A family registered from one phone: say whose appointment this is (or someone else's, by code).
  const chosen = own.length > 1 ? await choosePerson(conversation, ctx, own) : undefined;
  if (chosen) {
    await ctx.reply(ctx.t("booking-for", { name: chosen.firstName }));
    return chosen;
  }
  await ctx.reply(ctx.t("booking-identify"));
  return findByTrackingCode(conversation, ctx, services, async (application) => brief(application));
}

type Brief = { id: string; firstName: string; lastName: string; nationalIdEnd: string };

const brief = (application: ApplicationView): Brief => ({
  id: application.id,
  firstName: application.firstName,
  lastName: application.lastName,
  // The last four digits tell two people of one family with the same name apart without showing the whole ID.
  nationalIdEnd: application.nationalId.slice(-4),
});

/** One button per person registered from this chat, and one for someone else; undefined for someone else. */
async function choosePerson(conversation: FlowConversation, ctx: FlowContext, people: Brief[]): Promise<Brief | undefined> {
  const label = (person: Brief) => ctx.t("booking-person", { firstName: person.firstName, lastName: person.lastName, end: toPersianDigits(person.nationalIdEnd) });
  const someoneElse = ctx.t("booking-person-someone-else");
  const answer = await ask(conversation, ctx, {
    prompt: "booking-ask-person",
    errors: CHOICE_ERRORS,
    back: false,
    buttons: () => [...people.map((person) => [label(person)]), [someoneElse]],
    parse: (reply) => {
      if (reply.kind !== "text") return fail("choose_button");
      if (reply.text === someoneElse) return ok(undefined);
      const person = people.find((candidate) => label(candidate) === reply.text);
      return person ? ok(person) : fail("choose_button");
    },
  });
  return answer.kind === "answer" ? answer.value : undefined;
}

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
      // A repeated confirmation (the update redelivered after a crash, or pressed again after the answer
      // was lost) finds its own earlier success: the application's live appointment is the chosen slot.
      if ((result.error === "already_booked" || result.error === "appointment_not_active") && (await holdsSlot(services, application.id, chosen.office.id, startsAt))) {
        await services.reminders?.schedule((await services.booking.store.liveAppointmentOf(application.id))!.id, startsAt).catch(() => undefined);
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

/** Whether the application's live appointment is this slot (how a repeated confirmation knows it succeeded). */
async function holdsSlot(services: BookingServices, applicationId: string, officeId: number, startsAt: Date): Promise<boolean> {
  const live = await services.booking.store.liveAppointmentOf(applicationId);
  return live !== null && live.status === "active" && live.officeId === officeId && live.startsAt.getTime() === startsAt.getTime();
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
    // Pressed again after the first press cancelled it (its answer lost): that earlier success is the answer.
    const repeated = !result.ok && result.error === "appointment_not_active" && result.status === "cancelled";
    if (result.ok || repeated) {
      await services.reminders?.withdraw(appointmentId, startsAt).catch(() => undefined);
      return { kind: "cancelled" as const };
    }
    return result.error === "change_cutoff_passed" ? { kind: "cutoff" as const, deadline: result.deadline.toISOString() } : { kind: "refused" as const };
  });
  if (outcome.kind === "cancelled") return void (await ctx.reply(ctx.t("booking-cancelled"), { reply_markup: mainMenuKeyboard(ctx) }));
  if (outcome.kind === "cutoff") return leave(conversation, ctx, "booking-cutoff-passed", { deadline: formatDateTime(new Date(outcome.deadline)) });
  return leave(conversation, ctx, "booking-refused");
}
