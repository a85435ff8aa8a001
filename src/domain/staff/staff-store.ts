// The staff-store port: staff members, their invites and revocations, each change audited in the same step.
import type { AuditEntry, AuditRecord, AuditTrail } from "./audit.js";
import type { EnrolRefusal, InviteGrant } from "./invite.js";
import type { StaffMember } from "./staff-member.js";

/** A staff member as an admin's list shows them. */
export interface StaffListing extends StaffMember {
  readonly officeName: string | null;
  readonly enrolledAt: Date;
}

/**
 * What a plain /start asks in one step: the user's active staff role, read now (which menu to show; it
 * grants nothing by itself), and for a user who is not staff, their chat recorded as the main menu records it.
 */
export type MeetOnStart = (chatId: number, userId: number) => Promise<StaffMember | null>;

export interface StaffStore {
  /** The user's active staff role, read at the moment an action runs (a revoked member is null). */
  activeMember(userId: number): Promise<StaffMember | null>;
  /** Stores an invite (only its token's hash); `by` null: the command line. Audited. */
  createInvite(grant: InviteGrant, by: StaffMember | null, token: string, expiresAt: Date, now: Date): Promise<{ inviteId: number }>;
  /** Uses an invite once: the first enrolment wins; a used, expired or revoked invite is refused. Audited. */
  enrol(token: string, userId: number, displayName: string, now: Date): Promise<{ ok: true; member: StaffMember } | { ok: false; refusal: EnrolRefusal }>;
  /** Enrols an admin directly (the first admin, from the command line). Audited. */
  enrolAdminDirectly(
    userId: number,
    displayName: string,
    now: Date,
    options?: { sample?: boolean },
  ): Promise<{ ok: true; member: StaffMember } | { ok: false; refusal: "already_staff" }>;
  /** Revokes an active member; false if there was none. `by` null: the command line. Audited. */
  revoke(memberId: number, by: StaffMember | null, now: Date): Promise<boolean>;
  /** Active members, for the admin's revoke list. */
  listActive(): Promise<StaffListing[]>;
  /** Active operators of an office (daily summary). */
  operatorsOf(officeId: number): Promise<StaffMember[]>;
  /** Appends an audit row for an action that changes nothing else (a lookup, a refusal). */
  audit(record: AuditRecord, now: Date): Promise<void>;
  /** A page of an applicant's or office's audit trail, newest first. */
  trail(trail: AuditTrail, page: number, pageSize: number): Promise<{ entries: AuditEntry[]; more: boolean }>;
}
