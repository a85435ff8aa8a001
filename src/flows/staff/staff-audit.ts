// Audit rows for staff actions that change no record of their own (finding an applicant, opening a trail).
import type { AuditRecord } from "../../domain/staff/audit.js";
import type { StaffMember } from "../../domain/staff/staff-member.js";
import type { StaffServices } from "./staff-services.js";

export function appendAuditNow(services: StaffServices, member: StaffMember, record: Omit<AuditRecord, "actor">): Promise<void> {
  return services.staff.audit(
    {
      ...record,
      actor: { memberId: member.id, role: member.role },
      officeId: record.officeId ?? (member.scope.kind === "office" ? member.scope.officeId : null),
    },
    new Date(),
  );
}
