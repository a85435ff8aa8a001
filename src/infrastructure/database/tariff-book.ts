// Reads the effective-dated tariff table; the domain picks the tariff in force.
import { DEFAULT_TARIFF, tariffInForce } from "../../domain/fees/tariff.js";
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import type { PrismaClient } from "./database.js";

export function createPrismaTariffBook(prisma: PrismaClient): TariffBook {
  return {
    async inForce(at) {
      const rows = await prisma.tariff.findMany({ where: { effectiveFrom: { lte: at } }, orderBy: { effectiveFrom: "desc" }, take: 1 });
      // An empty table means the reference data was not loaded yet: the seed figures are the legal default.
      return tariffInForce(rows, at) ?? DEFAULT_TARIFF;
    },
  };
}
