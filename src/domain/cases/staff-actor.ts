// Who acts on a case from the staff side, and what their role and unit let them do (checked when the action runs).
import type { StaffMember, StaffRole } from "../staff/staff-member.js";
import type { CaseStatus } from "./case.js";

export type { StaffRole };

/** A staff member as the case rules see them. */
export interface StaffActor {
  readonly memberId: number;
  readonly userId: number;
  readonly role: StaffRole;
  readonly unitId: number | null;
  readonly displayName: string;
}

export type StaffCaseAction =
  | "view"
  | "take"
  | "note"
  | "ask"
  | "forward"
  | "resolve"
  | "reopen"
  | "propose_visit"
  | "record_visit"
  | "reassign"
  | "open_for_caller";

export interface CaseScope {
  readonly unitId: number;
  readonly assigneeId: number | null;
  readonly status: CaseStatus;
}

/**
 * True when the actor may do the action on the case: agents and supervisors of the case's unit only; working
 * actions on a taken case belong to its assignee (or the unit's supervisor); reassigning is the supervisor's.
 */
export function mayActOnCase(actor: StaffActor, scope: CaseScope, action: StaffCaseAction): boolean {
  if (actor.role !== "hotline_agent" && actor.role !== "supervisor") return false;
  if (actor.unitId !== scope.unitId) return false;
  const supervisor = actor.role === "supervisor";
  switch (action) {
    case "view":
    case "take":
    case "note":
    case "reopen":
    case "open_for_caller":
      return true;
    case "reassign":
      return supervisor;
    case "ask":
    case "resolve":
    case "propose_visit":
    case "record_visit":
    case "forward":
      return supervisor || scope.assigneeId === null || scope.assigneeId === actor.memberId;
  }
}

/** True for roles that work cases at all (the staff menu shows the queue to them). */
export function worksCases(actor: StaffActor): boolean {
  return (actor.role === "hotline_agent" || actor.role === "supervisor") && actor.unitId !== null;
}

/** A staff member of issue 10's store as the case rules see them. */
export function actorOf(member: StaffMember): StaffActor {
  return {
    memberId: member.id,
    userId: member.userId,
    role: member.role,
    unitId: member.scope.kind === "unit" ? member.scope.unitId : null,
    displayName: member.displayName,
  };
}
