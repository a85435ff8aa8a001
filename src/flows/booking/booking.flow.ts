// Booking: find the citizen's paid application, choose an office by place or time, a day and a
// time, confirm; or change (reschedule, cancel) an appointment already booked.
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import type { Flow } from "../flow.js";
import { mainMenuKeyboard } from "../../bot/keyboards/main-menu.js";
import type { ApplicationView } from "../../domain/application/application-store.js";
import { bookAppointment, checkBookingEligibility } from "../../domain/booking/book-appointment.js";
import { bookedTooLateToChange, changeDeadline, isChangeAllowed } from "../../domain/booking/booking-policy.js";
import { anotherTimeMayHelp, isPaidForBooking, notBookableReason, timeRefusalReason } from "../../domain/booking/booking-refusals.js";
import type { ReminderKind } from "../../domain/booking/reminder-planner.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { cancelAppointment, rescheduleAppointment } from "../../domain/booking/change-appointment.js";
import { fail, ok } from "../../domain/shared/result.js";
import { formatDateTime } from "../../domain/time/persian-format.js";
import { readYesOrNo } from "../../domain/text/yes-or-no.js";
import { ask, leave } from "../kit/ask.js";
import { findByTrackingCode } from "../kit/find-by-tracking-code.js";
import { appointmentParams, officeChoice } from "./booking-view.js";
import { CHOICE_ERRORS } from "./booking-errors.js";
import { clockOf, type BookingServices } from "./booking-services.js";
import { chooseSlot, offerAlternatives, type ChosenSlot } from "./choose-slot.js";

