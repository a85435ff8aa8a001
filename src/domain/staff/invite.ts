// Staff invites: one-time tokens that expire, carried in a deep link (/start staff-<token>), stored only as a hash.
import { createHash, randomBytes } from "node:crypto";
import { stripInvisibleMarks } from "../text/digits.js";
import type { StaffRole } from "./staff-member.js";

/** The deep-link payload prefix: `/start staff-<token>`. */
export const INVITE_PAYLOAD_PREFIX = "staff-";
/** How long an invite can be used, by default. */
export const DEFAULT_INVITE_TTL_MS = 72 * 3600_000;

/** What an invite grants. */
export interface InviteGrant {
  readonly role: StaffRole;
  readonly officeId: number | null;
  readonly unitId: number | null;
}

/** A new random token: 24 bytes, base64url (32 characters, inside Telegram's 64-character start payload). */
export function newInviteToken(random: (size: number) => Buffer = randomBytes): string {
  return random(24).toString("base64url");
}

/** The hash the database keeps instead of the token. */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token in a /start payload, or null when the payload is not a staff invite. */
export function inviteTokenFromPayload(raw: string): string | null {
  // A command copied from a message may carry the direction marks that keep it left to right in Persian text.
  const payload = stripInvisibleMarks(raw).trim();
  if (!payload.startsWith(INVITE_PAYLOAD_PREFIX)) return null;
  const token = payload.slice(INVITE_PAYLOAD_PREFIX.length);
  return /^[A-Za-z0-9_-]{20,60}$/.test(token) ? token : null;
}

/** The deep link an invited person opens: t.me/<bot>?start=staff-<token>, and the /start text it sends. */
export function inviteLink(botUsername: string, token: string): { readonly url: string; readonly command: string } {
  return { url: `https://t.me/${botUsername}?start=${INVITE_PAYLOAD_PREFIX}${token}`, command: `/start ${INVITE_PAYLOAD_PREFIX}${token}` };
}

/** Why an enrolment was refused. */
export type EnrolRefusal = "invite_unknown" | "invite_expired" | "invite_used" | "invite_revoked" | "already_staff";
