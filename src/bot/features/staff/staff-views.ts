// How the staff panel shows things: appointment lists, the visit card, applicant summaries, card lists, audit rows.
import { InlineKeyboard } from "grammy";
import type { StaffMember } from "../../../domain/staff/staff-member.js";
import type { AuditEntry } from "../../../domain/staff/audit.js";
import type { ApplicantSummary, DeskAppointment, DeskVisit } from "../../../domain/staff/visit.js";
import { VISIT_ITEMS } from "../../../domain/staff/visit.js";
import type { WaitingCard } from "../../../domain/cards/card-store.js";
import { ageInDays, daysLeft } from "../../../domain/cards/card.js";
import { toPersianDigits } from "../../../domain/text/digits.js";
import { formatDateTime, formatJalaliDate, formatTehranTime, formatToman } from "../../../domain/time/persian-format.js";
import {
  staffApplicantTrailData,
  staffAppointmentsData,
  staffCheckInData,
  staffCompleteData,
  staffDeliverData,
  staffFeeData,
  staffItemData,
  staffNoShowData,
  staffOfficeTrailData,
  staffReceiveData,
  staffUncollectedData,
  staffVisitData,
  VISIT_ITEM_CODES,
} from "../../callback-data/index.js";
import type { FlowContext } from "../../context.js";

/** «علی م.»: the first name and the initial of the last, all a list needs. */
export const shortName = (first: string, last: string) => `${first} ${last.slice(0, 1)}.`;

export function appointmentListView(
  ctx: FlowContext,
  member: StaffMember,
  day: "today" | "tomorrow",
  page: number,
  list: { items: DeskAppointment[]; more: boolean },
): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  for (const item of list.items) {
    keyboard
      .text(
        ctx.t("staff-appointment-button", {
          time: formatTehranTime(item.startsAt),
          name: shortName(item.firstName, item.lastName),
          status: ctx.t(`staff-appointment-status-${item.status}`),
        }),
        staffVisitData.encode({ userId: member.userId, appointmentId: item.appointmentId }),
      )
      .row();
  }
  if (page > 0) keyboard.text(ctx.t("staff-page-previous"), staffAppointmentsData.encode({ userId: member.userId, day, page: page - 1 }));
  if (list.more) keyboard.text(ctx.t("staff-page-next"), staffAppointmentsData.encode({ userId: member.userId, day, page: page + 1 }));
  const text = list.items.length === 0 && page === 0 ? ctx.t(`staff-appointments-none-${day}`) : ctx.t(`staff-appointments-${day}`, { page: page + 1 });
  return { text, keyboard };
}

export function visitCardView(ctx: FlowContext, member: StaffMember, visit: DeskVisit, capRial: number): { text: string; keyboard: InlineKeyboard } {
  const ids = { userId: member.userId, appointmentId: visit.appointmentId };
  const checklist = VISIT_ITEMS.map((item) => `${visit.record.done.has(item) ? "✅" : "⬜"} ${ctx.t(`staff-item-${item}`)}`).join("\n");
  const fee =
    visit.record.feeRial === null
      ? ctx.t("staff-fee-not-recorded", { cap: formatToman(capRial) })
      : ctx.t("staff-fee-recorded", { fee: formatToman(visit.record.feeRial), cap: formatToman(capRial) });
  const text = ctx.t("staff-visit-card", {
    name: `${visit.firstName} ${visit.lastName}`,
    at: formatDateTime(visit.startsAt),
    status: ctx.t(`staff-appointment-status-${visit.status}`),
    checklist,
    fee,
  });
  const keyboard = new InlineKeyboard();
  if (visit.status === "active") {
    keyboard.text(ctx.t("staff-button-check-in"), staffCheckInData.encode(ids)).row();
    keyboard.text(ctx.t("staff-button-no-show"), staffNoShowData.encode(ids)).row();
  }
  if (visit.status === "checked_in") {
    for (const item of VISIT_ITEMS) {
      if (!visit.record.done.has(item))
        keyboard.text(ctx.t("staff-button-item", { item: ctx.t(`staff-item-${item}`) }), staffItemData.encode({ ...ids, item: VISIT_ITEM_CODES[item] })).row();
    }
    keyboard.text(ctx.t("staff-button-fee"), staffFeeData.encode(ids)).row();
    keyboard.text(ctx.t("staff-button-complete"), staffCompleteData.encode(ids)).row();
  }
  return { text, keyboard };
}

