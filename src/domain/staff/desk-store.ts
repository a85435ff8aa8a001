// The desk-store port: what an operator's panel reads and changes. Each change is one transaction that
// checks the record's state and office, records the audit row and writes the citizen's message.
import type { StaffMember } from "./staff-member.js";
import type { ApplicantSummary, DeskAppointment, DeskOutcome, DeskVisit, VisitItem } from "./visit.js";

export interface DeskStore {
  /** Appointments at an office starting in [from, to), by time; one page and whether more follow. */
  appointmentsAt(officeId: number, from: Date, to: Date, page: number, pageSize: number): Promise<{ items: DeskAppointment[]; more: boolean }>;
  visit(appointmentId: string): Promise<DeskVisit | null>;
  /** By tracking code or national ID (the live application), or by its id. */
  findApplicant(query: { trackingCode: string } | { nationalId: string } | { applicationId: string }): Promise<ApplicantSummary | null>;
  /** active → checked_in when `now` is in [opensAt, closesAt]. */
  checkIn(member: StaffMember, appointmentId: string, window: { opensAt: Date; closesAt: Date }, now: Date): Promise<DeskOutcome>;
  recordItem(member: StaffMember, appointmentId: string, item: VisitItem, now: Date): Promise<DeskOutcome>;
  /** Records the completion fee; above `maxRial` it is refused and recorded as a violation. */
  recordFee(member: StaffMember, appointmentId: string, feeRial: number, maxRial: number, now: Date): Promise<DeskOutcome>;
  /** checked_in → completed with every item and the fee; the application goes to production; the citizen is told the window. */
  complete(member: StaffMember, appointmentId: string, now: Date): Promise<DeskOutcome<{ windowFrom: Date; windowTo: Date }>>;
  /** active → no_show once the start has passed; booking reopens `banMs` after the start (the existing rule). */
  markNoShow(member: StaffMember, appointmentId: string, banMs: number, now: Date): Promise<DeskOutcome<{ reopensAt: Date }>>;
  /** The completion fee cap for an application's city under the tariff in force. */
  completionFeeCap(applicationId: string, now: Date): Promise<number>;
}
