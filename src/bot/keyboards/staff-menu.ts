// The staff menu: a reply keyboard shown to staff only, by role; labels come from locales/*/staff.ftl.
import { Keyboard } from "grammy";
import type { StaffMember } from "../../domain/staff/staff-member.js";
import type { FlowContext } from "../context.js";

/** Operator's buttons, rows of two. */
export const OPERATOR_MENU_KEYS = [
  ["staff-menu-today", "staff-menu-tomorrow"],
  ["staff-menu-find", "staff-menu-uncollected"],
  ["staff-menu-incoming", "staff-menu-citizen"],
] as const;

/** Admin's buttons. */
export const ADMIN_MENU_KEYS = [["staff-menu-invite", "staff-menu-revoke"], ["staff-menu-find", "staff-menu-office-trail"], ["staff-menu-citizen"]] as const;

/** Hotline agents' and supervisors' buttons (their handlers are in src/bot/features/cases/staff-cases.ts). */
export const HOTLINE_MENU_KEYS = [
  ["staff-menu-case-queue", "staff-menu-case-number"],
  ["staff-menu-case-caller", "staff-menu-citizen"],
] as const;

/** Every staff menu label key: a citizen who types one is refused by the server like any other staff action. */
export const STAFF_MENU_KEYS = [...new Set([...OPERATOR_MENU_KEYS.flat(), ...ADMIN_MENU_KEYS.flat(), ...HOTLINE_MENU_KEYS.flat()])];
export type StaffMenuKey = (typeof STAFF_MENU_KEYS)[number];

export function staffMenuKeyboard(ctx: FlowContext, member: StaffMember): Keyboard {
  const rows = member.role === "admin" ? ADMIN_MENU_KEYS : member.role === "operator" ? OPERATOR_MENU_KEYS : HOTLINE_MENU_KEYS;
  return Keyboard.from(rows.map((row) => row.map((key) => ctx.t(key))))
    .resized()
    .persistent();
}
