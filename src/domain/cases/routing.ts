// Routing as data: a table of (case kind, office type, province) → unit; the most specific row wins.
import type { OfficeType } from "../booking/office.js";
import type { CaseKind } from "./case.js";

export interface CaseRoute {
  readonly caseKind: CaseKind;
  /** null: any office type (or none). */
  readonly officeType: OfficeType | null;
  /** null: any province. */
  readonly provinceId: number | null;
  readonly unitId: number;
}

export interface RoutingQuery {
  readonly caseKind: CaseKind;
  readonly officeType?: OfficeType | null;
  readonly provinceId?: number | null;
}

/** The unit for a case: a row must match every field it names; among matches, the one naming the most wins. */
export function routeCase(routes: readonly CaseRoute[], query: RoutingQuery): number | null {
  let best: { route: CaseRoute; score: number } | null = null;
  for (const route of routes) {
    if (route.caseKind !== query.caseKind) continue;
    if (route.officeType !== null && route.officeType !== (query.officeType ?? null)) continue;
    if (route.provinceId !== null && route.provinceId !== (query.provinceId ?? null)) continue;
    // Office type is a stronger signal than province: a post-office report goes to the post hotline anywhere.
    const score = (route.officeType !== null ? 2 : 0) + (route.provinceId !== null ? 1 : 0);
    if (!best || score > best.score) best = { route, score };
  }
  return best?.route.unitId ?? null;
}
