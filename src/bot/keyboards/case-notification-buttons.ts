// Buttons on case notifications: open the case, answer a proposed visit, rate the answer; for supervisors,
// take over or reassign an overdue case.
import { InlineKeyboard } from "grammy";
import type { Translate } from "../../domain/shared/translate.js";
import { caseRatingData, myCaseData, staffCaseData, visitAnswerData } from "../callback-data/index.js";

type Params = Record<string, string | number>;

/** The ratings 1-5 and their labels. */
export const RATING_OPTIONS = [
  ["1", "case-rating-1"],
  ["2", "case-rating-2"],
  ["3", "case-rating-3"],
  ["4", "case-rating-4"],
  ["5", "case-rating-5"],
] as const;

const openCase = (translate: Translate, params: Params, chatId: number) =>
  typeof params.caseId === "string"
    ? new InlineKeyboard().text(translate("case-button-open"), myCaseData.encode({ chatId, caseId: params.caseId }))
    : undefined;

export const CASE_NOTIFICATION_BUTTONS: Record<string, (translate: Translate, params: Params, chatId: number) => InlineKeyboard | undefined> = {
  "case-notify-question": (translate, params, chatId) =>
    typeof params.caseId === "string"
      ? new InlineKeyboard().text(translate("case-button-answer"), myCaseData.encode({ chatId, caseId: params.caseId }))
      : undefined,
  "case-notify-forwarded": openCase,
  "case-notify-taken": openCase,
  "case-notify-reopened": openCase,
  "case-notify-visit_proposed": (translate, params, chatId) =>
    typeof params.visitId === "string"
      ? new InlineKeyboard()
          .text(translate("case-mine-visit-yes"), visitAnswerData.encode({ chatId, visitId: params.visitId, answer: "yes" }))
          .text(translate("case-mine-visit-no"), visitAnswerData.encode({ chatId, visitId: params.visitId, answer: "no" }))
      : undefined,
  "case-notify-resolution": (translate, params, chatId) => {
    if (typeof params.caseId !== "string") return undefined;
    const keyboard = new InlineKeyboard();
    for (const [rating, label] of RATING_OPTIONS) keyboard.text(translate(label), caseRatingData.encode({ chatId, caseId: params.caseId, rating }));
    return keyboard;
  },
  "staff-case-overdue": (translate, params, chatId) =>
    typeof params.caseId === "string"
      ? new InlineKeyboard()
          .text(translate("staff-case-button-assign"), staffCaseData.encode({ userId: chatId, caseId: params.caseId, action: "assign" }))
          .text(translate("staff-case-button-forward"), staffCaseData.encode({ userId: chatId, caseId: params.caseId, action: "forward" }))
          .row()
          .text(translate("staff-case-button-open"), staffCaseData.encode({ userId: chatId, caseId: params.caseId, action: "open" }))
      : undefined,
};
