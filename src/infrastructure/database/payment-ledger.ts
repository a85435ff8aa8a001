// The payment ledger on PostgreSQL: one pending payment per application and settle-exactly-once are held
// by the database (partial unique indexes, conditional updates, row locks), not by this process's memory.
import { PAYMENT_MOVE } from "../../domain/application/state-move.js";
import type { GatewayName } from "../../domain/payment/payment-gateway.js";
import type { PaymentLedger, PaymentRecord, PaymentStatus, SettleOutcome } from "../../domain/payment/payment-ledger.js";
import type { Payment, Prisma, PrismaClient } from "./generated/prisma/client.js";
import { isUniqueViolationOf } from "./unique-violation.js";
import { ApplicationNotAwaitingPaymentError, PaymentNotFoundError, TrackingCodesExhaustedError } from "./payment-ledger-errors.js";

export { ApplicationNotAwaitingPaymentError, PaymentNotFoundError, TrackingCodesExhaustedError } from "./payment-ledger-errors.js";

type Tx = Prisma.TransactionClient;

/** The partial unique index that allows one pending payment per application. */
const ONE_PENDING_INDEX = "payments_one_pending_per_application";
const TRACKING_CODE_INDEX = "applications_tracking_code_key";
/** Collisions among 9·10^10 codes are rare; five in a row means the code source is broken. */
const MAX_TRACKING_CODE_ATTEMPTS = 5;
/** Settling waits on the application's row lock while other instances settle the same payment. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key under which the "payment confirmed" message is queued in the notifications outbox. */
export const PAYMENT_CONFIRMED_MESSAGE_KEY = "payment-confirmed";

/** The outbox dedup key of a payment's confirmation message: one message per payment, ever. */
export function paymentConfirmedDedupKey(paymentId: string): string {
  return `payment-confirmed:${paymentId}`;
}

/**
 * A PaymentLedger over Prisma and PostgreSQL. Both openPayment and settlePaid lock the application row
 * first (shared for opening, exclusive for settling), so the two always wait on each other in the same
 * order and never deadlock, and a payment cannot be opened for an application that is being paid.
 */
