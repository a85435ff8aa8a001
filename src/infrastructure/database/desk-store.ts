// The operator's desk on PostgreSQL: every action is one transaction that re-reads the record under a row
// lock, checks its office and state, changes it with a conditional update, appends the audit row and writes
// the citizen's message to the outbox. A second press finds the change made and answers `already`.
import { moveApplicationStatus } from "./application-moves.js";
import { CHECK_IN_MOVE, COMPLETE_MOVE, MISS_MOVE } from "../../domain/booking/booking-transitions.js";
import type { AppointmentStatus } from "../../domain/booking/appointment.js";
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import { productionWindow } from "../../domain/cards/card.js";
import { completionFeeFor } from "../../domain/fees/tariff.js";
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import type { DeskStore } from "../../domain/staff/desk-store.js";
import type { StaffMember } from "../../domain/staff/staff-member.js";
import { missingForCompletion, VISIT_ITEMS, type DeskOutcome, type DeskRefusal, type VisitItem, type VisitRecord } from "../../domain/staff/visit.js";
import { formatDateTime, formatJalaliDate } from "../../domain/time/persian-format.js";
import { appendAudit } from "./audit-sql.js";
import { enqueueInTransaction } from "./outbox-sql.js";
import type { SqlExecutor } from "./sql-executor.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Column of each checklist item in visit_records. */
const ITEM_COLUMNS: Readonly<Record<VisitItem, string>> = {
  birth_certificate: "birth_certificate_at",
  postal_code: "postal_code_at",
  address: "address_at",
  phones: "phones_at",
  photo: "photo_at",
  fingerprints: "fingerprints_at",
};

interface VisitRow {
  id: string;
  application_id: string;
  office_id: number;
  starts_at: Date;
  status: AppointmentStatus;
  first_name: string;
  last_name: string;
  city_id: number;
  chat_id: string;
  application_status: ApplicationState;
  birth_certificate_at: Date | null;
  postal_code_at: Date | null;
  address_at: Date | null;
  phones_at: Date | null;
  photo_at: Date | null;
  fingerprints_at: Date | null;
  fee_rial: number | null;
}

const VISIT_SELECT = `SELECT a.id::text AS id, a.application_id::text AS application_id, a.office_id, a.starts_at, a.status,
    p.first_name, p.last_name, p.city_id, p.chat_id::text AS chat_id, p.status AS application_status,
    v.birth_certificate_at, v.postal_code_at, v.address_at, v.phones_at, v.photo_at, v.fingerprints_at, v.fee_rial
  FROM appointments a JOIN applications p ON p.id = a.application_id LEFT JOIN visit_records v ON v.appointment_id = a.id`;

function recordOf(row: VisitRow): VisitRecord {
  return { done: new Set(VISIT_ITEMS.filter((item) => row[ITEM_COLUMNS[item] as keyof VisitRow] !== null)), feeRial: row.fee_rial };
}

const actor = (member: StaffMember) => ({ memberId: member.id, role: member.role });

