// How a case reads: its unit, status and timeline for the citizen (visible entries only) and the staff card.
import type { FlowContext } from "../../bot/context.js";
import { displayCaseNumber } from "../../domain/cases/case-number.js";
import type { CaseSummary, CaseView, EntryView, UnitView } from "../../domain/cases/case-store.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { formatDateTime } from "../../domain/time/persian-format.js";

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
    timeline: view.entries.filter((e) => e.visibility === "citizen").map((e) => entryLine(ctx, e, "citizen")).join("\n"),
  });
}

export function staffCardText(ctx: Translator, view: CaseView): string {
  const details = Object.entries(view.details)
    .filter(([, value]) => typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    .map(([key, value]) => `${key}: ${typeof value === "number" ? toPersianDigits(value) : String(value)}`)
    .join("\n");
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
    timeline: view.entries.slice(-12).map((e) => entryLine(ctx, e, "staff")).join("\n"),
  });
}
