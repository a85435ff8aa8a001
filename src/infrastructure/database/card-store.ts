// Cards on PostgreSQL: transfer, receipt and delivery are conditional updates in one transaction with their
// audit row and the citizen's message, so a double press or a second instance changes a card once.
import type { ApplicationState } from "../../domain/application/lifecycle.js";
import { moveApplicationStatus } from "./application-moves.js";
import type { Card, CardStatus, PickupPolicy } from "../../domain/cards/card.js";
import { DEFAULT_PICKUP_POLICY, heldUntil } from "../../domain/cards/card.js";
import type { CardStore, Recipient, WaitingCard } from "../../domain/cards/card-store.js";
import type { StaffMember } from "../../domain/staff/staff-member.js";
import type { DeskOutcome } from "../../domain/staff/visit.js";
import { persianWeeklyHoursText } from "../../domain/booking/weekly-hours-persian.js";
import { formatJalaliDate, formatToman } from "../../domain/time/persian-format.js";
import { toPersianDigits } from "../../domain/text/digits.js";
import { appendAudit } from "./audit-sql.js";
import { enqueueInTransaction } from "./outbox-sql.js";
import type { SqlExecutor } from "./sql-executor.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CardRow {
  id: string;
  application_id: string;
  serial: string;
  office_id: number;
  status: CardStatus;
  ready_at: Date;
  held_until: Date;
  transfer_office_id: number | null;
  delivered_at: Date | null;
  reminders_sent: number;
}

const CARD_COLUMNS = `c.id::text AS id, c.application_id::text AS application_id, c.serial, c.office_id, c.status, c.ready_at, c.held_until,
  c.transfer_office_id, c.delivered_at, c.reminders_sent`;

function toCard(row: CardRow): Card {
  return {
    id: row.id,
    applicationId: row.application_id,
    serial: row.serial,
    officeId: row.office_id,
    status: row.status,
    readyAt: row.ready_at,
    heldUntil: row.held_until,
    transferOfficeId: row.transfer_office_id,
    deliveredAt: row.delivered_at,
    remindersSent: row.reminders_sent,
  };
}

/**
 * The "your card is ready" message: the office as a venue (map), its hours, the delivery fee, what to
 * bring and until when the card is held. `occasion` names the arrival (import, or a transfer's time) so a
 * card moved back to an office it left is announced again, and a repeated import or press is not.
 */
export async function announceCardReady(tx: SqlExecutor, cardId: string, occasion: string, deliveryRial: number): Promise<boolean> {
  const [row] = await tx.query<{
    chat_id: string;
    first_name: string;
    tracking_code: string;
    application_id: string;
    name: string;
    address: string;
    phone: string;
    latitude: number;
    longitude: number;
    weekly_hours: string;
    held_until: Date;
    office_id: number;
  }>(
    `SELECT p.chat_id::text AS chat_id, p.first_name, p.tracking_code, p.id::text AS application_id, o.name, o.address, o.phone, o.latitude, o.longitude,
            o.weekly_hours, c.held_until, c.office_id
       FROM cards c JOIN applications p ON p.id = c.application_id JOIN offices o ON o.id = c.office_id WHERE c.id = $1::uuid`,
    [cardId],
  );
  if (!row) return false;
  return enqueueInTransaction(tx, {
    dedupKey: `card-ready:${row.application_id}:${row.office_id}:${occasion}`,
    chatId: row.chat_id,
    messageKey: "card-ready",
    params: {
      name: row.first_name,
      trackingCode: row.tracking_code,
      office: row.name,
      address: row.address,
      phone: toPersianDigits(row.phone),
      hours: persianWeeklyHoursText(row.weekly_hours),
      deliveryFee: formatToman(deliveryRial),
      heldUntil: formatJalaliDate(row.held_until),
      venueLatitude: row.latitude,
      venueLongitude: row.longitude,
    },
  });
}

