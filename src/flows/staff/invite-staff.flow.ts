// Admin: create a one-time, expiring invite for an operator of an office (by its code) or another admin; the
// deep link is shown once, and only its hash is kept.
import { inviteLink, newInviteToken, type InviteGrant } from "../../domain/staff/invite.js";
import { fail, ok } from "../../domain/shared/result.js";
import { formatDateTime } from "../../domain/time/persian-format.js";
import { STAFF_CHOICE_ERRORS, STAFF_OFFICE_CODE_ERRORS } from "./staff-errors.js";
import type { Flow } from "../flow.js";
import { actingMember, leaveToStaffMenu, staffAsk } from "./staff-kit.js";
import type { StaffServices } from "./staff-services.js";

export function inviteStaffFlow(services: StaffServices): Flow {
  return {
    id: "staff-invite",
    async run(conversation, ctx) {
      const admin = await actingMember(conversation, ctx, services, "staff.invite");
      const roles = { [ctx.t("staff-role-operator")]: "operator", [ctx.t("staff-role-admin")]: "admin" } as const;
      const role = await staffAsk(conversation, ctx, admin, {
        prompt: "staff-invite-ask-role",
        errors: STAFF_CHOICE_ERRORS,
        back: false,
        buttons: () => [Object.keys(roles)],
        parse: (reply) => (reply.kind === "text" && reply.text in roles ? ok(roles[reply.text]!) : fail("choose_button")),
      });
      if (role.kind === "back") return;
      let grant: InviteGrant = { role: "admin", officeId: null, unitId: null };
      let officeName = "";
      if (role.value === "operator") {
        const office = await staffAsk(conversation, ctx, admin, {
          prompt: "staff-invite-ask-office",
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
        grant = { role: "operator", officeId: office.value.id, unitId: null };
        officeName = office.value.name;
      }
      const acting = await actingMember(conversation, ctx, services, "staff.invite");
      const invite = await conversation.external(async () => {
        const token = newInviteToken();
        const now = new Date();
        const expiresAt = new Date(now.getTime() + services.inviteTtlMs);
        await services.staff.createInvite(grant, acting, token, expiresAt, now);
        return { token, expiresAt: expiresAt.toISOString() };
      });
      const link = inviteLink(ctx.me.username, invite.token);
      ctx.logger.info({ role: grant.role, office: grant.officeId }, "staff invite created in the bot");
      await ctx.reply(
        ctx.t("staff-invite-created", {
          role: ctx.t(`staff-role-${grant.role}`),
          office: officeName,
          until: formatDateTime(new Date(invite.expiresAt)),
          link: link.url,
          command: link.command,
        }),
      );
      return leaveToStaffMenu(conversation, ctx, admin, "staff-invite-done");
    },
  };
}
