// The case-store port: cases, their timeline and visits as the database keeps them. Every write is one atomic,
// conditional step: a second press, a retry or another instance finds the first one's result.
import type { OfficeType } from "../booking/office.js";
import type { CaseKind, CaseStatus } from "./case.js";
import type { EntryKind, EntryVisibility } from "./case-entry.js";
import type { CaseLimitRefusal, CaseLimits } from "./case-limits.js";
import type { StaffActor } from "./staff-actor.js";

export interface UnitView {
  readonly id: number;
  readonly code: string;
  readonly kind: "hotline" | "home_service";
  readonly officeType: OfficeType | null;
  readonly provinceId: number | null;
  readonly phones: readonly string[];
}

export interface EntryView {
  readonly id: string;
  readonly at: Date;
  readonly kind: EntryKind;
  readonly visibility: EntryVisibility;
  readonly author: "citizen" | "staff" | "system";
  readonly authorName: string | null;
  readonly text: string;
  readonly params: Record<string, string | number>;
}

export interface CaseSummary {
  readonly id: string;
  readonly number: string;
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  readonly unitId: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly rating: number | null;
}

export interface CaseView extends CaseSummary {
  readonly chatId: number | null;
  readonly assigneeId: number | null;
  readonly assigneeName: string | null;
  readonly officeId: number | null;
  readonly anonymous: boolean;
  readonly summary: string;
  readonly details: Record<string, unknown>;
  readonly version: number;
  readonly firstResponseDueAt: Date;
  readonly resolutionDueAt: Date;
  readonly escalatedAt: Date | null;
  readonly unit: UnitView;
  /** Oldest first; a citizen's view holds only the entries visible to them. */
  readonly entries: readonly EntryView[];
  readonly attachments: ReadonlyArray<{ purpose: string; fileId: string }>;
  readonly openVisit: { id: string; startsAt: Date; status: "proposed" | "confirmed" } | null;
}

export interface Attachment {
  readonly purpose: "receipt" | "certificate" | "photo";
  readonly fileId: string;
  readonly fileUniqueId?: string;
}

export interface HouseholdMember {
  readonly nationalId: string;
  /** Jalali YYYY/MM/DD */
  readonly birthDate: string;
  readonly firstName: string;
  readonly applicationId: string | null;
}

export interface NewCase {
  readonly kind: CaseKind;
  /** The citizen's chat; null for a phone caller's case opened by an agent. */
  readonly chatId: number | null;
  readonly officeId?: number | null;
  readonly officeType?: OfficeType | null;
  readonly provinceId?: number | null;
  readonly anonymous?: boolean;
  /** One line for queues. */
  readonly summary: string;
  readonly details: Record<string, unknown>;
  readonly description: string;
  readonly attachments?: readonly Attachment[];
  readonly members?: readonly HouseholdMember[];
  /** An agent opening a case on behalf of a phone caller. */
  readonly openedBy?: { readonly actor: StaffActor; readonly callerNationalId: string; readonly callerPhone: string };
  /** Opened by the system itself (a fee above the tariff recorded at a counter): internal, outside the citizen's limits. */
  readonly bySystem?: boolean;
  /** Names this request: opening it again returns the same case. */
  readonly requestKey: string;
  readonly limits: CaseLimits;
  readonly now: Date;
}

export type OpenCaseResult =
  | { readonly kind: "opened"; readonly caseId: string; readonly number: string; readonly unit: UnitView }
  | { readonly kind: "refused"; readonly refusal: CaseLimitRefusal }
  | { readonly kind: "no_route" };

/** What a staff or citizen action did. */
export type ActionResult =
  | { readonly kind: "done"; readonly caseId: string; readonly number: string; readonly status: CaseStatus }
  | { readonly kind: "already" }
  | { readonly kind: "not_allowed"; readonly status: CaseStatus }
  | { readonly kind: "out_of_scope" }
  | { readonly kind: "not_found" };

export type StaffAction =
  | { readonly kind: "take" }
  | { readonly kind: "note"; readonly text: string }
  | { readonly kind: "ask"; readonly text: string }
  | { readonly kind: "forward"; readonly toUnitId: number; readonly text: string }
  | { readonly kind: "resolve"; readonly text: string }
  | { readonly kind: "reopen"; readonly text: string }
  | { readonly kind: "reassign"; readonly toMemberId: number };

export type QueueFilter = "new" | "mine" | "waiting" | "overdue";

export interface EscalatedCase {
  readonly caseId: string;
  readonly number: string;
  readonly unitId: number;
  readonly reason: "first_response" | "resolution" | "visit";
  /** The unit's supervisors' chats (their user ids: private chats). */
  readonly supervisorChats: readonly number[];
}

export type VisitOutcome = "application_taken" | "card_delivered" | "both" | "not_done";

export interface CaseStore {
  /** Whether this chat may open a case now (checked again, under a lock, when it opens). */
  newCaseRefusal(chatId: number, limits: CaseLimits, now: Date): Promise<CaseLimitRefusal | null>;
  openCase(input: NewCase): Promise<OpenCaseResult>;
  /** Offices this chat's applications had appointments at, latest first (the office a report is about). */
  visitedOffices(chatId: number): Promise<Array<{ officeId: number; startsAt: Date }>>;
  casesOfChat(chatId: number): Promise<CaseSummary[]>;
  /** The case if it is this chat's, with only the entries visible to the citizen. */
  caseForChat(caseId: string, chatId: number): Promise<CaseView | null>;
  /** The case with every entry, if the actor's scope covers it. */
  caseForStaff(ref: { caseId: string } | { number: string }, actor: StaffActor): Promise<CaseView | "out_of_scope" | null>;
  /** Adds the citizen's information (the answer, when the case waits for one). */
  citizenAddInfo(input: { caseId: string; chatId: number; text: string; attachment?: Attachment; requestKey: string; now: Date }): Promise<ActionResult>;
  citizenClose(input: { caseId: string; chatId: number; now: Date }): Promise<ActionResult>;
  citizenRate(input: { caseId: string; chatId: number; rating: number; now: Date }): Promise<ActionResult>;
  /** A staff action, role- and scope-checked and audited in the same transaction. `expectedVersion` refuses a stale button. */
  staffAct(input: { caseId: string; actor: StaffActor; action: StaffAction; expectedVersion?: number; requestKey: string; now: Date }): Promise<ActionResult>;
  queue(input: { actor: StaffActor; filter: QueueFilter; page: number; pageSize: number; now: Date }): Promise<{ items: CaseSummary[]; total: number }>;
  units(): Promise<UnitView[]>;
  proposeVisit(input: { caseId: string; actor: StaffActor; startsAt: Date; requestKey: string; now: Date }): Promise<ActionResult>;
  answerVisit(input: { visitId: string; chatId: number; accept: boolean; now: Date }): Promise<ActionResult>;
  recordVisitOutcome(input: { caseId: string; actor: StaffActor; outcome: VisitOutcome; now: Date }): Promise<ActionResult>;
  /** Marks overdue cases escalated (once each) and posts them to their unit's supervisors. */
  escalateOverdue(now: Date): Promise<EscalatedCase[]>;
}
