// The admin's panel: revoke a staff member, read an applicant's or an office's audit trail page by page.
import { Composer, InlineKeyboard } from "grammy";
import type { StaffMember } from "../../../domain/staff/staff-member.js";
import { STAFF_PAGE_SIZE, type StaffServices } from "../../../flows/staff/staff-services.js";
import { toPersianDigits } from "../../../domain/text/digits.js";
import { onCallbackData, staffApplicantTrailData, staffOfficeTrailData, staffRevokeData } from "../../callback-data/index.js";
import type { BotContext } from "../../context.js";
import { staffFor } from "./staff-access.js";
import { auditView } from "./staff-views.js";

export async function sendRevokeList(ctx: BotContext, services: StaffServices, admin: StaffMember): Promise<void> {
  const members = (await services.staff.listActive()).filter((member) => member.id !== admin.id);
  const keyboard = new InlineKeyboard();
  for (const member of members.slice(0, 30)) {
    keyboard
      .text(
        ctx.t("staff-revoke-button", {
          id: toPersianDigits(member.id),
          name: member.displayName,
          role: ctx.t(`staff-role-${member.role}`),
          office: member.officeName ?? "",
        }),
        staffRevokeData.encode({ userId: admin.userId, memberId: member.id }),
      )
      .row();
  }
  await ctx.reply(ctx.t(members.length === 0 ? "staff-revoke-none" : "staff-revoke-choose"), { reply_markup: keyboard });
}

export async function sendOfficeTrail(ctx: BotContext, services: StaffServices, admin: StaffMember, officeId: number, page: number): Promise<void> {
  const office = (await services.offices.catalog()).get(officeId);
  const result = await services.staff.trail({ kind: "office", officeId }, page, STAFF_PAGE_SIZE);
  const view = auditView(ctx, admin, { kind: "office", officeId, officeName: office?.name ?? "" }, page, result);
  await ctx.reply(view.text, { reply_markup: view.keyboard });
}

export function adminPanelFeature(services: StaffServices): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onCallbackData(feature, staffRevokeData, async (ctx, { userId, memberId }) => {
    const admin = await staffFor(ctx, services.staff, "staff.revoke", { ownerUserId: userId });
    if (!admin) return;
    const revoked = await services.staff.revoke(memberId, admin, new Date());
    await ctx.answerCallbackQuery({ text: ctx.t(revoked ? "staff-revoked" : "staff-outcome-already"), show_alert: !revoked });
    if (revoked) ctx.logger.info({ member: memberId }, "staff member revoked");
  });

  onCallbackData(feature, staffApplicantTrailData, async (ctx, { userId, applicationId, page: pageWord }) => {
    const page = Number(pageWord);
    const admin = await staffFor(ctx, services.staff, "audit.read", { ownerUserId: userId });
    if (!admin) return;
    await ctx.answerCallbackQuery();
    const result = await services.staff.trail({ kind: "application", applicationId }, page, STAFF_PAGE_SIZE);
    const view = auditView(ctx, admin, { kind: "application", applicationId }, page, result);
    await ctx.reply(view.text, { reply_markup: view.keyboard });
  });

  onCallbackData(feature, staffOfficeTrailData, async (ctx, { userId, officeId, page }) => {
    const admin = await staffFor(ctx, services.staff, "audit.read", { ownerUserId: userId });
    if (!admin) return;
    await ctx.answerCallbackQuery();
    await sendOfficeTrail(ctx, services, admin, officeId, page);
  });
  return feature;
}
