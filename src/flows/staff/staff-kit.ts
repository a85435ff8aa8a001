// Shared steps of the staff conversations: re-checking the member when a step acts, and leaving to the staff menu.
import { InlineKeyboard } from "grammy";
import type { FlowContext, FlowConversation } from "../../bot/context.js";
import { staffMenuKeyboard } from "../../bot/keyboards/staff-menu.js";
import { authorize, type StaffAction, type StaffMember } from "../../domain/staff/staff-member.js";
import { ask, type Answer, type Question } from "../kit/ask.js";
import type { StaffServices } from "./staff-services.js";

/**
 * The member, read from the database at this step, allowed to take `action`; otherwise the person is told
 * no and the conversation ends (an operator revoked mid-conversation can finish nothing).
 */
export async function actingMember(
  conversation: FlowConversation,
  ctx: FlowContext,
  services: StaffServices,
  action: StaffAction,
  officeId?: number,
): Promise<StaffMember> {
  const verdict = await conversation.external(async () => {
    const member = ctx.from ? await services.staff.activeMember(ctx.from.id) : null;
    const decision = authorize(member, action, officeId);
    return decision.ok ? { ok: true as const, member: member! } : { ok: false as const, refusal: decision.refusal };
  });
  if (!verdict.ok) {
    ctx.logger.warn({ action, reason: verdict.refusal }, "staff action refused");
    await ctx.reply(ctx.t("staff-refused"));
    return conversation.halt();
  }
  return verdict.member;
}

/** Ends the conversation with the staff menu. */
export async function leaveToStaffMenu(
  conversation: FlowConversation,
  ctx: FlowContext,
  member: StaffMember,
  key: string,
  params?: Record<string, string | number>,
): Promise<never> {
  await ctx.reply(ctx.t(key, params), { reply_markup: staffMenuKeyboard(ctx, member) });
  return conversation.halt();
}

/** A rendered view as plain data (conversations store what external steps return as JSON). */
export interface PlainView {
  text: string;
  rows: InlineKeyboard["inline_keyboard"];
}

export const plainView = (view: { text: string; keyboard: InlineKeyboard }): PlainView => ({ text: view.text, rows: view.keyboard.inline_keyboard });

export async function sendView(ctx: FlowContext, view: PlainView): Promise<void> {
  await ctx.reply(view.text, view.rows.length > 0 ? { reply_markup: InlineKeyboard.from(view.rows) } : {});
}

/** ask() in a staff journey: leaving (cancel, /start) returns to the staff menu rather than the citizen's. */
export function staffAsk<T, E extends string>(
  conversation: FlowConversation,
  ctx: FlowContext,
  member: StaffMember,
  question: Question<T, E>,
): Promise<Answer<T>> {
  return ask(conversation, ctx, { ...question, leaveWith: (c) => staffMenuKeyboard(c, member) });
}
