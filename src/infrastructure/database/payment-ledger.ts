// The payment ledger on PostgreSQL: one pending payment per application and settle-exactly-once are held
// by the database (partial unique indexes, conditional updates, row locks), not by this process's memory.
// Plain SQL on the pool (no Prisma): opening, the "I have paid" read and the settle run on every journey.
import { PAYMENT_MOVE } from "../../domain/application/state-move.js";
import type { GatewayName } from "../../domain/payment/payment-gateway.js";
import type { PaymentLedger, PaymentRecord, PaymentStatus, SettleOutcome } from "../../domain/payment/payment-ledger.js";
import type { SqlExecutor } from "./sql-executor.js";
import { isSqlUniqueViolation } from "./unique-violation.js";
import { ApplicationNotAwaitingPaymentError, PaymentNotFoundError, TrackingCodesExhaustedError } from "./payment-ledger-errors.js";

export { ApplicationNotAwaitingPaymentError, PaymentNotFoundError, TrackingCodesExhaustedError } from "./payment-ledger-errors.js";

/** The partial unique index that allows one pending payment per application. */
const ONE_PENDING_INDEX = "payments_one_pending_per_application";
const TRACKING_CODE_INDEX = "applications_tracking_code_key";
/** Collisions among 9·10^10 codes are rare; five in a row means the code source is broken. */
const MAX_TRACKING_CODE_ATTEMPTS = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key under which the "payment confirmed" message is queued in the notifications outbox. */
export const PAYMENT_CONFIRMED_MESSAGE_KEY = "payment-confirmed";

/** The outbox dedup key of a payment's confirmation message: one message per payment, ever. */
export function paymentConfirmedDedupKey(paymentId: string): string {
  return `payment-confirmed:${paymentId}`;
}

/** A payments row as the statements below select it (ids cast to text); `toRecord` maps it. */
interface PaymentRow {
  id: string;
  application_id: string;
  gateway: string;
  amount_rial: number;
  status: string;
  gateway_reference: string | null;
  pay_url: string | null;
  created_at: Date;
  expires_at: Date;
}

/** The columns of a PaymentRow, qualified by `table` (the table's name or its alias). */
const paymentColumns = (table: string) =>
  `${table}.id::text AS id, ${table}.application_id::text AS application_id, ${table}.gateway, ${table}.amount_rial, ${table}.status,
   ${table}.gateway_reference, ${table}.pay_url, ${table}.created_at, ${table}.expires_at`;

/**
 * A PaymentLedger over PostgreSQL. Both openPayment and settlePaid lock the application row first (shared
 * for opening, exclusive for settling), so the two always wait on each other in the same order and never
 * deadlock, and a payment cannot be opened for an application that is being paid. A settle waiting on that
 * lock holds its pooled connection until the lock is granted (no client-side timeout, as for every
 * transaction on the pool).
 */
