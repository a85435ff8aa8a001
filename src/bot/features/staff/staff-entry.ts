// The way into the staff side: enrolment by a one-time invite (/start staff-<token>), the staff menu on /start and
// /staff for staff only, and the menu's buttons. A citizen typing a staff label or /staff is refused and logged.
import { hears } from "@grammyjs/i18n";
import { Composer } from "grammy";
import { inviteTokenFromPayload } from "../../../domain/staff/invite.js";
import { stripInvisibleMarks } from "../../../domain/text/digits.js";
import type { StaffMember } from "../../../domain/staff/staff-member.js";
import type { StaffServices } from "../../../flows/staff/staff-services.js";
import type { BotContext } from "../../context.js";
import { mainMenuKeyboard } from "../../keyboards/main-menu.js";
import { staffMenuKeyboard, type StaffMenuKey } from "../../keyboards/staff-menu.js";
import { staffFor, staffOnStart } from "./staff-access.js";
import { sendAppointments, sendIncoming, sendUncollected } from "./operator-panel.js";
import { sendRevokeList } from "./admin-panel.js";

/** Shows the staff menu with a line naming the role and office. */
export async function showStaffMenu(ctx: BotContext, services: StaffServices, member: StaffMember, key = "staff-menu-hello"): Promise<void> {
  const office = member.scope.kind === "office" ? ((await services.offices.catalog()).get(member.scope.officeId)?.name ?? "") : "";
  await ctx.reply(ctx.t(key, { name: member.displayName || ctx.from?.first_name || "", role: ctx.t(`staff-role-${member.role}`), office }), {
    reply_markup: staffMenuKeyboard(ctx, member),
  });
}

export function staffEntryFeature(services: StaffServices): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("start", async (ctx, next) => {
    const payload = stripInvisibleMarks(ctx.match).trim();
    if (payload.startsWith("staff-")) {
      const token = inviteTokenFromPayload(payload);
      const result = token
        ? await services.staff.enrol(token, ctx.from.id, ctx.from.first_name ?? "", new Date())
        : ({ ok: false, refusal: "invite_unknown" } as const);
      if (!result.ok) {
        ctx.logger.warn({ refusal: result.refusal }, "staff invite refused");
        return ctx.reply(ctx.t(`staff-enrol-${result.refusal}`), { reply_markup: mainMenuKeyboard(ctx) });
      }
      ctx.logger.info({ member: result.member.id, role: result.member.role }, "staff member enrolled");
      return showStaffMenu(ctx, services, result.member, "staff-enrolled");
    }
    const member = payload === "" ? await staffOnStart(ctx, services.meetOnStart) : null;
    if (!member) return next();
    return showStaffMenu(ctx, services, member);
  });

  privateChats.command("staff", async (ctx) => {
    const member = await staffFor(ctx, services.staff, "applicant.find");
    if (member) await showStaffMenu(ctx, services, member);
  });

  const on = (key: StaffMenuKey, handler: (ctx: BotContext) => Promise<unknown>) => feature.filter(hears(key), handler);
  on("staff-menu-today", async (ctx) => {
    const member = await staffFor(ctx, services.staff, "appointments.list");
    if (member) await sendAppointments(ctx, services, member, "today", 0);
  });
  on("staff-menu-tomorrow", async (ctx) => {
    const member = await staffFor(ctx, services.staff, "appointments.list");
    if (member) await sendAppointments(ctx, services, member, "tomorrow", 0);
  });
  on("staff-menu-find", async (ctx) => {
    if (await staffFor(ctx, services.staff, "applicant.find")) await ctx.conversation.enter("staff-find");
  });
  on("staff-menu-uncollected", async (ctx) => {
    const member = await staffFor(ctx, services.staff, "cards.list_uncollected");
    if (member) await sendUncollected(ctx, services, member, 0);
  });
  on("staff-menu-incoming", async (ctx) => {
    const member = await staffFor(ctx, services.staff, "card.receive");
    if (member) await sendIncoming(ctx, services, member);
  });
  on("staff-menu-invite", async (ctx) => {
    if (await staffFor(ctx, services.staff, "staff.invite")) await ctx.conversation.enter("staff-invite");
  });
  on("staff-menu-revoke", async (ctx) => {
    const member = await staffFor(ctx, services.staff, "staff.revoke");
    if (member) await sendRevokeList(ctx, services, member);
  });
  on("staff-menu-office-trail", async (ctx) => {
    if (await staffFor(ctx, services.staff, "audit.read")) await ctx.conversation.enter("staff-office-trail");
  });
  on("staff-menu-citizen", async (ctx) => {
    await ctx.reply(ctx.t("staff-to-citizen-menu"), { reply_markup: mainMenuKeyboard(ctx) });
  });
  return feature;
}
