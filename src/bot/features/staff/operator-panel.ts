// The operator's panel: appointments of today and tomorrow, the visit card and its buttons (check-in, checklist,
// fee, complete, no-show), uncollected and incoming cards. Every button re-checks the member on the server.
import { Composer } from "grammy";
import { checkInWindow } from "../../../domain/booking/booking-policy.js";
import type { DeskOutcome } from "../../../domain/staff/visit.js";
import type { StaffMember } from "../../../domain/staff/staff-member.js";
import { addDays } from "../../../domain/time/jalali.js";
import { formatDateTime, formatJalaliDate, formatToman } from "../../../domain/time/persian-format.js";
import { jalaliDateInTehran, tehranWallTimeToInstant } from "../../../domain/time/tehran-clock.js";
import { STAFF_PAGE_SIZE, type StaffServices } from "../../../flows/staff/staff-services.js";
import {
  onCallbackData,
  staffAppointmentsData,
  staffCheckInData,
  staffCompleteData,
  staffDeliverData,
  staffFeeData,
  staffItemData,
  staffNoShowData,
  staffReceiveData,
  staffUncollectedData,
  staffVisitData,
  visitItemOfCode,
} from "../../callback-data/index.js";
import type { BotContext } from "../../context.js";
import { staffFor } from "./staff-access.js";
import { appointmentListView, incomingView, uncollectedView, visitCardView } from "./staff-views.js";

/** The Tehran day of `now` (today) or the next one, as [from, to). */
function tehranDay(now: Date, day: "today" | "tomorrow"): { from: Date; to: Date } {
  const date = addDays(jalaliDateInTehran(now), day === "today" ? 0 : 1);
  return { from: tehranWallTimeToInstant(date, 0, 0), to: tehranWallTimeToInstant(addDays(date, 1), 0, 0) };
}

const officeOf = (member: StaffMember) => (member.scope.kind === "office" ? member.scope.officeId : -1);

/** Answers the press with what happened; "already" tells a double press it was done once. */
export async function answerOutcome(ctx: BotContext, outcome: DeskOutcome, doneKey: string, params: Record<string, string | number> = {}): Promise<void> {
  const text =
    outcome.kind === "done"
      ? ctx.t(doneKey, params)
      : outcome.kind === "outside_window"
        ? ctx.t("staff-outcome-outside_window", { opensAt: formatDateTime(outcome.opensAt), closesAt: formatDateTime(outcome.closesAt) })
        : outcome.kind === "too_early"
          ? ctx.t("staff-outcome-too_early", { from: formatDateTime(outcome.from) })
          : outcome.kind === "fee_above_tariff"
            ? ctx.t("staff-outcome-fee_above_tariff", { cap: formatToman(outcome.maxRial) })
            : outcome.kind === "incomplete"
              ? ctx.t("staff-outcome-incomplete", {
                  missing: [...outcome.items.map((item) => ctx.t(`staff-item-${item}`)), ...(outcome.fee ? [ctx.t("staff-item-fee")] : [])].join("\u060C "),
                })
              : ctx.t(`staff-outcome-${outcome.kind}`);
  if (outcome.kind !== "done" && outcome.kind !== "already") ctx.logger.info({ outcome: outcome.kind }, "staff action not done");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: outcome.kind !== "done" });
  else await ctx.reply(text);
}

