// The staff command-line tools' work, separate from process handling so tests can run it: invite, first admin, revoke.
import { parseArgs } from "node:util";
import { DEFAULT_INVITE_TTL_MS, inviteLink, INVITE_PAYLOAD_PREFIX, newInviteToken, type InviteGrant } from "../../domain/staff/invite.js";
import { STAFF_ROLES, type StaffRole } from "../../domain/staff/staff-member.js";
import type { SqlExecutor } from "../database/sql-executor.js";
import { createSqlStaffStore, ensureUnit, officeIdByCode } from "../database/staff-store.js";

/** What a command printed and how it ended (0 done, 1 refused, 2 usage). */
export interface CommandResult {
  readonly exitCode: 0 | 1 | 2;
  readonly lines: string[];
}

const usage = (text: string): CommandResult => ({ exitCode: 2, lines: [text] });

/** `staff:invite -- --role operator --office <code> [--hours 72] [--bot <username>]`; also admin, hotline_agent and supervisor (--unit <code>). */
export async function inviteCommand(sql: SqlExecutor, argv: string[], now = new Date()): Promise<CommandResult> {
  const help =
    "usage: npm run staff:invite -- --role admin|operator|hotline_agent|supervisor [--office <code>] [--unit <code>] [--hours 72] [--bot <username>]";
  let values: { role?: string; office?: string; unit?: string; hours?: string; bot?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { role: { type: "string" }, office: { type: "string" }, unit: { type: "string" }, hours: { type: "string" }, bot: { type: "string" } },
    }));
  } catch (error) {
    return usage(`${(error as Error).message}\n${help}`);
  }
  const role = values.role as StaffRole | undefined;
  if (!role || !STAFF_ROLES.includes(role)) return usage(help);
  const hours = values.hours === undefined ? DEFAULT_INVITE_TTL_MS / 3600_000 : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) return usage("--hours: a number of hours between 0 and 720");
  let grant: InviteGrant;
  if (role === "operator") {
    if (!values.office || values.unit) return usage(`an operator invite names one --office (and no --unit)\n${help}`);
    const office = await officeIdByCode(sql, values.office);
    if (!office) return { exitCode: 1, lines: [`no office with code ${values.office}`] };
    grant = { role, officeId: office.id, unitId: null };
  } else if (role === "admin") {
    if (values.office || values.unit) return usage("an admin invite names no --office or --unit");
    grant = { role, officeId: null, unitId: null };
  } else {
    if (!values.unit || values.office) return usage(`a ${role} invite names one --unit (and no --office)\n${help}`);
    grant = { role, officeId: null, unitId: await ensureUnit(sql, values.unit) };
  }
  const token = newInviteToken();
  const expiresAt = new Date(now.getTime() + hours * 3600_000);
  await createSqlStaffStore(sql).createInvite(grant, null, token, expiresAt, now);
  const link = inviteLink(values.bot ?? "<bot_username>", token);
  return {
    exitCode: 0,
    lines: [
      `invite for ${role}${values.office ? ` of office ${values.office}` : ""}${values.unit ? ` of unit ${values.unit}` : ""}, valid until ${expiresAt.toISOString()}, usable once:`,
      `  open ${link.url}`,
      `  or send the bot: ${link.command}`,
    ],
  };
}

/** `staff:admin -- --user-id <id> [--name <name>]`: enrols the first admin (or another) directly. */
export async function firstAdminCommand(sql: SqlExecutor, argv: string[], now = new Date()): Promise<CommandResult> {
  const help = "usage: npm run staff:admin -- --user-id <Telegram/Bale user id> [--name <name>]";
  let values: { "user-id"?: string; name?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { "user-id": { type: "string" }, name: { type: "string" } } }));
  } catch (error) {
    return usage(`${(error as Error).message}\n${help}`);
  }
  const userId = Number(values["user-id"]);
  if (!Number.isSafeInteger(userId) || userId <= 0) return usage(help);
  const result = await createSqlStaffStore(sql).enrolAdminDirectly(userId, values.name ?? "", now);
  return result.ok
    ? { exitCode: 0, lines: [`user ${userId} is an admin (staff member ${result.member.id}); /start in a private chat with the bot shows the staff menu`] }
    : { exitCode: 1, lines: [`user ${userId} already has an active staff role; revoke it first`] };
}

/** `staff:revoke -- --user-id <id>`: ends a person's staff role at once (their old buttons do nothing). */
export async function revokeCommand(sql: SqlExecutor, argv: string[], now = new Date()): Promise<CommandResult> {
  const help = "usage: npm run staff:revoke -- --user-id <Telegram/Bale user id>";
  let values: { "user-id"?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { "user-id": { type: "string" } } }));
  } catch (error) {
    return usage(`${(error as Error).message}\n${help}`);
  }
  const userId = Number(values["user-id"]);
  if (!Number.isSafeInteger(userId) || userId <= 0) return usage(help);
  const store = createSqlStaffStore(sql);
  const member = await store.activeMember(userId);
  if (!member || !(await store.revoke(member.id, null, now))) return { exitCode: 1, lines: [`user ${userId} has no active staff role`] };
  return { exitCode: 0, lines: [`user ${userId} (${member.role}) revoked`] };
}

export { INVITE_PAYLOAD_PREFIX };