export function createSqlPaymentLedger(sql: SqlExecutor): PaymentLedger {
  const one = async (where: string, params: unknown[]) => {
    const [row] = await sql.query<PaymentRow>(`SELECT ${paymentColumns("payments")} FROM payments WHERE ${where}`, params);
    return row ? toRecord(row) : null;
  };

  const ledger: PaymentLedger = {
    async openPayment(input) {
      // Two openers can both see no pending payment; the partial unique index lets one insert win, and the
      // loser's second attempt finds the winner's row.
      for (let attempt = 1; ; attempt++) {
        try {
          return (await openInOneStatement(sql, input)) ?? (await sql.transaction((tx) => openInTransaction(tx, input)));
        } catch (error) {
          if (attempt < 3 && isSqlUniqueViolation(error, ONE_PENDING_INDEX)) continue;
          throw error;
        }
      }
    },

    async attachGatewayReference(paymentId, reference, payUrl) {
      const updated = UUID.test(paymentId)
        ? await sql.query(`UPDATE payments SET gateway_reference = $2, pay_url = $3 WHERE id = $1::uuid RETURNING 1`, [paymentId, reference, payUrl])
        : [];
      if (updated.length === 0) throw new PaymentNotFoundError(paymentId);
    },

    async findById(paymentId) {
      return UUID.test(paymentId) ? one(`id = $1::uuid`, [paymentId]) : null;
    },

    async findWithOwnerChat(paymentId) {
      if (!UUID.test(paymentId)) return null;
      const [row] = await sql.query<PaymentRow & { owner_chat_id: string }>(
        `SELECT ${paymentColumns("p")}, a.chat_id::text AS owner_chat_id
           FROM payments p JOIN applications a ON a.id = p.application_id
          WHERE p.id = $1::uuid`,
        [paymentId],
      );
      return row ? { payment: toRecord(row), ownerChatId: Number(row.owner_chat_id) } : null;
    },

    findByReference(gateway, reference) {
      return one(`gateway = $1 AND gateway_reference = $2`, [gateway, reference]);
    },

    async settlePaid(input) {
      // A tracking code another application already has aborts the transaction: nothing was committed and
      // nothing sent, so the whole settle runs again with a fresh code.
      for (let attempt = 1; attempt <= MAX_TRACKING_CODE_ATTEMPTS; attempt++) {
        const code = input.newTrackingCode();
        try {
          const settled = await sql.transaction((tx) => settleInTransaction(tx, input, code));
          return settled ?? (await ledger.outcomeOf(input.paymentId));
        } catch (error) {
          if (!isSqlUniqueViolation(error, TRACKING_CODE_INDEX)) throw error;
        }
      }
      throw new TrackingCodesExhaustedError(MAX_TRACKING_CODE_ATTEMPTS);
    },

    async outcomeOf(paymentId) {
      const [row] = UUID.test(paymentId)
        ? await sql.query<{ status: string; tracking_code: string | null }>(
            `SELECT p.status, a.tracking_code FROM payments p JOIN applications a ON a.id = p.application_id WHERE p.id = $1::uuid`,
            [paymentId],
          )
        : [];
      if (!row) throw new PaymentNotFoundError(paymentId);
      if (row.status === "paid" && row.tracking_code !== null) return { kind: "already_settled", trackingCode: row.tracking_code };
      return { kind: "not_pending", status: row.status as PaymentStatus };
    },

    async close(paymentId, status, at) {
      if (!UUID.test(paymentId)) return false;
      // settled_at records when the payment stopped being pending, whichever way it ended.
      const closed = await sql.query(`UPDATE payments SET status = $2, settled_at = $3 WHERE id = $1::uuid AND status = 'pending' RETURNING 1`, [
        paymentId,
        status,
        at,
      ]);
      return closed.length === 1;
    },

    async pendingBefore(olderThan, limit) {
      const rows = await sql.query<PaymentRow>(
        // Least recently checked first, so payments a gateway cannot answer for never starve the rest.
        `SELECT ${paymentColumns("p")} FROM payments p
          WHERE p.status = 'pending' AND p.created_at < $1
          ORDER BY p.last_checked_at ASC NULLS FIRST, p.created_at ASC, p.id ASC
          LIMIT $2`,
        [olderThan, limit],
      );
      return rows.map(toRecord);
    },

    async touchChecked(paymentId, at) {
      if (!UUID.test(paymentId)) return;
      await sql.query(`UPDATE payments SET last_checked_at = $2 WHERE id = $1::uuid`, [paymentId, at]);
    },
  };
  return ledger;
}

type OpenInput = Parameters<PaymentLedger["openPayment"]>[0];
type SettleInput = Parameters<PaymentLedger["settlePaid"]>[0];

/** A payments row as row_to_json gives it: the raw row with its timestamps as ISO strings. */
type PaymentJson = Omit<PaymentRow, "created_at" | "expires_at"> & { created_at: string; expires_at: string };

const fromJson = (row: PaymentJson): PaymentRecord => toRecord({ ...row, created_at: new Date(row.created_at), expires_at: new Date(row.expires_at) });