export function operatorPanelFeature(services: StaffServices): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** Sends the visit card, fresh from the database. */
  const showVisit = async (ctx: BotContext, member: StaffMember, appointmentId: string) => {
    const visit = await services.desk.visit(appointmentId);
    if (!visit || visit.officeId !== officeOf(member)) return ctx.reply(ctx.t("staff-outcome-not_found"));
    const cap = await services.desk.completionFeeCap(visit.applicationId, new Date());
    const view = visitCardView(ctx, member, visit, cap);
    return ctx.reply(view.text, { reply_markup: view.keyboard });
  };

  onCallbackData(feature, staffAppointmentsData, async (ctx, { userId, day, page }) => {
    const member = await staffFor(ctx, services.staff, "appointments.list", { ownerUserId: userId });
    if (!member) return;
    await ctx.answerCallbackQuery();
    await sendAppointments(ctx, services, member, day, page);
  });

  onCallbackData(feature, staffVisitData, async (ctx, { userId, appointmentId }) => {
    const member = await staffFor(ctx, services.staff, "appointments.list", { ownerUserId: userId });
    if (!member) return;
    await ctx.answerCallbackQuery();
    await showVisit(ctx, member, appointmentId);
  });

  onCallbackData(feature, staffCheckInData, async (ctx, { userId, appointmentId }) => {
    const member = await staffFor(ctx, services.staff, "visit.check_in", { ownerUserId: userId });
    if (!member) return;
    const appointment = await services.desk.visit(appointmentId);
    const now = new Date();
    const outcome = appointment
      ? await services.desk.checkIn(member, appointmentId, checkInWindow(appointment.startsAt, services.policy), now)
      : ({ kind: "not_found" } as const);
    await answerOutcome(ctx, outcome, "staff-done-check-in");
    if (outcome.kind === "done") await showVisit(ctx, member, appointmentId);
  });

  onCallbackData(feature, staffItemData, async (ctx, { userId, appointmentId, item: code }) => {
    const item = visitItemOfCode(code);
    const member = await staffFor(ctx, services.staff, "visit.record_item", { ownerUserId: userId });
    if (!member) return;
    const outcome = await services.desk.recordItem(member, appointmentId, item, new Date());
    await answerOutcome(ctx, outcome, "staff-done-item", { item: ctx.t(`staff-item-${item}`) });
    if (outcome.kind === "done") await showVisit(ctx, member, appointmentId);
  });

  onCallbackData(feature, staffFeeData, async (ctx, { userId, appointmentId }) => {
    const member = await staffFor(ctx, services.staff, "visit.record_fee", { ownerUserId: userId });
    if (!member) return;
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter("staff-fee", appointmentId);
  });

  onCallbackData(feature, staffCompleteData, async (ctx, { userId, appointmentId }) => {
    const member = await staffFor(ctx, services.staff, "visit.complete", { ownerUserId: userId });
    if (!member) return;
    const outcome = await services.desk.complete(member, appointmentId, new Date());
    await answerOutcome(ctx, outcome, "staff-done-complete");
    if (outcome.kind === "done") {
      services.notifyNow();
      await ctx.reply(ctx.t("staff-completed", { from: formatJalaliDate(outcome.windowFrom), to: formatJalaliDate(outcome.windowTo) }));
    }
  });

  onCallbackData(feature, staffNoShowData, async (ctx, { userId, appointmentId }) => {
    const member = await staffFor(ctx, services.staff, "visit.no_show", { ownerUserId: userId });
    if (!member) return;
    const outcome = await services.desk.markNoShow(member, appointmentId, services.policy.noShowBanMs, new Date());
    await answerOutcome(ctx, outcome, "staff-done-no-show");
    if (outcome.kind === "done") services.notifyNow();
  });

  onCallbackData(feature, staffUncollectedData, async (ctx, { userId, page }) => {
    const member = await staffFor(ctx, services.staff, "cards.list_uncollected", { ownerUserId: userId });
    if (!member) return;
    await ctx.answerCallbackQuery();
    await sendUncollected(ctx, services, member, page);
  });

  onCallbackData(feature, staffReceiveData, async (ctx, { userId, cardId }) => {
    const member = await staffFor(ctx, services.staff, "card.receive", { ownerUserId: userId });
    if (!member) return;
    const outcome = await services.cards.receive(member, cardId, new Date());
    await answerOutcome(ctx, outcome, "staff-done-receive");
    if (outcome.kind === "done") services.notifyNow();
  });

  onCallbackData(feature, staffDeliverData, async (ctx, { userId, cardId }) => {
    const member = await staffFor(ctx, services.staff, "card.deliver", { ownerUserId: userId });
    if (!member) return;
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter("staff-deliver", cardId);
  });

  return feature;
}

export async function sendAppointments(ctx: BotContext, services: StaffServices, member: StaffMember, day: "today" | "tomorrow", page: number): Promise<void> {
  const range = tehranDay(new Date(), day);
  const list = await services.desk.appointmentsAt(officeOf(member), range.from, range.to, page, STAFF_PAGE_SIZE);
  const view = appointmentListView(ctx, member, day, page, list);
  await ctx.reply(view.text, { reply_markup: view.keyboard });
}

export async function sendUncollected(ctx: BotContext, services: StaffServices, member: StaffMember, page: number): Promise<void> {
  const list = await services.cards.uncollected(officeOf(member), page, STAFF_PAGE_SIZE);
  const view = uncollectedView(ctx, member, page, list, new Date());
  await ctx.reply(view.text, { reply_markup: view.keyboard });
}

export async function sendIncoming(ctx: BotContext, services: StaffServices, member: StaffMember): Promise<void> {
  const view = incomingView(ctx, member, await services.cards.incoming(officeOf(member)));
  await ctx.reply(view.text, { reply_markup: view.keyboard });
}
