// The case store on PostgreSQL (or PGlite): each change is one transaction that locks the case row, checks the
// move, role and scope, writes the timeline entry, the citizen's notification (visible entries only) and the
// audit row together. A second press finds the status moved or its request key used and changes nothing.
import { businessCalendar } from "../../../domain/cases/business-hours.js";
import { caseTransition, isOpenCase, type CaseAction, type CaseStatus } from "../../../domain/cases/case.js";
import { entryVisibility, type EntryKind, type EntryVisibility } from "../../../domain/cases/case-entry.js";
import { refuseNewCase, startOfTehranDay } from "../../../domain/cases/case-limits.js";
import { caseNumberFromSequence, displayCaseNumber } from "../../../domain/cases/case-number.js";
import type { ActionResult, CaseStore, CaseView, EscalatedCase, StaffAction } from "../../../domain/cases/case-store.js";
import { deadlinesFor } from "../../../domain/cases/response-targets.js";
import { routeCase, type CaseRoute } from "../../../domain/cases/routing.js";
import { mayActOnCase, type StaffActor, type StaffCaseAction } from "../../../domain/cases/staff-actor.js";
import { formatDateTime } from "../../../domain/time/persian-format.js";
import { fromSqlDate } from "../booking-sql-dates.js";
import type { SqlExecutor } from "../sql-executor.js";
import { CASE_COLUMNS, toEntry, toSummary, toUnit, UNIT_COLUMNS, type CaseRow, type EntryRow, type UnitRow } from "./case-rows.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;

interface EntryInput {
  kind: EntryKind;
  author: "citizen" | "staff" | "system";
  memberId?: number | null;
  text?: string;
  params?: Record<string, string | number>;
  visibility?: EntryVisibility;
  requestKey?: string | null;
  /** A visible entry is told to the citizen unless the citizen is reading the answer already. */
  notify?: boolean;
  at: Date;
}

/** Which staff action moves the status how (note and reassign move nothing). */
const ACTION_MOVE: Partial<Record<StaffAction["kind"], CaseAction>> = {
  take: "take",
  ask: "ask_citizen",
  forward: "forward",
  resolve: "resolve",
  reopen: "reopen",
};

const PERMISSION: Record<StaffAction["kind"], StaffCaseAction> = {
  take: "take",
  note: "note",
  ask: "ask",
  forward: "forward",
  resolve: "resolve",
  reopen: "reopen",
  reassign: "reassign",
};