/**
 * The common opening in one statement (one round trip instead of BEGIN, three statements, COMMIT): lock the
 * application FOR SHARE, read its pending payment, insert a new one when there is none. The same guards as
 * openInTransaction: the row lock orders us against settlePaid, the partial unique index decides between
 * concurrent openers (the caller retries on its violation). Undefined when a pending payment exists but has
 * expired: that rare case (expire it, then insert) goes through openInTransaction, because an UPDATE and an
 * INSERT on the same partial unique index in one statement have no guaranteed order.
 */
async function openInOneStatement(sql: SqlExecutor, input: OpenInput): Promise<{ payment: PaymentRecord; created: boolean } | undefined> {
  if (!UUID.test(input.applicationId)) throw new ApplicationNotAwaitingPaymentError(input.applicationId, null);
  // The inserted values are cast: in INSERT … SELECT an untyped parameter would be taken as text.
  const [row] = await sql.query<{ app_status: string | null; pending: PaymentJson | null; created: PaymentJson | null }>(
    `WITH app AS (SELECT status FROM applications WHERE id = $1::uuid FOR SHARE),
     pending AS (
       SELECT ${paymentColumns("payments")} FROM payments
        WHERE application_id = $1::uuid AND status = 'pending' AND EXISTS (SELECT 1 FROM app WHERE status = 'awaiting_payment')),
     created AS (
       INSERT INTO payments (application_id, gateway, amount_rial, status, created_at, expires_at)
       SELECT $1::uuid, $2::text, $3::integer, 'pending', $4::timestamptz, $5::timestamptz
        WHERE EXISTS (SELECT 1 FROM app WHERE status = 'awaiting_payment') AND NOT EXISTS (SELECT 1 FROM pending)
       RETURNING ${paymentColumns("payments")})
     SELECT (SELECT status FROM app) AS app_status,
            (SELECT row_to_json(p) FROM pending p LIMIT 1) AS pending,
            (SELECT row_to_json(c) FROM created c) AS created`,
    [input.applicationId, input.gateway, input.amountRial, input.now, input.expiresAt],
  );
  if (row?.app_status !== "awaiting_payment") throw new ApplicationNotAwaitingPaymentError(input.applicationId, row?.app_status ?? null);
  if (row.created) return { payment: fromJson(row.created), created: true };
  const pending = row.pending ? fromJson(row.pending) : undefined;
  if (pending && pending.expiresAt > input.now) return { payment: pending, created: false };
  return undefined;
}

async function openInTransaction(tx: SqlExecutor, input: OpenInput): Promise<{ payment: PaymentRecord; created: boolean }> {
  // FOR SHARE: concurrent openers proceed together (the unique index decides between them), but a settlement
  // holding the row waits for us, or we for it and then see that the application is paid.
  const [application] = UUID.test(input.applicationId)
    ? await tx.query<{ status: string }>(`SELECT status FROM applications WHERE id = $1::uuid FOR SHARE`, [input.applicationId])
    : [];
  if (application?.status !== "awaiting_payment") {
    throw new ApplicationNotAwaitingPaymentError(input.applicationId, application?.status ?? null);
  }
  const [pendingRow] = await tx.query<PaymentRow>(
    `SELECT ${paymentColumns("payments")} FROM payments WHERE application_id = $1::uuid AND status = 'pending' LIMIT 1`,
    [input.applicationId],
  );
  const pending = pendingRow ? toRecord(pendingRow) : undefined;
  if (pending && pending.expiresAt > input.now) return { payment: pending, created: false };
  if (pending) {
    await tx.query(`UPDATE payments SET status = 'expired', settled_at = $2 WHERE id = $1::uuid AND status = 'pending'`, [pending.id, input.now]);
  }
  const [created] = await tx.query<PaymentRow>(
    `INSERT INTO payments (application_id, gateway, amount_rial, created_at, expires_at) VALUES ($1::uuid, $2, $3, $4, $5)
     RETURNING ${paymentColumns("payments")}`,
    [input.applicationId, input.gateway, input.amountRial, input.now, input.expiresAt],
  );
  if (!created) throw new Error("inserting the payment returned no row");
  return { payment: toRecord(created), created: true };
}

