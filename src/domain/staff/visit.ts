// The in-person visit at the office: the seed's documents checklist, live photo, fingerprints and the completion fee.
import type { ApplicationState } from "../application/lifecycle.js";
import type { AppointmentStatus } from "../booking/appointment.js";
import type { CardStatus } from "../cards/card.js";

/** What the operator records as done, in the order the panel shows them (seed document, stage 3). */
export const VISIT_ITEMS = ["birth_certificate", "postal_code", "address", "phones", "photo", "fingerprints"] as const;
export type VisitItem = (typeof VISIT_ITEMS)[number];

/** The record of one visit. */
export interface VisitRecord {
  readonly done: ReadonlySet<VisitItem>;
  readonly feeRial: number | null;
}

/** Every item done and the fee recorded: the visit may be completed. */
export function missingForCompletion(record: VisitRecord): { items: VisitItem[]; fee: boolean } {
  return { items: VISIT_ITEMS.filter((item) => !record.done.has(item)), fee: record.feeRial === null };
}

/** An appointment as the operator's list shows it: minimal data. */
export interface DeskAppointment {
  readonly appointmentId: string;
  readonly applicationId: string;
  readonly officeId: number;
  readonly startsAt: Date;
  readonly status: AppointmentStatus;
  readonly firstName: string;
  readonly lastName: string;
  readonly cityId: number;
}

/** A visit as the operator's card for it shows it. */
export interface DeskVisit extends DeskAppointment {
  readonly applicationStatus: ApplicationState;
  readonly record: VisitRecord;
}

/** What an operator sees when they look an applicant up: only what the job needs. */
export interface ApplicantSummary {
  readonly applicationId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly status: ApplicationState;
  readonly card: {
    readonly id: string;
    readonly status: CardStatus;
    readonly officeId: number;
    readonly officeName: string;
    readonly transferOfficeId: number | null;
  } | null;
  /** The applicant's live or latest appointment, if any. */
  readonly appointment: { readonly id: string; readonly officeId: number; readonly startsAt: Date; readonly status: AppointmentStatus } | null;
}

/** Outcomes of the desk's actions; `already` means the same action succeeded before (a double press). */
export type DeskOutcome<Extra = object> =
  | ({ readonly kind: "done" } & Extra)
  | { readonly kind: "already" }
  | { readonly kind: "not_found" }
  | { readonly kind: "out_of_scope" }
  | { readonly kind: "wrong_state"; readonly status: string }
  | { readonly kind: "outside_window"; readonly opensAt: Date; readonly closesAt: Date }
  | { readonly kind: "too_early"; readonly from: Date }
  | { readonly kind: "incomplete"; readonly items: VisitItem[]; readonly fee: boolean }
  | { readonly kind: "fee_above_tariff"; readonly maxRial: number };

/** Every outcome but success. */
export type DeskRefusal = Exclude<DeskOutcome, { readonly kind: "done" }>;