export function createSqlCaseStore(sql: SqlExecutor): CaseStore {
  const lockCase = async (tx: SqlExecutor, caseId: string) =>
    UUID.test(caseId) ? (await tx.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1::uuid FOR UPDATE`, [caseId]))[0] : undefined;

  const requestSeen = async (tx: SqlExecutor, requestKey: string | null | undefined) =>
    requestKey ? (await tx.query(`SELECT 1 FROM case_entries WHERE request_key = $1`, [requestKey])).length > 0 : false;

  const addEntry = async (tx: SqlExecutor, row: CaseRow, entry: EntryInput): Promise<string> => {
    const visibility = entryVisibility(entry.kind, entry.visibility);
    const [inserted] = await tx.query<{ id: string }>(
      `INSERT INTO case_entries (case_id, at, kind, visibility, author, author_member_id, text, params, request_key)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) RETURNING id::text AS id`,
      [
        row.id,
        entry.at,
        entry.kind,
        visibility,
        entry.author,
        entry.memberId ?? null,
        entry.text ?? "",
        JSON.stringify(entry.params ?? {}),
        entry.requestKey ?? null,
      ],
    );
    const entryId = inserted!.id;
    if (visibility === "citizen" && row.chat_id !== null && entry.notify !== false) {
      await tx.query(`INSERT INTO notifications (dedup_key, chat_id, message_key, params) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (dedup_key) DO NOTHING`, [
        `case-entry:${entryId}`,
        row.chat_id,
        `case-notify-${entry.kind}`,
        JSON.stringify({ number: displayCaseNumber(row.number), caseId: row.id, text: entry.text ?? "", ...entry.params }),
      ]);
    }
    return entryId;
  };

  const audit = async (
    tx: SqlExecutor,
    actor: StaffActor,
    action: string,
    row: CaseRow,
    after: Record<string, unknown>,
    outcome: "done" | "refused" = "done",
  ) => {
    await tx.query(
      `INSERT INTO audit_log (actor_member_id, actor_role, action, subject_kind, subject_id, office_id, before, after, outcome)
       VALUES ($1, $2, $3, 'case', $4, $5, $6::jsonb, $7::jsonb, $8)`,
      [
        actor.memberId,
        actor.role,
        `case.${action}`,
        row.id,
        row.office_id,
        JSON.stringify({ status: row.status, unitId: row.unit_id, assigneeId: row.assignee_id }),
        JSON.stringify(after),
        outcome,
      ],
    );
  };

  const unitTargets = async (tx: SqlExecutor, unitId: number) =>
    (await tx.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM staff_units WHERE id = $1`, [unitId]))[0];

  const calendar = async (tx: SqlExecutor) => {
    const rows = await tx.query<{ day: string }>(`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM business_holidays WHERE day >= current_date - 1`);
    return businessCalendar(rows.map((row) => fromSqlDate(row.day)));
  };

  const done = (row: CaseRow, status: CaseStatus): ActionResult => ({ kind: "done", caseId: row.id, number: row.number, status });

  const loadView = async (row: CaseRow, audience: "citizen" | "staff"): Promise<CaseView> => {
    const entries = await sql.query<EntryRow>(
      `SELECT e.id::text AS id, e.at, e.kind, e.visibility, e.author, m.display_name AS author_name, e.text, e.params
         FROM case_entries e LEFT JOIN staff_members m ON m.id = e.author_member_id
        WHERE e.case_id = $1::uuid ${audience === "citizen" ? "AND e.visibility = 'citizen'" : ""} ORDER BY e.id`,
      [row.id],
    );
    const [unit] = await sql.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM staff_units WHERE id = $1`, [row.unit_id]);
    const attachments = await sql.query<{ purpose: string; file_id: string }>(
      `SELECT a.purpose, a.file_id FROM case_attachments a JOIN case_entries e ON e.id = a.entry_id
        WHERE a.case_id = $1::uuid ${audience === "citizen" ? "AND e.visibility = 'citizen'" : ""} ORDER BY a.id`,
      [row.id],
    );
    const [visit] = await sql.query<{ id: string; starts_at: Date; status: "proposed" | "confirmed" }>(
      `SELECT id::text AS id, starts_at, status FROM home_visits WHERE case_id = $1::uuid AND status IN ('proposed', 'confirmed')`,
      [row.id],
    );
    return {
      ...toSummary(row),
      chatId: row.chat_id === null ? null : Number(row.chat_id),
      assigneeId: row.assignee_id,
      assigneeName: row.assignee_name,
      officeId: row.office_id,
      anonymous: row.anonymous,
      summary: row.summary,
      details: audience === "staff" ? row.details : {},
      version: row.version,
      firstResponseDueAt: row.first_response_due_at,
      resolutionDueAt: row.resolution_due_at,
      escalatedAt: row.escalated_at,
      unit: toUnit(unit!),
      entries: entries.map(toEntry),
      attachments: attachments.map((a) => ({ purpose: a.purpose, fileId: a.file_id })),
      openVisit: visit ? { id: visit.id, startsAt: visit.starts_at, status: visit.status } : null,
    };
  };

  const setStatus = async (tx: SqlExecutor, row: CaseRow, status: CaseStatus, extra: string, params: unknown[], now: Date) => {
    await tx.query(
      `UPDATE cases SET status = $2, version = version + 1, updated_at = $3,
         resolved_at = CASE WHEN $2 = 'resolved' THEN $3 WHEN $2 IN ('taken') THEN NULL ELSE resolved_at END,
         closed_at = CASE WHEN $2 = 'closed' THEN $3 WHEN $2 = 'taken' THEN NULL ELSE closed_at END ${extra}
       WHERE id = $1::uuid`,
      [row.id, status, now, ...params],
    );
  };

  const countsOf = async (tx: SqlExecutor, chatId: number, now: Date) => {
    const [counts] = await tx.query<{ open: number; today: number }>(
      `SELECT count(*) FILTER (WHERE status NOT IN ('resolved', 'closed'))::int AS open, count(*) FILTER (WHERE created_at >= $2)::int AS today
         FROM cases WHERE chat_id = $1`,
      [chatId, startOfTehranDay(now)],
    );
    return { open: counts?.open ?? 0, openedToday: counts?.today ?? 0 };
  };

  return {
    async newCaseRefusal(chatId, limits, now) {
      return refuseNewCase(limits, await countsOf(sql, chatId, now), now);
    },

    async visitedOffices(chatId) {
      const rows = await sql.query<{ office_id: number; starts_at: Date }>(
        `SELECT DISTINCT ON (a.office_id) a.office_id, a.starts_at FROM appointments a JOIN applications p ON p.id = a.application_id
          WHERE p.chat_id = $1 AND a.status IN ('active', 'checked_in', 'completed', 'no_show') ORDER BY a.office_id, a.starts_at DESC`,
        [chatId],
      );
      return rows
        .sort((x, y) => y.starts_at.getTime() - x.starts_at.getTime())
        .slice(0, 3)
        .map((r) => ({ officeId: r.office_id, startsAt: r.starts_at }));
    },

    async openCase(input) {
      return sql.transaction(async (tx) => {
        // One opening per chat at a time (the limits), and one per request key (a retry finds the first one's case).
        if (input.chatId !== null) await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cases-chat:' || $1::text))`, [String(input.chatId)]);
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('case-request:' || $1::text))`, [input.requestKey]);
        const [existing] = await tx.query<{ id: string; number: string; unit_id: number }>(
          `SELECT c.id::text AS id, c.number, c.unit_id FROM case_entries e JOIN cases c ON c.id = e.case_id WHERE e.request_key = $1`,
          [input.requestKey],
        );
        if (existing) {
          const unit = await unitTargets(tx, existing.unit_id);
          return { kind: "opened", caseId: existing.id, number: existing.number, unit: toUnit(unit!) };
        }
        if (input.chatId !== null && !input.bySystem) {
          const refusal = refuseNewCase(input.limits, await countsOf(tx, input.chatId, input.now), input.now);
          if (refusal) return { kind: "refused", refusal };
        }
        const routes = await tx.query<{ case_kind: CaseRoute["caseKind"]; office_type: CaseRoute["officeType"]; province_id: number | null; unit_id: number }>(
          `SELECT case_kind, office_type, province_id, unit_id FROM case_routes WHERE case_kind = $1`,
          [input.kind],
        );
        const unitId = routeCase(
          routes.map((r) => ({ caseKind: r.case_kind, officeType: r.office_type, provinceId: r.province_id, unitId: r.unit_id })),
          { caseKind: input.kind, officeType: input.officeType ?? null, provinceId: input.provinceId ?? null },
        );
        if (unitId === null) return { kind: "no_route" };
        const unit = (await unitTargets(tx, unitId))!;
        const due = deadlinesFor(
          await calendar(tx),
          { firstResponseMinutes: unit.first_response_minutes, resolutionMinutes: unit.resolution_minutes },
          input.now,
        );
        const [sequence] = await tx.query<{ n: string }>(`SELECT nextval('case_number_seq')::text AS n`);
        const number = caseNumberFromSequence(Number(sequence!.n));
        const [row] = await tx.query<CaseRow>(
          `INSERT INTO cases (number, kind, chat_id, unit_id, office_id, province_id, anonymous, opened_by_id, caller_national_id, caller_phone,
              details, summary, first_response_due_at, resolution_due_at, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $15)
           RETURNING ${CASE_COLUMNS.replace(/\bc\./g, "cases.")}`,
          [
            number,
            input.kind,
            input.chatId,
            unitId,
            input.officeId ?? null,
            input.provinceId ?? null,
            input.anonymous ?? false,
            input.openedBy?.actor.memberId ?? null,
            input.openedBy?.callerNationalId ?? null,
            input.openedBy?.callerPhone ?? null,
            JSON.stringify(input.details),
            input.summary.slice(0, 200),
            due.firstResponseDueAt,
            due.resolutionDueAt,
            input.now,
          ],
        );
        const entryId = await addEntry(tx, row!, {
          kind: "opened",
          author: input.openedBy ? "staff" : input.bySystem ? "system" : "citizen",
          memberId: input.openedBy?.actor.memberId,
          text: input.description,
          // The citizen sees what they wrote; a caller's words noted by an agent, or a system's finding, stay internal.
          visibility: input.openedBy || input.bySystem ? "internal" : "citizen",
          requestKey: input.requestKey,
          notify: false,
          at: input.now,
        });
        for (const attachment of input.attachments ?? []) {
          await tx.query(`INSERT INTO case_attachments (case_id, entry_id, purpose, file_id, file_unique_id) VALUES ($1::uuid, $2, $3, $4, $5)`, [
            row!.id,
            entryId,
            attachment.purpose,
            attachment.fileId,
            attachment.fileUniqueId ?? "",
          ]);
        }
        for (const [position, member] of (input.members ?? []).entries()) {
          await tx.query(
            `INSERT INTO home_service_members (case_id, position, national_id, birth_date, first_name, application_id) VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid)`,
            [row!.id, position, member.nationalId, member.birthDate, member.firstName, member.applicationId],
          );
        }
        if (input.openedBy) await audit(tx, input.openedBy.actor, "open_for_caller", row!, { status: "new", unitId });
        return { kind: "opened", caseId: row!.id, number, unit: toUnit(unit) };
      });
    },

    async casesOfChat(chatId) {
      const rows = await sql.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.chat_id = $1 ORDER BY c.created_at DESC LIMIT 20`, [chatId]);
      return rows.map(toSummary);
    },

    async caseForChat(caseId, chatId) {
      if (!UUID.test(caseId)) return null;
      const [row] = await sql.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1::uuid AND c.chat_id = $2`, [caseId, chatId]);
      return row ? loadView(row, "citizen") : null;
    },

    async caseForStaff(ref, actor) {
      const [row] =
        "caseId" in ref
          ? UUID.test(ref.caseId)
            ? await sql.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1::uuid`, [ref.caseId])
            : []
          : await sql.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.number = $1`, [ref.number]);
      if (!row) return null;
      if (!mayActOnCase(actor, { unitId: row.unit_id, assigneeId: row.assignee_id, status: row.status as CaseStatus }, "view")) return "out_of_scope";
      return loadView(row, "staff");
    },

    async citizenAddInfo(input) {
      return sql.transaction(async (tx) => {
        const row = await lockCase(tx, input.caseId);
        if (!row || row.chat_id !== String(input.chatId)) return { kind: "not_found" };
        if (await requestSeen(tx, input.requestKey)) return { kind: "already" };
        if (row.status === "closed") return { kind: "not_allowed", status: "closed" };
        const answering = row.status === "waiting_citizen";
        const entryId = await addEntry(tx, row, {
          kind: answering ? "answer" : "citizen_info",
          author: "citizen",
          text: input.text,
          requestKey: input.requestKey,
          notify: false,
          at: input.now,
        });
        if (input.attachment) {
          await tx.query(`INSERT INTO case_attachments (case_id, entry_id, purpose, file_id, file_unique_id) VALUES ($1::uuid, $2, $3, $4, $5)`, [
            row.id,
            entryId,
            input.attachment.purpose,
            input.attachment.fileId,
            input.attachment.fileUniqueId ?? "",
          ]);
        }
        const status: CaseStatus = answering ? "taken" : (row.status as CaseStatus);
        await setStatus(tx, row, status, "", [], input.now);
        return done(row, status);
      });
    },

    async citizenClose(input) {
      return sql.transaction(async (tx) => {
        const row = await lockCase(tx, input.caseId);
        if (!row || row.chat_id !== String(input.chatId)) return { kind: "not_found" };
        const move = caseTransition(row.status as CaseStatus, "close");
        if (!move.ok) return row.status === "closed" ? { kind: "already" } : { kind: "not_allowed", status: row.status as CaseStatus };
        await addEntry(tx, row, { kind: "closed", author: "citizen", notify: false, at: input.now });
        await tx.query(`UPDATE home_visits SET status = 'declined', answered_at = $2 WHERE case_id = $1::uuid AND status IN ('proposed', 'confirmed')`, [
          row.id,
          input.now,
        ]);
        await setStatus(tx, row, "closed", "", [], input.now);
        return done(row, "closed");
      });
    },

    async citizenRate(input) {
      if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) return { kind: "not_found" };
      return sql.transaction(async (tx) => {
        const row = await lockCase(tx, input.caseId);
        if (!row || row.chat_id !== String(input.chatId)) return { kind: "not_found" };
        if (row.rating !== null) return { kind: "already" };
        if (row.status !== "resolved" && row.status !== "closed") return { kind: "not_allowed", status: row.status as CaseStatus };
        await addEntry(tx, row, { kind: "rated", author: "citizen", params: { rating: input.rating }, notify: false, at: input.now });
        await tx.query(`UPDATE cases SET rating = $2, rated_at = $3, version = version + 1, updated_at = $3 WHERE id = $1::uuid`, [
          row.id,
          input.rating,
          input.now,
        ]);
        return done(row, row.status as CaseStatus);
      });
    },

    async staffAct(input) {
      const { actor, action, now } = input;
      return sql.transaction(async (tx) => {
        const row = await lockCase(tx, input.caseId);
        if (!row) return { kind: "not_found" };
        const status = row.status as CaseStatus;
        if (!mayActOnCase(actor, { unitId: row.unit_id, assigneeId: row.assignee_id, status }, PERMISSION[action.kind])) {
          await audit(tx, actor, action.kind, row, {}, "refused");
          return { kind: "out_of_scope" };
        }
        if (await requestSeen(tx, input.requestKey)) return { kind: "already" };
        if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) return { kind: "already" };
        const move = ACTION_MOVE[action.kind];
        let next = status;
        if (move) {
          const result = caseTransition(status, move);
          if (!result.ok)
            return action.kind === "take" && status === "taken" && row.assignee_id === actor.memberId ? { kind: "already" } : { kind: "not_allowed", status };
          next = result.value;
        }
        const base = { author: "staff" as const, memberId: actor.memberId, requestKey: input.requestKey, at: now };
        const firstResponse = `, first_responded_at = COALESCE(first_responded_at, $3)`;
        switch (action.kind) {
          case "take":
            await addEntry(tx, row, { ...base, kind: "taken" });
            await setStatus(tx, row, next, `${firstResponse}, assignee_id = $4`, [actor.memberId], now);
            break;
          case "note":
            await addEntry(tx, row, { ...base, kind: "note", text: action.text });
            await tx.query(`UPDATE cases SET version = version + 1, updated_at = $2 WHERE id = $1::uuid`, [row.id, now]);
            break;
          case "ask":
            await addEntry(tx, row, { ...base, kind: "question", text: action.text });
            await setStatus(tx, row, next, `${firstResponse}, assignee_id = COALESCE(assignee_id, $4)`, [actor.memberId], now);
            break;
          case "resolve":
            await addEntry(tx, row, { ...base, kind: "resolution", text: action.text });
            await setStatus(tx, row, next, firstResponse, [], now);
            break;
          case "reopen":
            await addEntry(tx, row, { ...base, kind: "reopened", text: action.text });
            await setStatus(tx, row, next, `, assignee_id = $4, rating = NULL, rated_at = NULL`, [actor.memberId], now);
            break;
          case "forward": {
            if (action.toUnitId === row.unit_id) return { kind: "not_allowed", status };
            const target = await unitTargets(tx, action.toUnitId);
            if (!target) return { kind: "not_found" };
            // The note explains the move to the next unit; the citizen sees only that the case moved, and where.
            await addEntry(tx, row, { ...base, kind: "note", text: action.text, requestKey: null });
            await addEntry(tx, row, {
              ...base,
              kind: "forwarded",
              visibility: "citizen",
              params: { unitKind: target.kind, officeType: target.office_type ?? "other" },
            });
            const due = deadlinesFor(
              await calendar(tx),
              { firstResponseMinutes: target.first_response_minutes, resolutionMinutes: target.resolution_minutes },
              now,
            );
            await setStatus(
              tx,
              row,
              next,
              `, unit_id = $4, assignee_id = NULL, first_responded_at = NULL, escalated_at = NULL, first_response_due_at = $5, resolution_due_at = $6`,
              [action.toUnitId, due.firstResponseDueAt, due.resolutionDueAt],
              now,
            );
            break;
          }
          case "reassign": {
            const [member] = await tx.query<{ id: number }>(
              `SELECT id FROM staff_members WHERE id = $1 AND unit_id = $2 AND revoked_at IS NULL AND role IN ('hotline_agent', 'supervisor')`,
              [action.toMemberId, row.unit_id],
            );
            if (!member) return { kind: "out_of_scope" };
            if (!isOpenCase(status)) return { kind: "not_allowed", status };
            next = status === "new" || status === "forwarded" ? "taken" : status;
            await addEntry(tx, row, { ...base, kind: "note", text: "", params: { reassignedTo: action.toMemberId } });
            await setStatus(tx, row, next, `, assignee_id = $4, escalated_at = NULL`, [action.toMemberId], now);
            break;
          }
        }
        await audit(tx, actor, action.kind, row, {
          status: next,
          ...(action.kind === "forward" ? { unitId: action.toUnitId } : {}),
          ...(action.kind === "reassign" ? { assigneeId: action.toMemberId } : {}),
        });
        return done(row, next);
      });
    },

    async queue({ actor, filter, page, pageSize, now }) {
      const open = `c.status NOT IN ('resolved', 'closed')`;
      const [where, params]: [string, unknown[]] = {
        new: [`c.unit_id = $1 AND c.status IN ('new', 'forwarded')`, [actor.unitId ?? -1]],
        mine: [`c.assignee_id = $1 AND ${open}`, [actor.memberId]],
        waiting: [`c.unit_id = $1 AND c.status = 'waiting_citizen'`, [actor.unitId ?? -1]],
        overdue: [
          `c.unit_id = $1 AND ${open} AND ((c.first_responded_at IS NULL AND c.first_response_due_at <= $2) OR (c.status <> 'waiting_citizen' AND c.resolution_due_at <= $2))`,
          [actor.unitId ?? -1, now],
        ],
      }[filter] as [string, unknown[]];
      const [count] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases c WHERE ${where}`, params);
      const n = params.length;
      const rows = await sql.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE ${where} ORDER BY c.created_at, c.id LIMIT $${n + 1} OFFSET $${n + 2}`, [
        ...params,
        pageSize,
        Math.max(0, page) * pageSize,
      ]);
      return { items: rows.map(toSummary), total: count?.n ?? 0 };
    },

    async units() {
      return (await sql.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM staff_units ORDER BY id`)).map(toUnit);
    },

    async proposeVisit(input) {
      return sql.transaction(async (tx) => {
        const row = await lockCase(tx, input.caseId);
        if (!row) return { kind: "not_found" };
        const status = row.status as CaseStatus;
        if (row.kind !== "home_service" || !mayActOnCase(input.actor, { unitId: row.unit_id, assigneeId: row.assignee_id, status }, "propose_visit")) {
          await audit(tx, input.actor, "propose_visit", row, {}, "refused");
          return { kind: "out_of_scope" };
        }
        if (await requestSeen(tx, input.requestKey)) return { kind: "already" };
        if (status !== "taken" && status !== "new" && status !== "forwarded") return { kind: "not_allowed", status };
        const [open] = await tx.query(`SELECT 1 FROM home_visits WHERE case_id = $1::uuid AND status IN ('proposed', 'confirmed')`, [row.id]);
        if (open) return { kind: "already" };
        const [visit] = await tx.query<{ id: string }>(
          `INSERT INTO home_visits (case_id, starts_at, proposed_by, created_at) VALUES ($1::uuid, $2, $3, $4) RETURNING id::text AS id`,
          [row.id, input.startsAt, input.actor.memberId, input.now],
        );
        await addEntry(tx, row, {
          kind: "visit_proposed",
          author: "staff",
          memberId: input.actor.memberId,
          requestKey: input.requestKey,
          params: { visitId: visit!.id, startsAt: input.startsAt.toISOString(), when: formatDateTime(input.startsAt) },
          at: input.now,
        });
        await setStatus(
          tx,
          row,
          "taken",
          `, first_responded_at = COALESCE(first_responded_at, $3), assignee_id = COALESCE(assignee_id, $4)`,
          [input.actor.memberId],
          input.now,
        );
        await audit(tx, input.actor, "propose_visit", row, { status: "taken", visitAt: input.startsAt.toISOString() });
        return done(row, "taken");
      });
    },

    async answerVisit(input) {
      if (!UUID.test(input.visitId)) return { kind: "not_found" };
      return sql.transaction(async (tx) => {
        const [visit] = await tx.query<{ case_id: string; status: string; starts_at: Date }>(
          `SELECT case_id::text AS case_id, status, starts_at FROM home_visits WHERE id = $1::uuid`,
          [input.visitId],
        );
        if (!visit) return { kind: "not_found" };
        const row = await lockCase(tx, visit.case_id);
        if (!row || row.chat_id !== String(input.chatId)) return { kind: "not_found" };
        const updated = await tx.query(`UPDATE home_visits SET status = $2, answered_at = $3 WHERE id = $1::uuid AND status = 'proposed' RETURNING id`, [
          input.visitId,
          input.accept ? "confirmed" : "declined",
          input.now,
        ]);
        if (updated.length === 0) return { kind: "already" };
        await addEntry(tx, row, {
          kind: input.accept ? "visit_confirmed" : "visit_declined",
          author: "citizen",
          params: { startsAt: visit.starts_at.toISOString() },
          notify: false,
          at: input.now,
        });
        const next: CaseStatus = input.accept ? "visit_scheduled" : "taken";
        await setStatus(tx, row, next, "", [], input.now);
        return done(row, next);
      });
    },

    async recordVisitOutcome(input) {
      return sql.transaction(async (tx) => {
        const row = await lockCase(tx, input.caseId);
        if (!row) return { kind: "not_found" };
        const status = row.status as CaseStatus;
        if (!mayActOnCase(input.actor, { unitId: row.unit_id, assigneeId: row.assignee_id, status }, "record_visit")) {
          await audit(tx, input.actor, "record_visit", row, {}, "refused");
          return { kind: "out_of_scope" };
        }
        const [visit] = await tx.query<{ id: string }>(
          `UPDATE home_visits SET status = 'done', outcome = $2, recorded_at = $3 WHERE case_id = $1::uuid AND status = 'confirmed' RETURNING id::text AS id`,
          [row.id, input.outcome, input.now],
        );
        if (!visit) return status === "resolved" ? { kind: "already" } : { kind: "not_allowed", status };
        const taken = input.outcome === "application_taken" || input.outcome === "both";
        const delivered = input.outcome === "card_delivered" || input.outcome === "both";
        // The applications move as an office visit would move them.
        const moves: Array<[string[], string]> = [];
        if (taken) moves.push([["paid", "no_show"], "completed_in_person"]);
        if (delivered) moves.push([["ready_for_pickup"], "delivered"]);
        if (delivered) {
          // The card handed over at home, recorded as issue 10's counter would: to the holder, by this member, at the fee in force.
          await tx.query(
            `UPDATE cards SET status = 'delivered', delivered_at = $2, delivered_by = $3, delivered_to = 'holder',
                    delivery_fee_rial = (SELECT delivery_rial FROM tariffs WHERE effective_from <= $2 ORDER BY effective_from DESC LIMIT 1)
              WHERE status = 'ready' AND application_id IN (SELECT application_id FROM home_service_members WHERE case_id = $1::uuid AND application_id IS NOT NULL)`,
            [row.id, input.now, input.actor.memberId],
          );
        }
        // application_move() is the one writer of applications.status (with the timeline event).
        for (const [from, to] of moves) {
          await tx.query(
            `SELECT application_move(
               ARRAY(SELECT application_id FROM home_service_members WHERE case_id = $1::uuid AND application_id IS NOT NULL), $2::text[], $3, $4)`,
            [row.id, from, to, input.now],
          );
        }
        const next: CaseStatus = input.outcome === "not_done" ? "taken" : "resolved";
        await addEntry(tx, row, { kind: "visit_outcome", author: "staff", memberId: input.actor.memberId, params: { outcome: input.outcome }, at: input.now });
        await setStatus(tx, row, next, "", [], input.now);
        await audit(tx, input.actor, "record_visit", row, { status: next, outcome: input.outcome });
        return done(row, next);
      });
    },

    async escalateOverdue(now) {
      return sql.transaction(async (tx) => {
        const rows = await tx.query<CaseRow & { reason: EscalatedCase["reason"] }>(
          `SELECT ${CASE_COLUMNS},
                  CASE WHEN c.first_responded_at IS NULL AND c.first_response_due_at <= $1 THEN 'first_response'
                       WHEN c.kind = 'home_service' AND c.status <> 'visit_scheduled' AND c.created_at + make_interval(days => u.visit_within_days) <= $1 THEN 'visit'
                       ELSE 'resolution' END AS reason
             FROM cases c JOIN staff_units u ON u.id = c.unit_id
            WHERE c.status NOT IN ('resolved', 'closed') AND c.escalated_at IS NULL
              AND ((c.first_responded_at IS NULL AND c.first_response_due_at <= $1)
                   OR (c.status <> 'waiting_citizen' AND c.resolution_due_at <= $1)
                   OR (c.kind = 'home_service' AND c.created_at + make_interval(days => u.visit_within_days) <= $1))
            ORDER BY c.created_at LIMIT 50
            FOR UPDATE OF c SKIP LOCKED`,
          [now],
        );
        const escalated: EscalatedCase[] = [];
        for (const row of rows) {
          await tx.query(`UPDATE cases SET escalated_at = $2, version = version + 1, updated_at = $2 WHERE id = $1::uuid`, [row.id, now]);
          await addEntry(tx, row, { kind: "escalated", author: "system", params: { reason: row.reason }, at: now });
          const supervisors = await tx.query<{ user_id: string }>(
            `SELECT user_id::text AS user_id FROM staff_members WHERE unit_id = $1 AND role = 'supervisor' AND revoked_at IS NULL ORDER BY id`,
            [row.unit_id],
          );
          for (const supervisor of supervisors) {
            await tx.query(
              `INSERT INTO notifications (dedup_key, chat_id, message_key, params) VALUES ($1, $2, 'staff-case-overdue', $3::jsonb) ON CONFLICT (dedup_key) DO NOTHING`,
              [
                `staff-case-overdue:${row.id}:${supervisor.user_id}:${now.getTime() - (now.getTime() % DAY_MS)}`,
                supervisor.user_id,
                JSON.stringify({ number: displayCaseNumber(row.number), caseId: row.id, reason: row.reason, summary: row.summary }),
              ],
            );
          }
          await tx.query(
            `INSERT INTO audit_log (actor_member_id, actor_role, action, subject_kind, subject_id, office_id, after) VALUES (NULL, 'system', 'case.escalate', 'case', $1, $2, $3::jsonb)`,
            [row.id, row.office_id, JSON.stringify({ reason: row.reason })],
          );
          escalated.push({
            caseId: row.id,
            number: row.number,
            unitId: row.unit_id,
            reason: row.reason,
            supervisorChats: supervisors.map((s) => Number(s.user_id)),
          });
        }
        return escalated;
      });
    },
  };
}
