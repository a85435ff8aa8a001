// The staff side's rules: roles and scopes, invite tokens and deep links, the visit checklist, the operator's inputs.
import { describe, expect, it } from "vitest";
import { authorize, scopeFor, STAFF_ACTIONS, type StaffMember } from "../../../src/domain/staff/staff-member.js";
import { hashInviteToken, inviteLink, inviteTokenFromPayload, newInviteToken } from "../../../src/domain/staff/invite.js";
import { missingForCompletion, VISIT_ITEMS } from "../../../src/domain/staff/visit.js";
import { parseApplicantQuery } from "../../../src/flows/staff/find-applicant.flow.js";
import { parseToman } from "../../../src/flows/staff/record-fee.flow.js";
import { generateTrackingCode } from "../../../src/domain/application/tracking-code.js";

const operator: StaffMember = { id: 1, userId: 10, displayName: "", role: "operator", scope: { kind: "office", officeId: 7 } };
const admin: StaffMember = { id: 2, userId: 20, displayName: "", role: "admin", scope: { kind: "everywhere" } };
const agent: StaffMember = { id: 3, userId: 30, displayName: "", role: "hotline_agent", scope: { kind: "unit", unitId: 1 } };

describe("roles and scopes", () => {
  it("gives each role the scope it must have, and nothing else", () => {
    expect(scopeFor("admin", null, null)).toEqual({ kind: "everywhere" });
    expect(scopeFor("admin", 7, null)).toBeNull();
    expect(scopeFor("operator", 7, null)).toEqual({ kind: "office", officeId: 7 });
    expect(scopeFor("operator", null, null)).toBeNull();
    expect(scopeFor("operator", 7, 1)).toBeNull();
    expect(scopeFor("supervisor", null, 1)).toEqual({ kind: "unit", unitId: 1 });
    expect(scopeFor("hotline_agent", 7, null)).toBeNull();
  });

  it("refuses everything to someone who is not staff (a citizen, a revoked member)", () => {
    for (const action of STAFF_ACTIONS) expect(authorize(null, action)).toEqual({ ok: false, refusal: "not_staff" });
  });

  it("lets an operator act at the counter of their own office only", () => {
    expect(authorize(operator, "visit.check_in", 7)).toEqual({ ok: true });
    expect(authorize(operator, "visit.check_in", 8)).toEqual({ ok: false, refusal: "out_of_scope" });
    expect(authorize(operator, "card.deliver", 8)).toEqual({ ok: false, refusal: "out_of_scope" });
    // Anyone may learn where a card is (the seed), so finding an applicant names no office.
    expect(authorize(operator, "applicant.find")).toEqual({ ok: true });
    for (const action of ["staff.invite", "staff.revoke", "audit.read"] as const)
      expect(authorize(operator, action)).toEqual({ ok: false, refusal: "role_not_allowed" });
  });

  it("lets an admin invite, revoke, read trails and find applicants, but not work a counter", () => {
    for (const action of ["staff.invite", "staff.revoke", "audit.read", "applicant.find"] as const) expect(authorize(admin, action)).toEqual({ ok: true });
    for (const action of ["visit.check_in", "visit.complete", "card.deliver", "card.receive"] as const)
      expect(authorize(admin, action, 7)).toEqual({ ok: false, refusal: "role_not_allowed" });
  });

  it("gives hotline roles no desk or admin action until the cases feature", () => {
    for (const action of STAFF_ACTIONS) expect(authorize(agent, action)).toEqual({ ok: false, refusal: "role_not_allowed" });
  });
});

describe("invites", () => {
  it("makes random 32-character tokens that fit a deep link, and keeps only their hash", () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newInviteToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const token = [...tokens][0]!;
    expect(hashInviteToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInviteToken(token)).not.toContain(token);
    const link = inviteLink("idcard_bot", token);
    expect(link.url).toBe(`https://t.me/idcard_bot?start=staff-${token}`);
    expect(`staff-${token}`.length).toBeLessThanOrEqual(64); // Telegram's start payload limit
    expect(link.command).toBe(`/start staff-${token}`);
  });

  it("reads the token from a /start payload, with or without copied direction marks", () => {
    const token = newInviteToken();
    expect(inviteTokenFromPayload(`staff-${token}`)).toBe(token);
    expect(inviteTokenFromPayload(`\u2066staff-${token}\u2069`)).toBe(token);
    expect(inviteTokenFromPayload(token)).toBeNull();
    expect(inviteTokenFromPayload("staff-short")).toBeNull();
    expect(inviteTokenFromPayload(`staff-${token}!`)).toBeNull();
  });
});

describe("the visit", () => {
  it("completes only with every checklist item and the fee recorded", () => {
    expect(missingForCompletion({ done: new Set(), feeRial: null })).toEqual({ items: [...VISIT_ITEMS], fee: true });
    expect(missingForCompletion({ done: new Set(VISIT_ITEMS), feeRial: null })).toEqual({ items: [], fee: true });
    expect(missingForCompletion({ done: new Set(VISIT_ITEMS.filter((item) => item !== "fingerprints")), feeRial: 90_000 })).toEqual({
      items: ["fingerprints"],
      fee: false,
    });
    expect(missingForCompletion({ done: new Set(VISIT_ITEMS), feeRial: 0 })).toEqual({ items: [], fee: false });
  });

  it("reads a fee in toman in any digits, with separators, as rial", () => {
    expect(parseToman("۹۰۰۰")).toEqual({ ok: true, value: 90_000 });
    expect(parseToman("۹٬۰۰۰")).toEqual({ ok: true, value: 90_000 });
    expect(parseToman("٢,٠٠٠")).toEqual({ ok: true, value: 20_000 });
    expect(parseToman("0")).toEqual({ ok: true, value: 0 });
    for (const bad of ["", "نه هزار", "-5", "9.5", "12345678901"]) expect(parseToman(bad)).toEqual({ ok: false, error: "not_amount" });
  });

  it("tells a tracking code from a national ID, each checked by its check digit", () => {
    expect(parseApplicantQuery("۶۳۸۳۲۳۳۵۶۴")).toEqual({ ok: true, value: { nationalId: "6383233564" } });
    expect(parseApplicantQuery("6383233565")).toEqual({ ok: false, error: "not_a_code" });
    expect(parseApplicantQuery("12345")).toEqual({ ok: false, error: "not_a_code" });
    const code = generateTrackingCode((max) => Math.floor(Math.random() * max));
    expect(parseApplicantQuery(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`)).toEqual({ ok: true, value: { trackingCode: code } });
    // One digit changed: the check digit refuses it rather than finding someone else's record.
    const mistyped = `${code.slice(0, 11)}${(Number(code[11]) + 1) % 10}`;
    expect(parseApplicantQuery(mistyped)).toEqual({ ok: false, error: "not_a_code" });
  });
});