export function applicantView(
  ctx: FlowContext,
  member: StaffMember,
  applicant: ApplicantSummary,
  officeName: (id: number) => string,
): { text: string; keyboard: InlineKeyboard } {
  const myOffice = member.scope.kind === "office" ? member.scope.officeId : null;
  const card = applicant.card;
  const where = card
    ? card.status === "in_transit"
      ? ctx.t("staff-applicant-card-in-transit", { from: card.officeName, to: officeName(card.transferOfficeId ?? 0) })
      : ctx.t(`staff-applicant-card-${card.status}`, { office: card.officeName })
    : ctx.t("staff-applicant-no-card");
  const appointment = applicant.appointment
    ? ctx.t("staff-applicant-appointment", {
        office: officeName(applicant.appointment.officeId),
        at: formatDateTime(applicant.appointment.startsAt),
        status: ctx.t(`staff-appointment-status-${applicant.appointment.status}`),
      })
    : ctx.t("staff-applicant-no-appointment");
  const text = ctx.t("staff-applicant", {
    name: `${applicant.firstName} ${applicant.lastName}`,
    stage: ctx.t(`status-stage-${applicant.status}`),
    card: where,
    appointment,
  });
  const keyboard = new InlineKeyboard();
  if (member.role === "operator") {
    if (applicant.appointment && applicant.appointment.officeId === myOffice && ["active", "checked_in"].includes(applicant.appointment.status)) {
      keyboard.text(ctx.t("staff-button-open-visit"), staffVisitData.encode({ userId: member.userId, appointmentId: applicant.appointment.id })).row();
    }
    if (card?.status === "ready" && card.officeId === myOffice)
      keyboard.text(ctx.t("staff-button-deliver"), staffDeliverData.encode({ userId: member.userId, cardId: card.id })).row();
    if (card?.status === "in_transit" && card.transferOfficeId === myOffice)
      keyboard.text(ctx.t("staff-button-receive"), staffReceiveData.encode({ userId: member.userId, cardId: card.id })).row();
  }
  if (member.role === "admin")
    keyboard
      .text(ctx.t("staff-button-trail"), staffApplicantTrailData.encode({ userId: member.userId, applicationId: applicant.applicationId, page: "0" }))
      .row();
  return { text, keyboard };
}

export function uncollectedView(
  ctx: FlowContext,
  member: StaffMember,
  page: number,
  list: { items: WaitingCard[]; more: boolean },
  now: Date,
): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  for (const card of list.items) {
    keyboard
      .text(
        ctx.t("staff-uncollected-button", {
          name: shortName(card.firstName, card.lastName),
          age: toPersianDigits(ageInDays(card.readyAt, now)),
          left: toPersianDigits(daysLeft(card.heldUntil, now)),
        }),
        staffDeliverData.encode({ userId: member.userId, cardId: card.cardId }),
      )
      .row();
  }
  if (page > 0) keyboard.text(ctx.t("staff-page-previous"), staffUncollectedData.encode({ userId: member.userId, page: page - 1 }));
  if (list.more) keyboard.text(ctx.t("staff-page-next"), staffUncollectedData.encode({ userId: member.userId, page: page + 1 }));
  const text = list.items.length === 0 && page === 0 ? ctx.t("staff-uncollected-none") : ctx.t("staff-uncollected", { page: page + 1 });
  return { text, keyboard };
}

export function incomingView(ctx: FlowContext, member: StaffMember, cards: WaitingCard[]): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  for (const card of cards) {
    keyboard
      .text(
        ctx.t("staff-incoming-button", { name: shortName(card.firstName, card.lastName), from: card.fromOfficeName ?? "" }),
        staffReceiveData.encode({ userId: member.userId, cardId: card.cardId }),
      )
      .row();
  }
  return { text: ctx.t(cards.length === 0 ? "staff-incoming-none" : "staff-incoming"), keyboard };
}

export function auditView(
  ctx: FlowContext,
  member: StaffMember,
  trail: { kind: "application"; applicationId: string } | { kind: "office"; officeId: number; officeName: string },
  page: number,
  result: { entries: AuditEntry[]; more: boolean },
): { text: string; keyboard: InlineKeyboard } {
  const lines = result.entries.map((entry) =>
    ctx.t("staff-audit-line", {
      at: formatDateTime(entry.at),
      actor:
        entry.actorMemberId === null
          ? ctx.t(`staff-actor-${entry.actorRole}`)
          : ctx.t("staff-actor-member", { id: toPersianDigits(entry.actorMemberId), role: ctx.t(`staff-role-${entry.actorRole}`) }),
      action: ctx.t(`staff-audit-action-${entry.action.replace(/\./g, "-")}`),
      outcome: ctx.t(`staff-audit-outcome-${entry.outcome}`),
    }),
  );
  const heading =
    trail.kind === "office" ? ctx.t("staff-audit-office", { office: trail.officeName, page: page + 1 }) : ctx.t("staff-audit-applicant", { page: page + 1 });
  const keyboard = new InlineKeyboard();
  const pageData = (to: number) =>
    trail.kind === "office"
      ? staffOfficeTrailData.encode({ userId: member.userId, officeId: trail.officeId, page: to })
      : staffApplicantTrailData.encode({ userId: member.userId, applicationId: trail.applicationId, page: String(Math.min(to, 99)) });
  if (page > 0) keyboard.text(ctx.t("staff-page-previous"), pageData(page - 1));
  if (result.more) keyboard.text(ctx.t("staff-page-next"), pageData(page + 1));
  return { text: [heading, ...(lines.length ? lines : [ctx.t("staff-audit-empty")])].join("\n"), keyboard };
}

export { formatJalaliDate };