export function createPrismaPaymentLedger(prisma: PrismaClient): PaymentLedger {
  const ledger: PaymentLedger = {
    async openPayment(input) {
      // Two openers can both see no pending payment; the partial unique index lets one insert win, and the
      // loser's second attempt finds the winner's row.
      for (let attempt = 1; ; attempt++) {
        try {
          return (await openInOneStatement(prisma, input)) ?? (await prisma.$transaction((tx) => openInTransaction(tx, input), TRANSACTION_OPTIONS));
        } catch (error) {
          if (attempt < 3 && isUniqueViolationOf(error, ONE_PENDING_INDEX)) continue;
          throw error;
        }
      }
    },

    async attachGatewayReference(paymentId, reference, payUrl) {
      const { count } = UUID.test(paymentId)
        ? { count: await prisma.$executeRaw`UPDATE payments SET gateway_reference = ${reference}, pay_url = ${payUrl} WHERE id = ${paymentId}::uuid` }
        : { count: 0 };
      if (count === 0) throw new PaymentNotFoundError(paymentId);
    },

    async findById(paymentId) {
      if (!UUID.test(paymentId)) return null;
      const row = await prisma.payment.findUnique({ where: { id: paymentId } });
      return row ? toRecord(row) : null;
    },

    async findWithOwnerChat(paymentId) {
      if (!UUID.test(paymentId)) return null;
      // One statement (Prisma's nested select would be two).
      const [row] = await prisma.$queryRaw<Array<PaymentRow & { owner_chat_id: string }>>`
        SELECT p.id::text AS id, p.application_id::text AS application_id, p.gateway, p.amount_rial, p.status, p.gateway_reference,
               p.pay_url, p.created_at, p.expires_at, a.chat_id::text AS owner_chat_id
          FROM payments p JOIN applications a ON a.id = p.application_id
         WHERE p.id = ${paymentId}::uuid`;
      return row ? { payment: fromRow(row), ownerChatId: Number(row.owner_chat_id) } : null;
    },

    async findByReference(gateway, reference) {
      const row = await prisma.payment.findUnique({ where: { gateway_gatewayReference: { gateway, gatewayReference: reference } } });
      return row ? toRecord(row) : null;
    },

    async settlePaid(input) {
      const settled = await prisma.$transaction((tx) => settleInTransaction(tx, input), TRANSACTION_OPTIONS);
      return settled ?? ledger.outcomeOf(input.paymentId);
    },

    async outcomeOf(paymentId) {
      const row = UUID.test(paymentId)
        ? await prisma.payment.findUnique({ where: { id: paymentId }, select: { status: true, application: { select: { trackingCode: true } } } })
        : null;
      if (!row) throw new PaymentNotFoundError(paymentId);
      const trackingCode = row.application.trackingCode;
      if (row.status === "paid" && trackingCode !== null) return { kind: "already_settled", trackingCode };
      return { kind: "not_pending", status: row.status as PaymentStatus };
    },

    async close(paymentId, status, at) {
      if (!UUID.test(paymentId)) return false;
      // settled_at records when the payment stopped being pending, whichever way it ended.
      const { count } = await prisma.payment.updateMany({ where: { id: paymentId, status: "pending" }, data: { status, settledAt: at } });
      return count === 1;
    },

    async pendingBefore(olderThan, limit) {
      const rows = await prisma.payment.findMany({
        where: { status: "pending", createdAt: { lt: olderThan } },
        // Least recently checked first, so payments a gateway cannot answer for never starve the rest.
        orderBy: [{ lastCheckedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
        take: limit,
      });
      return rows.map(toRecord);
    },

    async touchChecked(paymentId, at) {
      if (!UUID.test(paymentId)) return;
      await prisma.payment.updateMany({ where: { id: paymentId }, data: { lastCheckedAt: at } });
    },
  };
  return ledger;
}

type OpenInput = Parameters<PaymentLedger["openPayment"]>[0];
type SettleInput = Parameters<PaymentLedger["settlePaid"]>[0];

/** A payments row as row_to_json gives it: the raw row with its timestamps as ISO strings. */
type PaymentJson = Omit<PaymentRow, "created_at" | "expires_at"> & { created_at: string; expires_at: string };

const fromJson = (row: PaymentJson): PaymentRecord => fromRow({ ...row, created_at: new Date(row.created_at), expires_at: new Date(row.expires_at) });

/**
 * The common opening in one statement (one round trip instead of BEGIN, three statements, COMMIT): lock the
 * application FOR SHARE, read its pending payment, insert a new one when there is none. The same guards as
 * openInTransaction: the row lock orders us against settlePaid, the partial unique index decides between
 * concurrent openers (the caller retries on its violation). Undefined when a pending payment exists but has
 * expired: that rare case (expire it, then insert) goes through openInTransaction, because an UPDATE and an
 * INSERT on the same partial unique index in one statement have no guaranteed order.
 */
async function openInOneStatement(prisma: PrismaClient, input: OpenInput): Promise<{ payment: PaymentRecord; created: boolean } | undefined> {
  if (!UUID.test(input.applicationId)) throw new ApplicationNotAwaitingPaymentError(input.applicationId, null);
  const [row] = await prisma.$queryRaw<Array<{ app_status: string | null; pending: PaymentJson | null; created: PaymentJson | null }>>`
    WITH app AS (SELECT status FROM applications WHERE id = ${input.applicationId}::uuid FOR SHARE),
    pending AS (
      SELECT id::text AS id, application_id::text AS application_id, gateway, amount_rial, status, gateway_reference, pay_url, created_at, expires_at
        FROM payments
       WHERE application_id = ${input.applicationId}::uuid AND status = 'pending' AND EXISTS (SELECT 1 FROM app WHERE status = 'awaiting_payment')),
    created AS (
      INSERT INTO payments (application_id, gateway, amount_rial, status, created_at, expires_at)
      SELECT ${input.applicationId}::uuid, ${input.gateway}, ${input.amountRial}, 'pending', ${input.now}, ${input.expiresAt}
       WHERE EXISTS (SELECT 1 FROM app WHERE status = 'awaiting_payment') AND NOT EXISTS (SELECT 1 FROM pending)
      RETURNING id::text AS id, application_id::text AS application_id, gateway, amount_rial, status, gateway_reference, pay_url, created_at, expires_at)
    SELECT (SELECT status FROM app) AS app_status,
           (SELECT row_to_json(p) FROM pending p LIMIT 1) AS pending,
           (SELECT row_to_json(c) FROM created c) AS created`;
  if (row?.app_status !== "awaiting_payment") throw new ApplicationNotAwaitingPaymentError(input.applicationId, row?.app_status ?? null);
  if (row.created) return { payment: fromJson(row.created), created: true };
  const pending = row.pending ? fromJson(row.pending) : undefined;
  if (pending && pending.expiresAt > input.now) return { payment: pending, created: false };
  return undefined;
}

async function openInTransaction(tx: Tx, input: OpenInput): Promise<{ payment: PaymentRecord; created: boolean }> {
  // FOR SHARE: concurrent openers proceed together (the unique index decides between them), but a settlement
  // holding the row waits for us, or we for it and then see that the application is paid.
  const [application] = UUID.test(input.applicationId)
    ? await tx.$queryRaw<{ status: string }[]>`SELECT status FROM applications WHERE id = ${input.applicationId}::uuid FOR SHARE`
    : [];
  if (application?.status !== "awaiting_payment") {
    throw new ApplicationNotAwaitingPaymentError(input.applicationId, application?.status ?? null);
  }
  const pending = await tx.payment.findFirst({ where: { applicationId: input.applicationId, status: "pending" } });
  if (pending && pending.expiresAt > input.now) return { payment: toRecord(pending), created: false };
  if (pending) {
    await tx.payment.updateMany({ where: { id: pending.id, status: "pending" }, data: { status: "expired", settledAt: input.now } });
  }
  const created = await tx.payment.create({
    data: {
      applicationId: input.applicationId,
      gateway: input.gateway,
      amountRial: input.amountRial,
      createdAt: input.now,
      expiresAt: input.expiresAt,
    },
  });
  return { payment: toRecord(created), created: true };
}

/** Settles inside one transaction; undefined when the payment was not pending (the caller reports why). */
async function settleInTransaction(tx: Tx, input: SettleInput): Promise<SettleOutcome | undefined> {
  // The application's row lock comes first, as in openPayment; concurrent settlers queue here. (One
  // statement finds the payment's application and locks it; the payment row itself is not locked here.)
  const [application] = UUID.test(input.paymentId)
    ? await tx.$queryRaw<{ application_id: string; status: string; chat_id: bigint }[]>`
        SELECT a.id::text AS application_id, a.status, a.chat_id
          FROM applications a JOIN payments p ON p.application_id = a.id
         WHERE p.id = ${input.paymentId}::uuid
           FOR UPDATE OF a`
    : [];
  if (!application) throw new PaymentNotFoundError(input.paymentId);
  const applicationId = application.application_id;

  // A failed payment (closed after a cancel the gateway confirmed) is settled too if the gateway took the
  // money after all, unless another payment of the application was paid meanwhile: then its receipt is kept
  // for a refund and nothing is announced.
  const marked = await tx.$executeRaw`
    UPDATE payments SET status = 'paid', receipt_reference = ${input.receipt}, settled_at = ${input.at}
    WHERE id = ${input.paymentId}::uuid
      AND (status = 'pending' OR (status = 'failed' AND NOT EXISTS (
        SELECT 1 FROM payments other WHERE other.application_id = payments.application_id AND other.status = 'paid')))`;
  if (marked === 0) {
    const refund = await tx.$executeRaw`
      UPDATE payments SET receipt_reference = ${input.receipt}
      WHERE id = ${input.paymentId}::uuid AND status = 'failed' AND receipt_reference IS NULL`;
    return refund === 1 ? { kind: "not_pending", status: "paid" } : undefined;
  }

  const trackingCode = await issueTrackingCode(tx, applicationId, input);
  // The gateway has the money but the application left awaiting_payment meanwhile (cancelled): the payment
  // stays recorded as paid with its receipt, for a refund, and nothing is announced.
  if (trackingCode === null) return { kind: "not_pending", status: "paid" };

  // Raw values: the notification sender formats them for display (Persian digits, grouped code).
  const params = JSON.stringify({ trackingCode });
  await tx.$executeRaw`
    INSERT INTO notifications (dedup_key, chat_id, message_key, params, created_at)
    VALUES (${paymentConfirmedDedupKey(input.paymentId)}, ${application.chat_id}, ${PAYMENT_CONFIRMED_MESSAGE_KEY}, ${params}::jsonb, ${input.at})
    ON CONFLICT (dedup_key) DO NOTHING`;
  return { kind: "settled", trackingCode, chatId: Number(application.chat_id) };
}

/**
 * Moves the application to paid with a fresh tracking code; null when it was not awaiting payment. A code
 * that collides with another application's is rolled back to a savepoint (not the whole transaction, which
 * already marked the payment paid) and drawn again.
 */
async function issueTrackingCode(tx: Tx, applicationId: string, input: SettleInput): Promise<string | null> {
  for (let attempt = 1; attempt <= MAX_TRACKING_CODE_ATTEMPTS; attempt++) {
    const code = input.newTrackingCode();
    await tx.$executeRawUnsafe("SAVEPOINT tracking_code");
    try {
      // The move goes through the one writer of status, with its timeline event and the new code.
      const moved = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text AS id FROM application_move(ARRAY[${applicationId}::uuid], ${[...PAYMENT_MOVE.from]}::text[], ${PAYMENT_MOVE.to}, ${input.at}, ${code}) AS id`;
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT tracking_code");
      return moved.length === 1 ? code : null;
    } catch (error) {
      if (!isUniqueViolationOf(error, TRACKING_CODE_INDEX)) throw error;
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT tracking_code");
    }
  }
  throw new TrackingCodesExhaustedError(MAX_TRACKING_CODE_ATTEMPTS);
}

/** A payments row as raw SQL returns it (ids cast to text). */
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

function fromRow(row: PaymentRow): PaymentRecord {
  return toRecord({
    id: row.id,
    applicationId: row.application_id,
    gateway: row.gateway,
    amountRial: row.amount_rial,
    status: row.status,
    gatewayReference: row.gateway_reference,
    payUrl: row.pay_url,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  } as Payment);
}

function toRecord(row: Payment): PaymentRecord {
  return {
    id: row.id,
    applicationId: row.applicationId,
    gateway: row.gateway as GatewayName,
    amountRial: row.amountRial,
    status: row.status as PaymentStatus,
    gatewayReference: row.gatewayReference,
    payUrl: row.payUrl,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}
