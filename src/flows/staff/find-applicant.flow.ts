// Staff: find an applicant by tracking code or national ID and see only what the job needs (stage, card, appointment).
import { parseTrackingCode } from "../../domain/application/tracking-code.js";
import { parseNationalId } from "../../domain/citizen/national-id.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { normalizeNumericInput } from "../../domain/text/digits.js";
import { applicantView } from "../../bot/features/staff/staff-views.js";
import { appendAuditNow } from "./staff-audit.js";
import { STAFF_FIND_ERRORS } from "./staff-errors.js";
import type { Flow } from "../flow.js";
import { actingMember, leaveToStaffMenu, plainView, sendView, staffAsk } from "./staff-kit.js";
import type { StaffServices } from "./staff-services.js";

type Query = { trackingCode: string } | { nationalId: string };

/** 12 digits: a tracking code; 10 (or 8-9, padded): a national ID; both checked by their check digits. */
export function parseApplicantQuery(text: string): Result<Query, "not_a_code"> {
  const digits = normalizeNumericInput(text);
  if (digits.length === 12) {
    const code = parseTrackingCode(digits);
    return code.ok ? ok({ trackingCode: code.value }) : fail("not_a_code");
  }
  const nationalId = parseNationalId(digits);
  return nationalId.ok ? ok({ nationalId: nationalId.value }) : fail("not_a_code");
}

export function findApplicantFlow(services: StaffServices): Flow {
  return {
    id: "staff-find",
    async run(conversation, ctx) {
      const member = await actingMember(conversation, ctx, services, "applicant.find");
      // A query that finds no one is answered and rewound: however many, the log keeps none of them.
      const asking = conversation.checkpoint();
      const query = await staffAsk(conversation, ctx, member, {
        prompt: "staff-find-ask",
        errors: STAFF_FIND_ERRORS,
        back: false,
        parse: (reply) => (reply.kind === "text" ? parseApplicantQuery(reply.text) : fail("not_a_code")),
      });
      if (query.kind === "back") return conversation.rewind(asking);
      await actingMember(conversation, ctx, services, "applicant.find");
      const { view } = await conversation.external(async () => {
        const applicant = await services.desk.findApplicant(query.value);
        if (!applicant) return { view: null };
        await appendAuditNow(services, member, {
          action: "applicant.find",
          subjectKind: "application",
          subjectId: applicant.applicationId,
          applicationId: applicant.applicationId,
        });
        const catalog = await services.offices.catalog();
        return { view: plainView(applicantView(ctx, member, applicant, (id) => catalog.get(id)?.name ?? "")) };
      });
      if (!view) {
        await ctx.reply(ctx.t("staff-find-not-found"));
        return conversation.rewind(asking);
      }
      await sendView(ctx, view);
      return leaveToStaffMenu(conversation, ctx, member, "staff-find-done");
    },
  };
}