export function createSqlCardStore(sql: SqlExecutor, options: { deliveryRial: (now: Date) => Promise<number>; policy?: PickupPolicy }): CardStore {
  const policy = options.policy ?? DEFAULT_PICKUP_POLICY;
  const actor = (member: StaffMember) => ({ memberId: member.id, role: member.role });
  const officeOf = (member: StaffMember) => (member.scope.kind === "office" ? member.scope.officeId : null);

  async function lockCard(tx: SqlExecutor, cardId: string): Promise<(CardRow & { chat_id: string; first_name: string; app_status: string }) | null> {
    if (!UUID.test(cardId)) return null;
    const [row] = await tx.query<CardRow & { chat_id: string; first_name: string; app_status: string }>(
      `SELECT ${CARD_COLUMNS}, p.chat_id::text AS chat_id, p.first_name, p.status AS app_status
         FROM cards c JOIN applications p ON p.id = c.application_id WHERE c.id = $1::uuid FOR UPDATE OF c`,
      [cardId],
    );
    return row ?? null;
  }

  /** Through the one writer of application status (it records the timeline event too). */
  async function moveApplication(tx: SqlExecutor, applicationId: string, from: string, to: string, now: Date): Promise<void> {
    await moveApplicationStatus(tx, [applicationId], [from as ApplicationState], to as ApplicationState, now);
  }

  async function waiting(where: string, params: unknown[], order: string): Promise<Array<WaitingCard & { office_id?: number }>> {
    const rows = await sql.query<{
      id: string;
      application_id: string;
      first_name: string;
      last_name: string;
      ready_at: Date;
      held_until: Date;
      from_office: string | null;
    }>(
      `SELECT c.id::text AS id, c.application_id::text AS application_id, p.first_name, p.last_name, c.ready_at, c.held_until, o.name AS from_office
         FROM cards c JOIN applications p ON p.id = c.application_id JOIN offices o ON o.id = c.office_id WHERE ${where} ${order}`,
      params,
    );
    return rows.map((row) => ({
      cardId: row.id,
      applicationId: row.application_id,
      firstName: row.first_name,
      lastName: row.last_name,
      readyAt: row.ready_at,
      heldUntil: row.held_until,
      ...(row.from_office ? { fromOfficeName: row.from_office } : {}),
    }));
  }

  return {
    async cardOf(applicationId) {
      if (!UUID.test(applicationId)) return null;
      const [row] = await sql.query<CardRow>(`SELECT ${CARD_COLUMNS} FROM cards c WHERE c.application_id = $1::uuid`, [applicationId]);
      return row ? toCard(row) : null;
    },

    async card(cardId) {
      if (!UUID.test(cardId)) return null;
      const [row] = await sql.query<CardRow>(`SELECT ${CARD_COLUMNS} FROM cards c WHERE c.id = $1::uuid`, [cardId]);
      return row ? toCard(row) : null;
    },

    requestTransfer(applicationId, officeId, now) {
      return sql.transaction(async (tx): Promise<DeskOutcome> => {
        if (!UUID.test(applicationId)) return { kind: "not_found" };
        const [found] = await tx.query<{ id: string }>(`SELECT id::text AS id FROM cards WHERE application_id = $1::uuid`, [applicationId]);
        const row = found ? await lockCard(tx, found.id) : null;
        if (!row) return { kind: "not_found" };
        if (row.status === "in_transit" && row.transfer_office_id === officeId) return { kind: "already" };
        if (row.status !== "ready") return { kind: "wrong_state", status: row.status };
        if (row.office_id === officeId) return { kind: "already" };
        const [office] = await tx.query<{ name: string }>(`SELECT name FROM offices WHERE id = $1 AND active`, [officeId]);
        if (!office) return { kind: "not_found" };
        await tx.query(`UPDATE cards SET status = 'in_transit', transfer_office_id = $2, transfer_requested_at = $3 WHERE id = $1::uuid AND status = 'ready'`, [
          row.id,
          officeId,
          now,
        ]);
        await moveApplication(tx, row.application_id, "ready_for_pickup", "in_transit", now);
        await appendAudit(
          tx,
          {
            actor: { memberId: null, role: "citizen" },
            action: "card.transfer_request",
            subjectKind: "card",
            subjectId: row.id,
            officeId: row.office_id,
            applicationId: row.application_id,
            before: { status: "ready", officeId: row.office_id },
            after: { status: "in_transit", toOfficeId: officeId },
          },
          now,
        );
        await enqueueInTransaction(tx, {
          dedupKey: `card-in-transit:${row.id}:${now.getTime()}`,
          chatId: row.chat_id,
          messageKey: "card-in-transit",
          params: { name: row.first_name, office: office.name },
        });
        return { kind: "done" };
      });
    },

    receive(member, cardId, now) {
      return sql.transaction(async (tx): Promise<DeskOutcome> => {
        const row = await lockCard(tx, cardId);
        if (!row) return { kind: "not_found" };
        const office = officeOf(member);
        if (row.status === "ready" && row.office_id === office) return { kind: "already" };
        if (row.status !== "in_transit") return { kind: "wrong_state", status: row.status };
        if (row.transfer_office_id !== office) {
          await appendAudit(
            tx,
            {
              actor: actor(member),
              action: "card.receive",
              subjectKind: "card",
              subjectId: row.id,
              officeId: row.transfer_office_id,
              applicationId: row.application_id,
              after: { memberOffice: office },
              outcome: "refused",
            },
            now,
          );
          return { kind: "out_of_scope" };
        }
        const held = heldUntil(now, policy);
        const [moved] = await tx.query<{ transfer_requested_at: Date }>(
          `UPDATE cards SET status = 'ready', office_id = transfer_office_id, transfer_office_id = NULL, ready_at = $2, held_until = $3, reminders_sent = 0
            WHERE id = $1::uuid AND status = 'in_transit' RETURNING transfer_requested_at`,
          [row.id, now, held],
        );
        await moveApplication(tx, row.application_id, "in_transit", "ready_for_pickup", now);
        await appendAudit(
          tx,
          {
            actor: actor(member),
            action: "card.receive",
            subjectKind: "card",
            subjectId: row.id,
            officeId: office,
            applicationId: row.application_id,
            before: { status: "in_transit", officeId: row.office_id },
            after: { status: "ready", officeId: office },
          },
          now,
        );
        await announceCardReady(tx, row.id, `transfer-${moved!.transfer_requested_at.getTime()}`, await options.deliveryRial(now));
        return { kind: "done" };
      });
    },

    deliver(member, cardId, recipient, feeRial, maxRial, now) {
      return sql.transaction(async (tx): Promise<DeskOutcome> => {
        const row = await lockCard(tx, cardId);
        if (!row) return { kind: "not_found" };
        if (row.status === "delivered") return { kind: "already" };
        if (row.office_id !== officeOf(member)) {
          await appendAudit(
            tx,
            {
              actor: actor(member),
              action: "card.deliver",
              subjectKind: "card",
              subjectId: row.id,
              officeId: row.office_id,
              applicationId: row.application_id,
              after: { memberOffice: officeOf(member) },
              outcome: "refused",
            },
            now,
          );
          return { kind: "out_of_scope" };
        }
        if (row.status !== "ready") return { kind: "wrong_state", status: row.status };
        const base = { actor: actor(member), subjectKind: "card" as const, subjectId: row.id, officeId: row.office_id, applicationId: row.application_id };
        if (feeRial > maxRial) {
          await appendAudit(tx, { ...base, action: "card.deliver", before: { status: row.status }, after: { feeRial, maxRial }, outcome: "violation" }, now);
          return { kind: "fee_above_tariff", maxRial };
        }
        await tx.query(
          `UPDATE cards SET status = 'delivered', delivered_at = $2, delivered_by = $3, delivered_to = $4, representative_name = $5,
                  representative_national_id = $6, delivery_fee_rial = $7
            WHERE id = $1::uuid AND status = 'ready'`,
          [
            row.id,
            now,
            member.id,
            recipient.kind,
            recipient.kind === "representative" ? recipient.name : null,
            recipient.kind === "representative" ? recipient.nationalId : null,
            feeRial,
          ],
        );
        await moveApplication(tx, row.application_id, "ready_for_pickup", "delivered", now);
        await appendAudit(
          tx,
          // The representative's national ID stays in the cards table; the audit row says only that one was named.
          {
            ...base,
            action: "card.deliver",
            before: { status: "ready" },
            after: { status: "delivered", to: recipient.kind, feeRial, fingerprintMatched: true },
          },
          now,
        );
        await enqueueInTransaction(tx, {
          dedupKey: `card-delivered:${row.id}`,
          chatId: row.chat_id,
          messageKey: recipient.kind === "holder" ? "card-delivered" : "card-delivered-representative",
          params: recipient.kind === "holder" ? { name: row.first_name } : { name: row.first_name, representative: recipient.name },
        });
        return { kind: "done" };
      });
    },

    async uncollected(officeId, page, pageSize) {
      const items = await waiting(
        `c.office_id = $1 AND c.status = 'ready'`,
        [officeId, page * pageSize, pageSize + 1],
        `ORDER BY c.ready_at, c.id OFFSET $2 LIMIT $3`,
      );
      return { items: items.slice(0, pageSize).map(({ fromOfficeName: _omit, ...card }) => card), more: items.length > pageSize };
    },

    incoming: (officeId) => waiting(`c.transfer_office_id = $1 AND c.status = 'in_transit'`, [officeId], `ORDER BY c.transfer_requested_at LIMIT 50`),
  };
}
