// Admin: an office's audit trail by its code, newest first, page by page (the pages are buttons).
import { auditView } from "../../bot/features/staff/staff-views.js";
import { fail, ok } from "../../domain/shared/result.js";
import { STAFF_OFFICE_CODE_ERRORS } from "./staff-errors.js";
import type { Flow } from "../flow.js";
import { appendAuditNow } from "./staff-audit.js";
import { actingMember, leaveToStaffMenu, plainView, sendView, staffAsk } from "./staff-kit.js";
import { STAFF_PAGE_SIZE, type StaffServices } from "./staff-services.js";

export function officeTrailFlow(services: StaffServices): Flow {
  return {
    id: "staff-office-trail",
    async run(conversation, ctx) {
      const admin = await actingMember(conversation, ctx, services, "audit.read");
      const office = await staffAsk(conversation, ctx, admin, {
        prompt: "staff-trail-ask-office",
        errors: STAFF_OFFICE_CODE_ERRORS,
        back: false,
        parse: async (reply) => {
          if (reply.kind !== "text") return fail("unknown");
          const code = reply.text.trim();
          const { found } = await conversation.external(async () => {
            const office = (await services.offices.catalog()).all().find((o) => o.code === code);
            return { found: office ? { id: office.id, name: office.name } : null };
          });
          return found ? ok({ id: found.id, name: found.name }) : fail("unknown");
        },
      });
      if (office.kind === "back") return;
      const acting = await actingMember(conversation, ctx, services, "audit.read");
      const view = await conversation.external(async () => {
        await appendAuditNow(services, acting, { action: "audit.read", subjectKind: "office", subjectId: String(office.value.id), officeId: office.value.id });
        const result = await services.staff.trail({ kind: "office", officeId: office.value.id }, 0, STAFF_PAGE_SIZE);
        return plainView(auditView(ctx, acting, { kind: "office", officeId: office.value.id, officeName: office.value.name }, 0, result));
      });
      await sendView(ctx, view);
      return leaveToStaffMenu(conversation, ctx, admin, "staff-trail-done");
    },
  };
}
