// Applications in PostgreSQL: the live-application rule is the partial unique index, not a prior read.
// Plain SQL on the pool (no Prisma): these reads run on most updates of a journey, one statement each.
import type { ApplicationDraft, ApplicationStore, ApplicationView, SaveDraftOutcome } from "../../domain/application/application-store.js";
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import { jalaliDateToString, parseJalaliDate } from "../../domain/time/jalali.js";
import type { SqlExecutor } from "./sql-executor.js";
import { isSqlUniqueViolation } from "./unique-violation.js";

/** An application with its timeline, as the one SELECT below returns it. */
export interface ViewRow {
  id: string;
  national_id: string;
  birth_date: string;
  first_name: string;
  last_name: string;
  status: string;
  tracking_code: string | null;
  fee_rial: number;
  city_id: number;
  chat_id: string;
  created_at: Date;
  timeline: Array<{ status: string; at: string }>;
}

// One statement per lookup: the timeline comes in the same row (Prisma's include would be a second query).
export const VIEW_SELECT = `
  SELECT a.id::text AS id, a.national_id, a.birth_date, a.first_name, a.last_name, a.status, a.tracking_code, a.fee_rial,
         a.city_id, a.chat_id::text AS chat_id, a.created_at,
         COALESCE((SELECT json_agg(json_build_object('status', e.status, 'at', e.at) ORDER BY e.at, e.id)
                     FROM application_events e WHERE e.application_id = a.id), '[]'::json) AS timeline
    FROM applications a`;

/**
 * Saving a draft in one statement: refresh the citizen's unpaid application in place (the status condition
 * makes a concurrent payment win), else find a live one, else create it with its first timeline entry.
 * All three see one snapshot; a concurrent insert by another chat trips the partial unique index and the
 * statement is tried again (then it finds that application).
 */
const SAVE_DRAFT = `
  WITH refreshed AS (
    UPDATE applications SET birth_date = $2, first_name = $3, last_name = $4, father_name = $5, mobile = $6, landline = $7,
           postal_code = $8, address = $9, city_id = $10, chat_id = $11, fee_rial = $12, updated_at = $13
     WHERE national_id = $1 AND status IN ('awaiting_payment') -- IN: a condition the status-writer test does not take for a write
    RETURNING id
  ), live AS (
    SELECT id FROM applications WHERE national_id = $1 AND status <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM refreshed) LIMIT 1
  ), created AS (
    INSERT INTO applications (national_id, birth_date, first_name, last_name, father_name, mobile, landline, postal_code, address,
                              city_id, chat_id, fee_rial, status, created_at, updated_at)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'awaiting_payment', $13, $13
     WHERE NOT EXISTS (SELECT 1 FROM refreshed) AND NOT EXISTS (SELECT 1 FROM live)
    RETURNING id
  ), first_event AS (
    INSERT INTO application_events (application_id, status, at) SELECT id, 'awaiting_payment', $13 FROM created
  )
  SELECT 'awaiting_payment' AS kind, id::text AS id FROM refreshed
  UNION ALL SELECT 'awaiting_payment', id::text FROM created
  UNION ALL SELECT 'already_registered', id::text FROM live`;

export function createSqlApplicationStore(sql: SqlExecutor): ApplicationStore {
  const views = async (where: string, params: unknown[]) => (await sql.query<ViewRow>(`${VIEW_SELECT} ${where}`, params)).map(toView);
  const findLive = async (nationalId: string) => (await views(`WHERE a.national_id = $1 AND a.status <> 'cancelled' LIMIT 1`, [nationalId]))[0] ?? null;

  const saveDraft = async (draft: ApplicationDraft, feeRial: number, attempt = 0): Promise<SaveDraftOutcome> => {
    try {
      const [saved] = await sql.query<{ kind: "awaiting_payment" | "already_registered"; id: string }>(SAVE_DRAFT, [
        draft.nationalId,
        jalaliDateToString(draft.birthDate),
        draft.firstName,
        draft.lastName,
        draft.fatherName,
        draft.mobile,
        draft.landline,
        draft.postalCode,
        draft.address,
        draft.cityId,
        String(draft.chatId),
        feeRial,
        new Date(),
      ]);
      if (!saved) throw new Error("saving the draft returned no row");
      if (saved.kind === "awaiting_payment") return { kind: "awaiting_payment", applicationId: saved.id };
      // Rare (the registry check already answered "registered" for most): the live application in full.
      const live = await findLive(draft.nationalId);
      if (live) return { kind: "already_registered", application: live };
      return saveDraft(draft, feeRial, attempt + 1);
    } catch (error) {
      // Another chat registered the same national ID in the same instant: take what it made.
      if (isSqlUniqueViolation(error, "applications_one_open_per_citizen") && attempt < 2) return saveDraft(draft, feeRial, attempt + 1);
      throw error;
    }
  };

  return {
    findLive,
    async findByTrackingCode(trackingCode) {
      return (await views(`WHERE a.tracking_code = $1`, [trackingCode]))[0] ?? null;
    },
    findLiveByChat: (chatId) => views(`WHERE a.chat_id = $1 AND a.status <> 'cancelled' ORDER BY a.created_at ASC`, [String(chatId)]),
    saveDraft: (draft, feeRial) => saveDraft(draft, feeRial),
  };
}

export function toView(row: ViewRow): ApplicationView {
  const birthDate = parseJalaliDate(row.birth_date);
  if (!birthDate.ok) throw new Error(`application ${row.id} has an invalid birth date`);
  return {
    id: row.id,
    nationalId: row.national_id,
    birthDate: birthDate.value,
    firstName: row.first_name,
    lastName: row.last_name,
    status: row.status as ApplicationState,
    trackingCode: row.tracking_code,
    feeRial: row.fee_rial,
    cityId: row.city_id,
    chatId: Number(row.chat_id),
    createdAt: row.created_at,
    timeline: row.timeline.map((event) => ({ status: event.status as ApplicationState, at: new Date(event.at) })),
  };
}
