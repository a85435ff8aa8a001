// The staff's inline keyboards: the queue menu, a page of a queue, and the actions a case card offers.
import { InlineKeyboard } from "grammy";
import type { CaseSummary, CaseView } from "../../domain/cases/case-store.js";
import type { StaffActor } from "../../domain/cases/staff-actor.js";
import { displayCaseNumber } from "../../domain/cases/case-number.js";
import { QUEUE_FILTERS, staffCaseData, staffQueueData, type StaffCaseButton } from "../callback-data/index.js";

type T = (key: string, params?: Record<string, string | number>) => string;

const FILTER_LABELS = { new: "staff-queue-new", mine: "staff-queue-mine", waiting: "staff-queue-waiting", overdue: "staff-queue-overdue" } as const;
export const ACTION_LABELS: Record<StaffCaseButton, string> = {
  open: "staff-case-button-open",
  take: "staff-case-button-take",
  note: "staff-case-button-note",
  ask: "staff-case-button-ask",
  forward: "staff-case-button-forward",
  resolve: "staff-case-button-resolve",
  reopen: "staff-case-button-reopen",
  visit: "staff-case-button-visit",
  outcome: "staff-case-button-outcome",
  assign: "staff-case-button-assign",
};

export function queueMenuKeyboard(t: T, userId: number, counts: Record<(typeof QUEUE_FILTERS)[number], number>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  QUEUE_FILTERS.forEach((filter, i) => {
    keyboard.text(t(FILTER_LABELS[filter], { count: counts[filter] }), staffQueueData.encode({ userId, filter, page: 0 }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

export function queuePageKeyboard(
  t: T,
  userId: number,
  filter: (typeof QUEUE_FILTERS)[number],
  page: number,
  items: CaseSummary[],
  more: boolean,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const item of items)
    keyboard
      .text(`📁 ${displayCaseNumber(item.number)} — ${t(`case-kind-${item.kind}`)}`, staffCaseData.encode({ userId, caseId: item.id, action: "open" }))
      .row();
  if (page > 0) keyboard.text(t("staff-queue-previous"), staffQueueData.encode({ userId, filter, page: page - 1 }));
  if (more) keyboard.text(t("staff-queue-next"), staffQueueData.encode({ userId, filter, page: page + 1 }));
  return keyboard;
}

/** The actions that make sense for this case and this member (the store checks them again when they run). */
export function caseActions(view: CaseView, actor: StaffActor): StaffCaseButton[] {
  const supervisor = actor.role === "supervisor";
  const mine = view.assigneeId === actor.memberId || view.assigneeId === null || supervisor;
  const actions: StaffCaseButton[] = [];
  switch (view.status) {
    case "new":
    case "forwarded":
      actions.push("take", "note", "forward");
      break;
    case "taken":
    case "waiting_citizen":
      if (mine) actions.push("ask", "resolve", "forward");
      if (mine && view.kind === "home_service" && !view.openVisit) actions.push("visit");
      actions.push("note");
      break;
    case "visit_scheduled":
      if (mine) actions.push("outcome", "resolve");
      actions.push("note");
      break;
    case "resolved":
    case "closed":
      actions.push("reopen", "note");
      break;
  }
  if (supervisor && view.status !== "resolved" && view.status !== "closed") actions.push("assign");
  return actions;
}

export function caseCardKeyboard(t: T, view: CaseView, actor: StaffActor): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  caseActions(view, actor).forEach((action, i) => {
    keyboard.text(t(ACTION_LABELS[action]), staffCaseData.encode({ userId: actor.userId, caseId: view.id, action }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(t("staff-queue-back"), staffQueueData.encode({ userId: actor.userId, filter: "mine", page: 0 }));
}
