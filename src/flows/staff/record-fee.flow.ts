// Staff: record the completion fee charged at the counter; above the tariff in force it is refused and recorded as a violation.
import { visitCardView } from "../../bot/features/staff/staff-views.js";
import { tomanToRial } from "../../domain/fees/money.js";
import { fail, ok, type Result } from "../../domain/shared/result.js";
import { normalizeNumericInput } from "../../domain/text/digits.js";
import { formatToman } from "../../domain/time/persian-format.js";
import { STAFF_FEE_ERRORS } from "./staff-errors.js";
import type { Flow } from "../flow.js";
import { actingMember, leaveToStaffMenu, plainView, sendView, staffAsk } from "./staff-kit.js";
import type { StaffServices } from "./staff-services.js";

/** A whole number of toman typed in any digits, with or without thousands separators. */
export function parseToman(text: string): Result<number, "not_amount"> {
  // A minus sign would be stripped with the dashes below; an amount is never negative.
  if (/^\s*[-\u2212]/.test(text)) return fail("not_amount");
  const digits = normalizeNumericInput(text).replace(/[,\u066c\u060c]/g, "");
  if (!/^\d{1,9}$/.test(digits)) return fail("not_amount");
  return ok(tomanToRial(Number(digits)));
}

export function recordFeeFlow(services: StaffServices): Flow {
  return {
    id: "staff-fee",
    async run(conversation, ctx, appointmentId?: string) {
      const member = await actingMember(conversation, ctx, services, "visit.record_fee");
      const cap = await conversation.external(async () => {
        const visit = appointmentId ? await services.desk.visit(appointmentId) : null;
        return visit ? services.desk.completionFeeCap(visit.applicationId, new Date()) : null;
      });
      if (cap === null || !appointmentId) return leaveToStaffMenu(conversation, ctx, member, "staff-outcome-not_found");
      const fee = await staffAsk(conversation, ctx, member, {
        prompt: "staff-fee-ask",
        promptParams: { cap: formatToman(cap) },
        errors: STAFF_FEE_ERRORS,
        back: false,
        parse: (reply) => (reply.kind === "text" ? parseToman(reply.text) : fail("not_amount")),
      });
      if (fee.kind === "back") return;
      const acting = await actingMember(conversation, ctx, services, "visit.record_fee");
      const result = await conversation.external(async () => {
        const outcome = await services.desk.recordFee(acting, appointmentId, fee.value, cap, new Date());
        const visit = await services.desk.visit(appointmentId);
        return { kind: outcome.kind, card: visit ? plainView(visitCardView(ctx, acting, visit, cap)) : null };
      });
      if (result.kind === "fee_above_tariff") {
        ctx.logger.warn({ appointment: appointmentId }, "completion fee above the tariff refused and recorded as a violation");
        return leaveToStaffMenu(conversation, ctx, acting, "staff-outcome-fee_above_tariff", { cap: formatToman(cap) });
      }
      if (result.card) await sendView(ctx, result.card);
      return leaveToStaffMenu(
        conversation,
        ctx,
        acting,
        result.kind === "done" || result.kind === "already" ? "staff-done-fee" : `staff-outcome-${result.kind}`,
        { fee: formatToman(fee.value) },
      );
    },
  };
}
