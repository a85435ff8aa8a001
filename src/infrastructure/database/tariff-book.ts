// Reads the effective-dated tariff table, kept in memory for a minute; the domain picks the tariff in force.
import { DEFAULT_TARIFF, tariffInForce, type Tariff } from "../../domain/fees/tariff.js";
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import type { PrismaClient } from "./database.js";

/**
 * The whole table (a few rows, one per legal change) is read at most once per `cacheMs` (default one
 * minute) instead of once per fee shown: a new tariff is entered days before its effective date, so a
 * minute's staleness never shows a wrong fee, and the one in force at any instant is still chosen per call.
 */
export function createPrismaTariffBook(prisma: PrismaClient, options: { cacheMs?: number } = {}): TariffBook {
  const cacheMs = options.cacheMs ?? 60_000;
  let cache: { at: number; rows: Promise<Tariff[]> } | undefined;
  const rows = () => {
    if (!cache || Date.now() - cache.at >= cacheMs) {
      const read = prisma.tariff.findMany();
      cache = { at: Date.now(), rows: read };
      // A failed read is not kept: the next call asks the database again.
      read.catch(() => {
        if (cache?.rows === read) cache = undefined;
      });
    }
    return cache.rows;
  };
  return {
    async inForce(at) {
      // An empty table means the reference data was not loaded yet: the seed figures are the legal default.
      return tariffInForce(await rows(), at) ?? DEFAULT_TARIFF;
    },
  };
}
