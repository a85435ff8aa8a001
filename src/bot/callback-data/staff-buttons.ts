// The staff panel's inline buttons. Each carries the staff member's user id (the owner): the handler refuses
// a press from anyone else, then reloads the member and checks role and scope on the server before acting.
import type { VisitItem } from "../../domain/staff/visit.js";
import { defineCallbackData } from "./codec.js";

/** A page of today's or tomorrow's appointments at the operator's office. */
export const staffAppointmentsData = defineCallbackData({ kind: "stfap", version: 1, fields: { userId: "int", day: ["today", "tomorrow"], page: "int" } });
/** Opens an appointment's visit card. */
export const staffVisitData = defineCallbackData({ kind: "stfvs", version: 1, fields: { userId: "int", appointmentId: "uuid" } });
/** Checks the applicant in. */
export const staffCheckInData = defineCallbackData({ kind: "stfci", version: 1, fields: { userId: "int", appointmentId: "uuid" } });
/** Short names of the checklist items in button data (the 64-byte limit leaves no room for the long ones). */
export const VISIT_ITEM_CODES = {
  birth_certificate: "cert",
  postal_code: "post",
  address: "addr",
  phones: "tel",
  photo: "photo",
  fingerprints: "finger",
} as const satisfies Record<VisitItem, string>;
const ITEM_CODE_LIST = Object.values(VISIT_ITEM_CODES);
/** The item a short name stands for. */
export const visitItemOfCode = (code: (typeof ITEM_CODE_LIST)[number]): VisitItem =>
  (Object.keys(VISIT_ITEM_CODES) as VisitItem[]).find((item) => VISIT_ITEM_CODES[item] === code)!;

/** Records one checklist item done. */
export const staffItemData = defineCallbackData({ kind: "stfit", version: 1, fields: { userId: "int", appointmentId: "uuid", item: ITEM_CODE_LIST } });
/** Asks for the completion fee (a conversation). */
export const staffFeeData = defineCallbackData({ kind: "stffee", version: 1, fields: { userId: "int", appointmentId: "uuid" } });
/** Completes the in-person step. */
export const staffCompleteData = defineCallbackData({ kind: "stfcm", version: 1, fields: { userId: "int", appointmentId: "uuid" } });
/** Marks the appointment missed. */
export const staffNoShowData = defineCallbackData({ kind: "stfns", version: 1, fields: { userId: "int", appointmentId: "uuid" } });
/** Receives a card transferred to the operator's office. */
export const staffReceiveData = defineCallbackData({ kind: "stfrc", version: 1, fields: { userId: "int", cardId: "uuid" } });
/** Starts a delivery (a conversation: identity, fingerprint, recipient, fee). */
export const staffDeliverData = defineCallbackData({ kind: "stfdl", version: 1, fields: { userId: "int", cardId: "uuid" } });
/** A page of the office's uncollected cards. */
export const staffUncollectedData = defineCallbackData({ kind: "stfuc", version: 1, fields: { userId: "int", page: "int" } });
/** Page numbers as short words where a full integer would not fit the 64 bytes (trails are read 100 pages deep at most). */
const TRAIL_PAGES = Array.from({ length: 100 }, (_, page) => String(page));
/** A page of an applicant's audit trail (admin); `page` is a number written as a word. */
export const staffApplicantTrailData = defineCallbackData({ kind: "stfaa", version: 1, fields: { userId: "int", applicationId: "uuid", page: TRAIL_PAGES } });
/** A page of an office's audit trail (admin). */
export const staffOfficeTrailData = defineCallbackData({ kind: "stfao", version: 1, fields: { userId: "int", officeId: "int", page: "int" } });
/** Revokes a staff member (admin). */
export const staffRevokeData = defineCallbackData({ kind: "stfrv", version: 1, fields: { userId: "int", memberId: "int" } });

export const STAFF_CODECS = [
  staffAppointmentsData,
  staffVisitData,
  staffCheckInData,
  staffItemData,
  staffFeeData,
  staffCompleteData,
  staffNoShowData,
  staffReceiveData,
  staffDeliverData,
  staffUncollectedData,
  staffApplicantTrailData,
  staffOfficeTrailData,
  staffRevokeData,
] as const;