export function bookingFlow(services: BookingServices): Flow {
  return {
    id: "booking",
    menuKey: "menu-booking",
    async run(conversation, ctx) {
      const application = await findApplication(conversation, ctx, services);
      const now = new Date(await conversation.external(() => clockOf(services).toISOString()));
      const standing = await conversation.external(async () => {
        const eligibility = await checkBookingEligibility(services.booking, { applicationId: application.id, now });
        if (eligibility.ok) return { kind: "bookable" as const };
        if (eligibility.error === "no_show_ban") return { kind: "banned" as const, reopensAt: eligibility.reopensAt.toISOString() };
        if (eligibility.error === "application_not_bookable" && eligibility.status === "booked") {
          const live = await services.booking.store.liveAppointmentOf(application.id);
          const office = live ? (await services.booking.offices.catalog()).get(live.officeId) : undefined;
          if (live && office) return { kind: "booked" as const, appointmentId: live.id, startsAt: live.startsAt.toISOString(), office: officeChoice(office) };
        }
        return {
          kind: "not_bookable" as const,
          status: eligibility.ok ? ("paid" as const) : "status" in eligibility ? eligibility.status : ("unknown" as const),
        };
      });

      if (standing.kind === "banned") await leave(conversation, ctx, "booking-no-show-ban", { reopensAt: formatDateTime(new Date(standing.reopensAt)) });
      if (standing.kind === "not_bookable") await leave(conversation, ctx, `booking-not-bookable-${notBookableReason(standing.status)}`);
      if (standing.kind === "booked") {
        const startsAt = new Date(standing.startsAt);
        // Past the cut-off there is nothing to offer but the appointment itself.
        if (!isChangeAllowed(startsAt, now, services.booking.policy)) {
          await ctx.reply(
            ctx.t("booking-current-fixed", {
              ...appointmentParams(ctx, standing.office, startsAt),
              deadline: formatDateTime(changeDeadline(startsAt, services.booking.policy)),
            }),
            {
              reply_markup: mainMenuKeyboard(ctx),
            },
          );
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
  const own = await conversation.external(async () => (await services.applications.findLiveByChat(chatId)).filter(isPaidForBooking).map(brief));
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
  const label = (person: Brief) =>
    ctx.t("booking-person", { firstName: person.firstName, lastName: person.lastName, end: toPersianDigits(person.nationalIdEnd) });
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
  await chooseSlot(conversation, ctx, services, (slot) => confirmAndTake(conversation, ctx, services, application, slot, current));
}

/**
 * The confirm screen and the booking itself. A time that can no longer be taken is explained as it is
 * (filled, passed, too close, closed) and the nearest alternatives are offered; back from the confirm
 * screen returns to the list the time came from.
 */
async function confirmAndTake(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: BookingServices,
  application: { id: string },
  first: ChosenSlot,
  current?: { appointmentId: string; startsAt: Date },
): Promise<"done" | "back"> {
  const policy = services.booking.policy;
  let chosen = first;
  /** The time that could not be taken, when `chosen` is one of its alternatives. */
  let refused: ChosenSlot | undefined;
  for (;;) {
    const startsAt = new Date(chosen.startsAt);
    const now = new Date(await conversation.external(() => clockOf(services).toISOString()));
    // Said before confirming: inside the cut-off a booked time can be neither moved nor cancelled.
    if (bookedTooLateToChange(startsAt, now, policy)) {
      await ctx.reply(ctx.t("booking-fixed-warning", { cutoff: toPersianDigits(Math.round(policy.changeCutoffMs / 3_600_000)) }));
    }
    const confirm = await ask(conversation, ctx, {
      prompt: current ? "booking-confirm-move" : "booking-confirm",
      promptParams: appointmentParams(ctx, chosen.office, startsAt),
      errors: CHOICE_ERRORS,
      buttons: (c) => [[c.t("booking-confirm-button")]],
      parse: (reply) => (reply.kind === "text" && reply.text === ctx.t("booking-confirm-button") ? ok(true) : fail("choose_button")),
    });
    if (confirm.kind === "back") {
      if (!refused) return "back";
      const other = await offerAlternatives(conversation, ctx, services, refused);
      if (!other) return "back";
      chosen = other;
      continue;
    }
    const outcome = await conversation.external(async () => {
      const request = { officeId: chosen.office.id, startsAt, now: clockOf(services) };
      const result = current
        ? await rescheduleAppointment(services.booking, { ...request, appointmentId: current.appointmentId })
        : await bookAppointment(services.booking, { ...request, applicationId: application.id });
      if (result.ok) {
        // Reminders are planned after the seat is ours; a failure here must not undo the booking.
        if (current) await services.reminders?.withdraw(current.appointmentId, current.startsAt).catch(() => undefined);
        const planned = (await services.reminders?.schedule(result.appointment.appointmentId, startsAt).catch(() => undefined)) ?? [];
        return { kind: "booked" as const, reminders: [...planned] };
      }
      // A repeated confirmation (the update redelivered after a crash, or pressed again after the answer
      // was lost) finds its own earlier success: the application's live appointment is the chosen slot.
      if (
        (result.error === "already_booked" || result.error === "appointment_not_active") &&
        (await holdsSlot(services, application.id, chosen.office.id, startsAt))
      ) {
        const planned =
          (await services.reminders?.schedule((await services.booking.store.liveAppointmentOf(application.id))!.id, startsAt).catch(() => undefined)) ?? [];
        return { kind: "booked" as const, reminders: [...planned] };
      }
      if (result.error === "no_show_ban") return { kind: "banned" as const, reopensAt: result.reopensAt.toISOString() };
      if (result.error === "change_cutoff_passed") return { kind: "cutoff" as const, deadline: result.deadline.toISOString() };
      return { kind: "refused" as const, error: result.error };
    });
    if (outcome.kind === "booked") {
      await ctx.reply(
        ctx.t(current ? "booking-moved" : "booking-done", {
          ...appointmentParams(ctx, chosen.office, startsAt),
          reminders: ctx.t(reminderPromiseKey(outcome.reminders)),
        }),
        { reply_markup: mainMenuKeyboard(ctx) },
      );
      return "done";
    }
    if (outcome.kind === "banned") await leave(conversation, ctx, "booking-no-show-ban", { reopensAt: formatDateTime(new Date(outcome.reopensAt)) });
    if (outcome.kind === "cutoff") await leave(conversation, ctx, "booking-cutoff-passed", { deadline: formatDateTime(new Date(outcome.deadline)) });
    if (outcome.kind === "refused" && !anotherTimeMayHelp(outcome.error)) {
      await leave(conversation, ctx, "booking-refused");
    }
    // Why this time cannot be had, as it is; then the nearest alternatives.
    await ctx.reply(ctx.t(`booking-time-refused-${timeRefusalReason(outcome.kind === "refused" ? outcome.error : "")}`));
    refused = chosen;
    const other = await offerAlternatives(conversation, ctx, services, chosen);
    if (!other) return "back";
    chosen = other;
  }
}

/** Whether the application's live appointment is this slot (how a repeated confirmation knows it succeeded). */
async function holdsSlot(services: BookingServices, applicationId: string, officeId: number, startsAt: Date): Promise<boolean> {
  const live = await services.booking.store.liveAppointmentOf(applicationId);
  return live !== null && live.status === "active" && live.officeId === officeId && live.startsAt.getTime() === startsAt.getTime();
}

/** What the success message promises about reminders: exactly the ones planned (none when reminders are off). */
function reminderPromiseKey(planned: readonly ReminderKind[]): string {
  const dayBefore = planned.includes("day-before");
  const twoHours = planned.includes("two-hours");
  if (dayBefore && twoHours) return "booking-reminders-both";
  if (dayBefore) return "booking-reminders-day-before";
  if (twoHours) return "booking-reminders-two-hours";
  return "booking-reminders-none";
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
    const result = await cancelAppointment(services.booking, { appointmentId, now: clockOf(services) });
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
