// The card-store port: imported cards, transfers to another office, delivery, reminders; each change audited
// and announced to the citizen in the same transaction.
import type { StaffMember } from "../staff/staff-member.js";
import type { DeskOutcome } from "../staff/visit.js";
import type { Card } from "./card.js";

/** How the card was handed over. */
export type Recipient = { readonly kind: "holder" } | { readonly kind: "representative"; readonly name: string; readonly nationalId: string };

/** A card waiting at an office, as the panel lists it. */
export interface WaitingCard {
  readonly cardId: string;
  readonly applicationId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly readyAt: Date;
  readonly heldUntil: Date;
  readonly fromOfficeName?: string;
}

export interface CardStore {
  cardOf(applicationId: string): Promise<Card | null>;
  card(cardId: string): Promise<Card | null>;
  /** ready → in_transit to `officeId` (the citizen's request); the new office's operators see it. */
  requestTransfer(applicationId: string, officeId: number, now: Date): Promise<DeskOutcome>;
  /** in_transit → ready at the member's office (they received it). */
  receive(member: StaffMember, cardId: string, now: Date): Promise<DeskOutcome>;
  /** ready at the member's office → delivered, identity checked by the caller; fee above `maxRial` is a violation. */
  deliver(member: StaffMember, cardId: string, recipient: Recipient, feeRial: number, maxRial: number, now: Date): Promise<DeskOutcome>;
  /** The office's uncollected cards, oldest first. */
  uncollected(officeId: number, page: number, pageSize: number): Promise<{ items: WaitingCard[]; more: boolean }>;
  /** Cards on their way to the office. */
  incoming(officeId: number): Promise<WaitingCard[]>;
}
