// The sandbox gateway's own books (sandbox_transactions): what an external gateway would keep on its side.
import { randomBytes, randomInt } from "node:crypto";
import type { VerifyOutcome } from "../../domain/payment/payment-gateway.js";
import type { SqlExecutor } from "../database/sql-executor.js";

/** A transaction's state at the sandbox: created, then paid or cancelled by the citizen, never both. */
export type SandboxStatus = "created" | "paid" | "cancelled";

export interface SandboxTransaction {
  authority: string;
  amountRial: number;
  description: string;
  callbackUrl: string;
  status: SandboxStatus;
  verifiedAt: Date | null;
  refId: string | null;
  createdAt: Date;
}

/** The sandbox's operations, shared by the gateway adapter (our side) and its web pages (the citizen's side). */
export interface SandboxBank {
  create(input: { amountRial: number; description: string; callbackUrl: string }): Promise<SandboxTransaction>;
  find(authority: string): Promise<SandboxTransaction | null>;
  /** The citizen's choice on the pay page; only a `created` transaction changes. Returns the current state. */
  decide(authority: string, choice: "paid" | "cancelled"): Promise<SandboxTransaction | null>;
  /** Zarinpal-style verification: the first call on a paid transaction issues the receipt, later ones repeat it. */
  verify(authority: string, amountRial: number): Promise<VerifyOutcome>;
}

const COLUMNS = "authority, amount_rial, description, callback_url, status, verified_at, ref_id, created_at";

interface Row {
  authority: string;
  amount_rial: number;
  description: string;
  callback_url: string;
  status: string;
  verified_at: Date | null;
  ref_id: string | null;
  created_at: Date;
}

const toTransaction = (row: Row): SandboxTransaction => ({
  authority: row.authority,
  amountRial: row.amount_rial,
  description: row.description,
  callbackUrl: row.callback_url,
  status: row.status as SandboxStatus,
  verifiedAt: row.verified_at,
  refId: row.ref_id,
  createdAt: row.created_at,
});

/**
 * Opens the sandbox's books on the project's database, in plain SQL on the pool (these run on every paid
 * journey; Prisma's query building cost more CPU than the statements). A conditional UPDATE … RETURNING
 * answers the common case in one statement; when it changed nothing the row is read afresh, so a
 * concurrent decision or verification is seen as it committed.
 */
export function createSandboxBank(sql: SqlExecutor, now: () => Date = () => new Date()): SandboxBank {
  const find = async (authority: string): Promise<SandboxTransaction | null> => {
    const [row] = await sql.query<Row>(`SELECT ${COLUMNS} FROM sandbox_transactions WHERE authority = $1`, [authority]);
    return row ? toTransaction(row) : null;
  };
  return {
    async create(input) {
      // Unguessable, like a real gateway's: knowing one authority tells nothing about another.
      const authority = `S${randomBytes(16).toString("hex")}`;
      const [row] = await sql.query<Row>(
        `INSERT INTO sandbox_transactions (authority, amount_rial, description, callback_url, status, created_at)
         VALUES ($1, $2, $3, $4, 'created', $5) RETURNING ${COLUMNS}`,
        [authority, input.amountRial, input.description, input.callbackUrl, now()],
      );
      return toTransaction(row!);
    },
    find,
    async decide(authority, choice) {
      const [row] = await sql.query<Row>(`UPDATE sandbox_transactions SET status = $2 WHERE authority = $1 AND status = 'created' RETURNING ${COLUMNS}`, [
        authority,
        choice,
      ]);
      return row ? toTransaction(row) : find(authority);
    },
    async verify(authority, amountRial) {
      // Conditional, so concurrent verifications agree on one receipt: only the first finds verified_at empty.
      const [updated] = await sql.query<Row>(
        `UPDATE sandbox_transactions SET verified_at = $3, ref_id = $4
          WHERE authority = $1 AND status = 'paid' AND amount_rial = $2 AND verified_at IS NULL RETURNING ${COLUMNS}`,
        [authority, amountRial, now(), String(randomInt(1_000_000_000, 10_000_000_000))],
      );
      const transaction = updated ? toTransaction(updated) : await find(authority);
      if (!transaction) return { status: "not_paid", reason: "unknown_authority" };
      if (transaction.amountRial !== amountRial) return { status: "not_paid", reason: "amount_mismatch" };
      if (transaction.status === "created") return { status: "not_paid", reason: "not_paid_yet" };
      // A decision is never changed at the sandbox: a cancelled transaction can no longer be paid.
      if (transaction.status === "cancelled") return { status: "not_paid", reason: "cancelled", final: true };
      if (transaction.refId === null) return { status: "unknown", reason: "receipt missing" };
      return { status: "paid", receipt: transaction.refId };
    },
  };
}
