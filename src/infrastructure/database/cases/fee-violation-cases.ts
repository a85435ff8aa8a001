// A completion fee above the tariff, refused at a counter and kept in the audit log as a violation (issue 10's
// desk), opens an overcharge case for the office type's hotline by itself: once per violation (its request key).
import { DEFAULT_CASE_LIMITS } from "../../../domain/cases/case-limits.js";
import type { CaseStore } from "../../../domain/cases/case-store.js";
import type { OfficeType } from "../../../domain/booking/office.js";
import type { SqlExecutor } from "../sql-executor.js";

interface ViolationRow {
  id: string;
  at: Date;
  office_id: number | null;
  office_type: OfficeType | null;
  office_name: string | null;
  province_id: number | null;
  chat_id: string | null;
  after: { feeRial?: number; maxRial?: number } | null;
}

/** Opens a case for each recorded fee violation that has none yet; returns how many were opened. */
export async function openCasesForFeeViolations(sql: SqlExecutor, cases: CaseStore, now: Date): Promise<number> {
  const rows = await sql.query<ViolationRow>(
    `SELECT a.id::text AS id, a.at, a.office_id, o.type AS office_type, o.name AS office_name, o.province_id, p.chat_id::text AS chat_id, a.after
       FROM audit_log a LEFT JOIN offices o ON o.id = a.office_id LEFT JOIN applications p ON p.id = a.application_id
      WHERE a.action = 'visit.record_fee' AND a.outcome = 'violation'
        AND NOT EXISTS (SELECT 1 FROM case_entries e WHERE e.request_key = 'fee-violation:' || a.id::text)
      ORDER BY a.id LIMIT 50`,
  );
  let opened = 0;
  for (const row of rows) {
    const charged = row.after?.feeRial ?? 0;
    const legal = row.after?.maxRial ?? 0;
    const result = await cases.openCase({
      kind: "overcharge",
      chatId: row.chat_id === null ? null : Number(row.chat_id),
      officeId: row.office_id,
      officeType: row.office_type,
      provinceId: row.province_id,
      summary: row.office_name ?? "-",
      details: {
        source: "counter",
        office: row.office_name ?? "-",
        chargedRial: charged,
        legalRial: legal,
        overRial: Math.max(0, charged - legal),
        recordedAt: row.at.toISOString(),
      },
      description: "",
      bySystem: true,
      requestKey: `fee-violation:${row.id}`,
      limits: DEFAULT_CASE_LIMITS,
      now,
    });
    if (result.kind === "opened") opened++;
  }
  return opened;
}
