// The sandbox gateway's own books (sandbox_transactions): what an external gateway would keep on its side.
import { randomBytes, randomInt } from "node:crypto";
import type { VerifyOutcome } from "../../domain/payment/payment-gateway.js";
import type { PrismaClient } from "../database/database.js";

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

/** Opens the sandbox's books on the project's database. */
export function createSandboxBank(prisma: PrismaClient, now: () => Date = () => new Date()): SandboxBank {
  const find = async (authority: string): Promise<SandboxTransaction | null> => {
    const row = await prisma.sandboxTransaction.findUnique({ where: { authority } });
    return row ? { ...row, status: row.status as SandboxStatus } : null;
  };
  return {
    async create(input) {
      // Unguessable, like a real gateway's: knowing one authority tells nothing about another.
      const authority = `S${randomBytes(16).toString("hex")}`;
      const row = await prisma.sandboxTransaction.create({ data: { authority, ...input, createdAt: now() } });
      return { ...row, status: row.status as SandboxStatus };
    },
    find,
    async decide(authority, choice) {
      await prisma.sandboxTransaction.updateMany({ where: { authority, status: "created" }, data: { status: choice } });
      return find(authority);
    },
    async verify(authority, amountRial) {
      // Conditional, so concurrent verifications agree on one receipt: only the first finds verified_at empty.
      await prisma.sandboxTransaction.updateMany({
        where: { authority, status: "paid", amountRial, verifiedAt: null },
        data: { verifiedAt: now(), refId: String(randomInt(1_000_000_000, 10_000_000_000)) },
      });
      const transaction = await find(authority);
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
