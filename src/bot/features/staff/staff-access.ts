// The server-side check every staff command and button runs: who is pressing, are they still staff, does their
// role allow this action. A refusal is polite to the person and a warning in the log (never silent).
import type { StaffAction, StaffMember } from "../../../domain/staff/staff-member.js";
import { authorize } from "../../../domain/staff/staff-member.js";
import type { MeetOnStart, StaffStore } from "../../../domain/staff/staff-store.js";
import type { BotContext, FlowContext } from "../../context.js";

/**
 * The member pressing, allowed to take `action`, or null after telling them no. `ownerUserId`: the user a
 * button was made for (a button forwarded or forged into another chat is refused). The member is read from
 * the database now, so a revoked operator's old buttons do nothing.
 */
export async function staffFor(
  ctx: FlowContext,
  staff: StaffStore,
  action: StaffAction,
  options: { ownerUserId?: number; officeId?: number } = {},
): Promise<StaffMember | null> {
  const userId = ctx.from?.id;
  const refuse = async (reason: string) => {
    ctx.logger.warn({ action, reason, userId, chatType: ctx.chat?.type }, "staff action refused");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("staff-refused"), show_alert: true });
    else await ctx.reply(ctx.t("staff-refused"));
    return null;
  };
  if (userId === undefined || ctx.chat?.type !== "private") return refuse("not_private_chat");
  if (options.ownerUserId !== undefined && options.ownerUserId !== userId) return refuse("button_of_another_user");
  const member = await staff.activeMember(userId);
  const verdict = authorize(member, action, options.officeId);
  if (!verdict.ok) return refuse(verdict.refusal);
  return member;
}

/**
 * The active staff member on a plain /start (to choose which menu it shows; never grants anything by itself),
 * or null for a citizen, whose chat the same statement recorded (the main menu then does not record it again).
 */
export async function staffOnStart(ctx: BotContext, meet: MeetOnStart): Promise<StaffMember | null> {
  if (!ctx.from || ctx.chat?.type !== "private") return null;
  const member = await meet(ctx.chat.id, ctx.from.id);
  if (!member) ctx.chatRecorded = true;
  return member;
}