export function createSqlDeskStore(sql: SqlExecutor, tariffs: TariffBook): DeskStore {
  /**
   * Locks the appointment (and reads its application and record) for `action` by `member`. An appointment of
   * another office is refused, and the refusal is an audit row of its own (who tried what, where).
   */
  async function lockVisit(tx: SqlExecutor, member: StaffMember, appointmentId: string, action: string): Promise<VisitRow | DeskRefusal> {
    if (!UUID.test(appointmentId)) return { kind: "not_found" };
    const [row] = await tx.query<VisitRow>(`${VISIT_SELECT} WHERE a.id = $1::uuid FOR UPDATE OF a`, [appointmentId]);
    if (!row) return { kind: "not_found" };
    if (member.scope.kind !== "office" || member.scope.officeId !== row.office_id) {
      await appendAudit(
        tx,
        {
          actor: actor(member),
          action,
          subjectKind: "appointment",
          subjectId: row.id,
          officeId: row.office_id,
          applicationId: row.application_id,
          after: { memberOffice: member.scope.kind === "office" ? member.scope.officeId : null },
          outcome: "refused",
        },
        new Date(),
      );
      return { kind: "out_of_scope" };
    }
    return row;
  }
  const isOutcome = (value: VisitRow | DeskRefusal): value is DeskRefusal => "kind" in value;

  /** Through the one writer of application status (it records the timeline event too). */
  async function moveApplication(tx: SqlExecutor, applicationId: string, from: ApplicationState, to: ApplicationState, now: Date): Promise<void> {
    await moveApplicationStatus(tx, [applicationId], [from], to, now);
  }

  const completionCap = async (cityId: number, now: Date): Promise<number> => {
    const [city] = await sql.query<{ is_metropolis: boolean; completion_fee_rial: number | null }>(
      `SELECT is_metropolis, completion_fee_rial FROM cities WHERE id = $1`,
      [cityId],
    );
    const tariff = await tariffs.inForce(now);
    return completionFeeFor({ isMetropolis: city?.is_metropolis ?? false, completionFeeRial: city?.completion_fee_rial ?? undefined }, tariff);
  };

  return {
    async appointmentsAt(officeId, from, to, page, pageSize) {
      const rows = await sql.query<VisitRow>(
        `${VISIT_SELECT} WHERE a.office_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3 AND a.status NOT IN ('cancelled', 'moved')
          ORDER BY a.starts_at, a.id OFFSET $4 LIMIT $5`,
        [officeId, from, to, page * pageSize, pageSize + 1],
      );
      return {
        more: rows.length > pageSize,
        items: rows.slice(0, pageSize).map((row) => ({
          appointmentId: row.id,
          applicationId: row.application_id,
          officeId: row.office_id,
          startsAt: row.starts_at,
          status: row.status,
          firstName: row.first_name,
          lastName: row.last_name,
          cityId: row.city_id,
        })),
      };
    },

    async visit(appointmentId) {
      if (!UUID.test(appointmentId)) return null;
      const [row] = await sql.query<VisitRow>(`${VISIT_SELECT} WHERE a.id = $1::uuid`, [appointmentId]);
      if (!row) return null;
      return {
        appointmentId: row.id,
        applicationId: row.application_id,
        officeId: row.office_id,
        startsAt: row.starts_at,
        status: row.status,
        firstName: row.first_name,
        lastName: row.last_name,
        cityId: row.city_id,
        applicationStatus: row.application_status,
        record: recordOf(row),
      };
    },

    async findApplicant(query) {
      const [row] = await sql.query<{
        id: string;
        first_name: string;
        last_name: string;
        status: ApplicationState;
        card_id: string | null;
        card_status: "ready" | "in_transit" | "delivered" | null;
        card_office_id: number | null;
        card_office_name: string | null;
        transfer_office_id: number | null;
      }>(
        `SELECT p.id::text AS id, p.first_name, p.last_name, p.status, c.id::text AS card_id, c.status AS card_status,
                c.office_id AS card_office_id, o.name AS card_office_name, c.transfer_office_id
           FROM applications p LEFT JOIN cards c ON c.application_id = p.id LEFT JOIN offices o ON o.id = c.office_id
          WHERE ${"trackingCode" in query ? "p.tracking_code = $1" : "nationalId" in query ? "p.national_id = $1" : "p.id::text = $1"} AND p.status NOT IN ('cancelled', 'awaiting_payment')
          ORDER BY p.created_at DESC LIMIT 1`,
        ["trackingCode" in query ? query.trackingCode : "nationalId" in query ? query.nationalId : query.applicationId],
      );
      if (!row) return null;
      const [appointment] = await sql.query<{ id: string; office_id: number; starts_at: Date; status: AppointmentStatus }>(
        `SELECT id::text AS id, office_id, starts_at, status FROM appointments WHERE application_id = $1::uuid AND status NOT IN ('cancelled', 'moved')
          ORDER BY starts_at DESC LIMIT 1`,
        [row.id],
      );
      return {
        applicationId: row.id,
        firstName: row.first_name,
        lastName: row.last_name,
        status: row.status,
        card:
          row.card_id === null
            ? null
            : {
                id: row.card_id,
                status: row.card_status!,
                officeId: row.card_office_id!,
                officeName: row.card_office_name ?? "",
                transferOfficeId: row.transfer_office_id,
              },
        appointment: appointment ? { id: appointment.id, officeId: appointment.office_id, startsAt: appointment.starts_at, status: appointment.status } : null,
      };
    },

    checkIn(member, appointmentId, window, now) {
      return sql.transaction(async (tx): Promise<DeskOutcome> => {
        const row = await lockVisit(tx, member, appointmentId, "visit.check_in");
        if (isOutcome(row)) return row;
        if (row.status === "checked_in" || row.status === "completed") return { kind: "already" };
        if (row.status !== "active") return { kind: "wrong_state", status: row.status };
        if (now < window.opensAt || now > window.closesAt) return { kind: "outside_window", ...window };
        await tx.query(`UPDATE appointments SET status = 'checked_in', checked_in_at = $2 WHERE id = $1::uuid AND status = 'active'`, [row.id, now]);
        await moveApplication(tx, row.application_id, CHECK_IN_MOVE.from[0]!, CHECK_IN_MOVE.to, now);
        await tx.query(`INSERT INTO visit_records (appointment_id) VALUES ($1::uuid) ON CONFLICT DO NOTHING`, [row.id]);
        await appendAudit(
          tx,
          {
            actor: actor(member),
            action: "visit.check_in",
            subjectKind: "appointment",
            subjectId: row.id,
            officeId: row.office_id,
            applicationId: row.application_id,
            before: { status: "active" },
            after: { status: "checked_in" },
          },
          now,
        );
        return { kind: "done" };
      });
    },

    recordItem(member, appointmentId, item, now) {
      return sql.transaction(async (tx): Promise<DeskOutcome> => {
        const row = await lockVisit(tx, member, appointmentId, "visit.record_item");
        if (isOutcome(row)) return row;
        if (row.status !== "checked_in") return { kind: "wrong_state", status: row.status };
        const column = ITEM_COLUMNS[item];
        if (row[column as keyof VisitRow] !== null) return { kind: "already" };
        await tx.query(
          `INSERT INTO visit_records (appointment_id, ${column}) VALUES ($1::uuid, $2)
           ON CONFLICT (appointment_id) DO UPDATE SET ${column} = coalesce(visit_records.${column}, EXCLUDED.${column})`,
          [row.id, now],
        );
        await appendAudit(
          tx,
          {
            actor: actor(member),
            action: "visit.record_item",
            subjectKind: "appointment",
            subjectId: row.id,
            officeId: row.office_id,
            applicationId: row.application_id,
            before: { [item]: false },
            after: { [item]: true },
          },
          now,
        );
        return { kind: "done" };
      });
    },

    recordFee(member, appointmentId, feeRial, maxRial, now) {
      return sql.transaction(async (tx): Promise<DeskOutcome> => {
        const row = await lockVisit(tx, member, appointmentId, "visit.record_fee");
        if (isOutcome(row)) return row;
        if (row.status !== "checked_in") return { kind: "wrong_state", status: row.status };
        const base = {
          actor: actor(member),
          subjectKind: "appointment" as const,
          subjectId: row.id,
          officeId: row.office_id,
          applicationId: row.application_id,
        };
        if (feeRial > maxRial) {
          // Charging above the tariff is a violation: refused, and kept in the audit log for the hotline.
          await appendAudit(
            tx,
            { ...base, action: "visit.record_fee", before: { feeRial: row.fee_rial }, after: { feeRial, maxRial }, outcome: "violation" },
            now,
          );
          return { kind: "fee_above_tariff", maxRial };
        }
        if (row.fee_rial === feeRial) return { kind: "already" };
        await tx.query(
          `INSERT INTO visit_records (appointment_id, fee_rial, fee_recorded_at) VALUES ($1::uuid, $2, $3)
           ON CONFLICT (appointment_id) DO UPDATE SET fee_rial = EXCLUDED.fee_rial, fee_recorded_at = EXCLUDED.fee_recorded_at`,
          [row.id, feeRial, now],
        );
        await appendAudit(tx, { ...base, action: "visit.record_fee", before: { feeRial: row.fee_rial }, after: { feeRial } }, now);
        return { kind: "done" };
      });
    },

    complete(member, appointmentId, now) {
      return sql.transaction(async (tx): Promise<DeskOutcome<{ windowFrom: Date; windowTo: Date }>> => {
        const row = await lockVisit(tx, member, appointmentId, "visit.complete");
        if (isOutcome(row)) return row;
        if (row.status === "completed") return { kind: "already" };
        if (row.status !== "checked_in") return { kind: "wrong_state", status: row.status };
        const missing = missingForCompletion(recordOf(row));
        if (missing.items.length > 0 || missing.fee) return { kind: "incomplete", ...missing };
        await tx.query(`UPDATE appointments SET status = 'completed', completed_at = $2 WHERE id = $1::uuid AND status = 'checked_in'`, [row.id, now]);
        await moveApplication(tx, row.application_id, COMPLETE_MOVE.from[0]!, COMPLETE_MOVE.to, now);
        const window = productionWindow(now);
        await appendAudit(
          tx,
          {
            actor: actor(member),
            action: "visit.complete",
            subjectKind: "appointment",
            subjectId: row.id,
            officeId: row.office_id,
            applicationId: row.application_id,
            before: { status: "checked_in", application: row.application_status },
            after: { status: "completed", application: COMPLETE_MOVE.to, feeRial: row.fee_rial },
          },
          now,
        );
        await enqueueInTransaction(tx, {
          dedupKey: `visit-completed:${row.id}`,
          chatId: row.chat_id,
          messageKey: "visit-completed",
          params: { name: row.first_name, from: formatJalaliDate(window.from), to: formatJalaliDate(window.to) },
        });
        return { kind: "done", windowFrom: window.from, windowTo: window.to };
      });
    },

    markNoShow(member, appointmentId, banMs, now) {
      return sql.transaction(async (tx): Promise<DeskOutcome<{ reopensAt: Date }>> => {
        const row = await lockVisit(tx, member, appointmentId, "visit.no_show");
        if (isOutcome(row)) return row;
        if (row.status === "no_show") return { kind: "already" };
        if (row.status !== "active") return { kind: "wrong_state", status: row.status };
        if (now < row.starts_at) return { kind: "too_early", from: row.starts_at };
        const reopensAt = new Date(row.starts_at.getTime() + banMs);
        await tx.query(`UPDATE appointments SET status = 'no_show', missed_at = $2, booking_reopens_at = $3 WHERE id = $1::uuid AND status = 'active'`, [
          row.id,
          now,
          reopensAt,
        ]);
        await moveApplication(tx, row.application_id, MISS_MOVE.from[0]!, MISS_MOVE.to, now);
        await appendAudit(
          tx,
          {
            actor: actor(member),
            action: "visit.no_show",
            subjectKind: "appointment",
            subjectId: row.id,
            officeId: row.office_id,
            applicationId: row.application_id,
            before: { status: "active" },
            after: { status: "no_show", bookingReopensAt: reopensAt.toISOString() },
          },
          now,
        );
        // The sweep's own dedup key: the citizen is told once whoever records the no-show first.
        await enqueueInTransaction(tx, {
          dedupKey: `missed:${row.id}`,
          chatId: row.chat_id,
          messageKey: "booking-missed",
          params: { reopensAt: formatDateTime(reopensAt) },
        });
        return { kind: "done", reopensAt };
      });
    },

    async completionFeeCap(applicationId, now) {
      const [row] = await sql.query<{ city_id: number }>(`SELECT city_id FROM applications WHERE id = $1::uuid`, [applicationId]);
      return completionCap(row?.city_id ?? 0, now);
    },
  };
}
