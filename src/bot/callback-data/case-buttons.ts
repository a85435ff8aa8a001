// Buttons of the case system. Citizens' buttons carry their chat id, staff buttons the staff member's user id;
// handlers compare it with who pressed, and staff handlers also read the member's role when the press runs.
import { defineCallbackData } from "./codec.js";

/** "Open my case" on a notification: enters «📂 پرونده‌های من» at that case. */
export const myCaseData = defineCallbackData({ kind: "mycase", version: 1, fields: { chatId: "int", caseId: "uuid" } });

/** The citizen's answer to a proposed home visit. */
export const visitAnswerData = defineCallbackData({ kind: "visit", version: 1, fields: { chatId: "int", visitId: "uuid", answer: ["yes", "no"] } });

/** A rating of a resolved case, 1-5. */
export const caseRatingData = defineCallbackData({ kind: "rate", version: 1, fields: { chatId: "int", caseId: "uuid", rating: ["1", "2", "3", "4", "5"] } });

export const QUEUE_FILTERS = ["new", "mine", "waiting", "overdue"] as const;

/** A page of the staff member's unit queue. */
export const staffQueueData = defineCallbackData({ kind: "squeue", version: 1, fields: { userId: "int", filter: QUEUE_FILTERS, page: "int" } });

export const STAFF_CASE_ACTIONS = ["open", "take", "note", "ask", "forward", "resolve", "reopen", "visit", "outcome", "assign"] as const;
export type StaffCaseButton = (typeof STAFF_CASE_ACTIONS)[number];

/** An action on one case from its card (or the supervisor's overdue notice). */
export const staffCaseData = defineCallbackData({ kind: "scase", version: 1, fields: { userId: "int", caseId: "uuid", action: STAFF_CASE_ACTIONS } });

/** The supervisor's choice of who takes an overdue case over. */
export const staffAssignData = defineCallbackData({ kind: "sa", version: 1, fields: { userId: "int", caseId: "uuid", memberId: "int" } });

/** The recorded outcome of a home visit. */
export const visitOutcomeData = defineCallbackData({
  kind: "soutcome",
  version: 1,
  fields: { userId: "int", caseId: "uuid", outcome: ["taken", "delivered", "both", "notdone"] },
});