/**
 * Settles inside one transaction with `trackingCode`; undefined when the payment was not pending (the caller
 * reports why). Three statements: the lock, the conditional paid mark, and the move with its outbox row.
 */
async function settleInTransaction(tx: SqlExecutor, input: SettleInput, trackingCode: string): Promise<SettleOutcome | undefined> {
  // The application's row lock comes first, as in openPayment; concurrent settlers queue here. (One
  // statement finds the payment's application and locks it; the payment row itself is not locked here.)
  const [application] = UUID.test(input.paymentId)
    ? await tx.query<{ application_id: string; status: string; chat_id: string }>(
        `SELECT a.id::text AS application_id, a.status, a.chat_id::text AS chat_id
           FROM applications a JOIN payments p ON p.application_id = a.id
          WHERE p.id = $1::uuid
            FOR UPDATE OF a`,
        [input.paymentId],
      )
    : [];
  if (!application) throw new PaymentNotFoundError(input.paymentId);

  // A failed payment (closed after a cancel the gateway confirmed) is settled too if the gateway took the
  // money after all, unless another payment of the application was paid meanwhile: then its receipt is kept
  // for a refund and nothing is announced. A statement of its own, after the lock: its snapshot then sees
  // what the settler we queued behind committed.
  const marked = await tx.query(
    `UPDATE payments SET status = 'paid', receipt_reference = $2, settled_at = $3
      WHERE id = $1::uuid
        AND (status = 'pending' OR (status = 'failed' AND NOT EXISTS (
          SELECT 1 FROM payments other WHERE other.application_id = payments.application_id AND other.status = 'paid')))
     RETURNING 1`,
    [input.paymentId, input.receipt, input.at],
  );
  if (marked.length === 0) {
    const refund = await tx.query(
      `UPDATE payments SET receipt_reference = $2 WHERE id = $1::uuid AND status = 'failed' AND receipt_reference IS NULL RETURNING 1`,
      [input.paymentId, input.receipt],
    );
    return refund.length === 1 ? { kind: "not_pending", status: "paid" } : undefined;
  }

  // The move goes through the one writer of status (application_move, with its timeline event and the new
  // code); the "payment confirmed" row is queued in the same statement, only if the application moved. Raw
  // values: the notification sender formats them for display (Persian digits, grouped code).
  const [moved] = await tx.query<{ moved: number }>(
    `WITH moved AS (SELECT id FROM application_move(ARRAY[$1::uuid], $2::text[], $3::text, $4::timestamptz, $5::text) AS id),
          queued AS (
            INSERT INTO notifications (dedup_key, chat_id, message_key, params, created_at)
            SELECT $6::text, $7::bigint, $8::text, $9::jsonb, $4::timestamptz FROM moved
            ON CONFLICT (dedup_key) DO NOTHING
            RETURNING 1)
     SELECT count(*)::int AS moved FROM moved`,
    [
      application.application_id,
      [...PAYMENT_MOVE.from],
      PAYMENT_MOVE.to,
      input.at,
      trackingCode,
      paymentConfirmedDedupKey(input.paymentId),
      application.chat_id,
      PAYMENT_CONFIRMED_MESSAGE_KEY,
      JSON.stringify({ trackingCode }),
    ],
  );
  // The gateway has the money but the application left awaiting_payment meanwhile (cancelled): the payment
  // stays recorded as paid with its receipt, for a refund, and nothing is announced.
  if (moved?.moved !== 1) return { kind: "not_pending", status: "paid" };
  return { kind: "settled", trackingCode, chatId: Number(application.chat_id) };
}

function toRecord(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    applicationId: row.application_id,
    gateway: row.gateway as GatewayName,
    amountRial: row.amount_rial,
    status: row.status as PaymentStatus,
    gatewayReference: row.gateway_reference,
    payUrl: row.pay_url,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
