// The tariff-book port: the legal fees in force at an instant, from wherever tariffs are kept.
import type { Tariff } from "./tariff.js";

export interface TariffBook {
  inForce(at: Date): Promise<Tariff>;
}
