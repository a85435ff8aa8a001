// Rows of the case tables as SQL returns them, and their domain views.
import type { CaseKind, CaseStatus } from "../../../domain/cases/case.js";
import type { EntryKind, EntryVisibility } from "../../../domain/cases/case-entry.js";
import type { CaseSummary, EntryView, UnitView } from "../../../domain/cases/case-store.js";
import type { OfficeType } from "../../../domain/booking/office.js";

export interface CaseRow {
  id: string;
  number: string;
  kind: string;
  status: string;
  chat_id: string | null;
  unit_id: number;
  assignee_id: number | null;
  assignee_name: string | null;
  office_id: number | null;
  province_id: number | null;
  anonymous: boolean;
  summary: string;
  details: Record<string, unknown>;
  first_response_due_at: Date;
  resolution_due_at: Date;
  first_responded_at: Date | null;
  escalated_at: Date | null;
  rating: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const CASE_COLUMNS = `c.id::text AS id, c.number, c.kind, c.status, c.chat_id::text AS chat_id, c.unit_id, c.assignee_id,
  (SELECT m.display_name FROM staff_members m WHERE m.id = c.assignee_id) AS assignee_name, c.office_id, c.province_id, c.anonymous,
  c.summary, c.details, c.first_response_due_at, c.resolution_due_at, c.first_responded_at, c.escalated_at, c.rating, c.version,
  c.created_at, c.updated_at`;

export interface UnitRow {
  id: number;
  code: string;
  kind: string;
  office_type: string | null;
  province_id: number | null;
  phones: string;
  first_response_minutes: number;
  resolution_minutes: number;
  visit_within_days: number;
}

export const UNIT_COLUMNS = `id, code, kind, office_type, province_id, phones, first_response_minutes, resolution_minutes, visit_within_days`;

export interface EntryRow {
  id: string;
  at: Date;
  kind: string;
  visibility: string;
  author: string;
  author_name: string | null;
  text: string;
  params: Record<string, string | number>;
}

export function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as CaseKind,
    status: row.status as CaseStatus,
    unitId: row.unit_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rating: row.rating,
  };
}

export function toUnit(row: UnitRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as UnitView["kind"],
    officeType: row.office_type as OfficeType | null,
    provinceId: row.province_id,
    phones: row.phones
      .split(",")
      .map((phone) => phone.trim())
      .filter(Boolean),
  };
}

export function toEntry(row: EntryRow): EntryView {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind as EntryKind,
    visibility: row.visibility as EntryVisibility,
    author: row.author as EntryView["author"],
    authorName: row.author_name,
    text: row.text,
    params: row.params,
  };
}
