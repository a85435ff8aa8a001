// Staff roles and scopes: who a staff member is, and which actions their role allows on which records.

/** The staff roles. Operators work at one office; hotline agents and supervisors in one unit; admins everywhere. */
export const STAFF_ROLES = ["admin", "operator", "hotline_agent", "supervisor"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Where a role's authority reaches. */
export type StaffScope =
  | { readonly kind: "everywhere" }
  | { readonly kind: "office"; readonly officeId: number }
  | { readonly kind: "unit"; readonly unitId: number };

/** An active (not revoked) staff member as the server reads them at the moment an action runs. */
export interface StaffMember {
  readonly id: number;
  readonly userId: number;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly scope: StaffScope;
}

/** The scope a role must have: an operator an office, hotline roles a unit, an admin none. */
export function scopeFor(role: StaffRole, officeId: number | null, unitId: number | null): StaffScope | null {
  if (role === "admin") return officeId === null && unitId === null ? { kind: "everywhere" } : null;
  if (role === "operator") return officeId !== null && unitId === null ? { kind: "office", officeId } : null;
  return unitId !== null && officeId === null ? { kind: "unit", unitId } : null;
}

/** Every staff action the bot offers; each is checked against the acting member when it runs. */
export const STAFF_ACTIONS = [
  "appointments.list",
  "applicant.find",
  "visit.check_in",
  "visit.record_item",
  "visit.record_fee",
  "visit.complete",
  "visit.no_show",
  "card.receive",
  "card.deliver",
  "cards.list_uncollected",
  "staff.invite",
  "staff.revoke",
  "audit.read",
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** Actions an operator takes at their office's counter. */
const OPERATOR_ACTIONS: ReadonlySet<StaffAction> = new Set([
  "appointments.list",
  "applicant.find",
  "visit.check_in",
  "visit.record_item",
  "visit.record_fee",
  "visit.complete",
  "visit.no_show",
  "card.receive",
  "card.deliver",
  "cards.list_uncollected",
]);
const ADMIN_ACTIONS: ReadonlySet<StaffAction> = new Set(["staff.invite", "staff.revoke", "audit.read", "applicant.find"]);

/** Why an action was refused. */
export type Refusal = "not_staff" | "role_not_allowed" | "out_of_scope";

/**
 * Decides whether `member` may take `action` on a record of `officeId` (the office the record belongs
 * to; undefined for actions on no office's record, such as finding an applicant, which any operator may
 * do: the seed lets anyone learn where a card is with their national ID).
 */
export function authorize(member: StaffMember | null, action: StaffAction, officeId?: number): { ok: true } | { ok: false; refusal: Refusal } {
  if (member === null) return { ok: false, refusal: "not_staff" };
  const allowed = member.role === "admin" ? ADMIN_ACTIONS : member.role === "operator" ? OPERATOR_ACTIONS : new Set<StaffAction>();
  if (!allowed.has(action)) return { ok: false, refusal: "role_not_allowed" };
  if (officeId !== undefined && member.scope.kind === "office" && member.scope.officeId !== officeId) return { ok: false, refusal: "out_of_scope" };
  return { ok: true };
}

/** The office an operator works at, or null for other roles. */
export function officeOf(member: StaffMember): number | null {
  return member.scope.kind === "office" ? member.scope.officeId : null;
}
