// How a case reads: its unit, status and timeline for the citizen (visible entries only) and the staff card.
import type { FlowContext } from "../../bot/context.js";
import { displayCaseNumber } from "../../domain/cases/case-number.js";
import type { CaseSummary, CaseView, EntryView, UnitView } from "../../domain/cases/case-store.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { formatDateTime, formatJalaliDateOnly, formatToman } from "../../domain/time/persian-format.js";
import { parseJalaliDate } from "../../domain/time/jalali.js";
import { DAYS, keyOf, NEEDS, REGISTRATION_LABELS, WINDOWS } from "./home-service-options.js";

type Translator = Pick<FlowContext, "t">;

export function unitName(ctx: Translator, unit: Pick<UnitView, "kind" | "officeType">): string {
  return ctx.t("case-unit-name", { unitKind: unit.kind, officeType: unit.officeType ?? "other" });
}

export function caseLine(ctx: Translator, item: CaseSummary): string {
  return ctx.t("case-list-line", {
    number: displayCaseNumber(item.number),
    kind: ctx.t(`case-kind-${item.kind}`),
    status: ctx.t(`case-status-${item.status}`),
    at: formatDateTime(item.createdAt),
  });
}

/** The button that opens a case: its number in Persian digits (what the citizen reads aloud). */
export const caseButton = (item: Pick<CaseSummary, "number">) => `📁 ${displayCaseNumber(item.number)}`;

export function entryLine(ctx: Translator, entry: EntryView, audience: "citizen" | "staff"): string {
  const line = ctx.t(`case-entry-${entry.kind}`, {
    ...entry.params,
    text: entry.text,
    rating: toPersianDigits(entry.params.rating ?? ""),
    outcome: String(entry.params.outcome ?? ""),
    reason: String(entry.params.reason ?? ""),
    who: entry.authorName ?? "-",
  });
  const at = formatDateTime(entry.at);
  return audience === "staff" ? `${entry.visibility === "internal" ? "🔒" : "👁"} ${at} — ${line}` : `• ${at} — ${line}`;
}

export function citizenCaseText(ctx: Translator, view: CaseView): string {
  return ctx.t("case-citizen-view", {
    number: displayCaseNumber(view.number),
    kind: ctx.t(`case-kind-${view.kind}`),
    status: ctx.t(`case-status-${view.status}`),
    unit: unitName(ctx, view.unit),
    timeline: view.entries
      .filter((e) => e.visibility === "citizen")
      .map((e) => entryLine(ctx, e, "citizen"))
      .join("\n"),
  });
}

/** The reported day in words (a slashed date would show its parts reversed inside Persian text). */
function visitDay(value: unknown): string {
  const day = typeof value === "string" ? parseJalaliDate(value) : null;
  return day?.ok ? formatJalaliDateOnly(day.value) : "-";
}

/** What the journey collected, in Persian for the agent (details are the journey's own JSON). */
export function staffDetails(ctx: Translator, view: CaseView): string {
  const d = view.details as Record<string, unknown>;
  const money = (key: string) => (typeof d[key] === "number" ? formatToman(d[key] as number) : "-");
  const text = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : "-");
  if (view.kind === "overcharge") {
    return ctx.t("case-staff-details-overcharge", {
      office: text("office"),
      day: visitDay(d.visitDay),
      charged: money("chargedRial"),
      legal: money("legalRial"),
      over: money("overRial"),
      trackingCode: ctx.t(d.trackingCodeCharged === true ? "case-staff-yes" : "case-staff-no"),
      source: ctx.t(d.source === "counter" ? "case-staff-source-counter" : "case-staff-source-citizen"),
    });
  }
  if (view.kind === "home_service") {
    const members = Array.isArray(d.members) ? (d.members as Array<{ firstName?: string; registration?: keyof typeof REGISTRATION_LABELS }>) : [];
    const location = d.location as { latitude?: number; longitude?: number } | null | undefined;
    const pick = <T extends string>(options: ReadonlyArray<readonly [T, string]>, key: string) =>
      options.some(([value]) => value === d[key]) ? ctx.t(keyOf(options, d[key] as T)) : "-";
    return ctx.t("case-staff-details-home_service", {
      need: pick(NEEDS, "need"),
      members:
        members
          .map((m, i) => `${toPersianDigits(i + 1)}. ${m.firstName ?? "-"} (${m.registration ? ctx.t(REGISTRATION_LABELS[m.registration]) : "-"})`)
          .join("، ") || "-",
      disability: text("disability"),
      address: text("address"),
      location: location?.latitude !== undefined ? `https://maps.google.com/?q=${location.latitude},${location.longitude}` : "-",
      phone: typeof d.phone === "string" ? `\u2066${toPersianDigits(d.phone)}\u2069` : "-",
      days: pick(DAYS, "days"),
      window: pick(WINDOWS, "window"),
    });
  }
  return ctx.t("case-staff-details-complaint", { channel: ctx.t(d.channel === "phone" ? "case-staff-channel-phone" : "case-staff-channel-bot") });
}

export function staffCardText(ctx: Translator, view: CaseView): string {
  const details = staffDetails(ctx, view);
  return ctx.t("case-staff-card", {
    number: displayCaseNumber(view.number),
    kind: ctx.t(`case-kind-${view.kind}`),
    status: ctx.t(`case-status-${view.status}`),
    unit: unitName(ctx, view.unit),
    assignee: view.assigneeName ?? "-",
    anonymous: ctx.t(view.anonymous ? "case-staff-anonymous-yes" : "case-staff-anonymous-no"),
    due: formatDateTime(view.resolutionDueAt),
    summary: view.summary,
    details: details || "-",
    attachments: toPersianDigits(view.attachments.length),
    rating: view.rating === null ? "-" : toPersianDigits(view.rating),
    timeline: view.entries
      .slice(-12)
      .map((e) => entryLine(ctx, e, "staff"))
      .join("\n"),
  });
}
