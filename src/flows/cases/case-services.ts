// What the case journeys are built from: the case store, places, offices, tariffs, the registry and applications.
import type { ApplicationStore } from "../../domain/application/application-store.js";
import type { OfficeDirectory } from "../../domain/booking/office-catalog.js";
import type { CaseLimits } from "../../domain/cases/case-limits.js";
import type { CaseStore } from "../../domain/cases/case-store.js";
import type { CivilRegistry } from "../../domain/citizen/eligibility.js";
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import type { PlaceDirectory } from "../../domain/places/place-directory.js";

export interface CaseServices {
  cases: CaseStore;
  offices: OfficeDirectory;
  places: PlaceDirectory;
  tariffs: TariffBook;
  registry: CivilRegistry;
  applications: ApplicationStore;
  limits: CaseLimits;
  /** Wakes the outbox after a change the citizen or a supervisor is told about. */
  notifyNow: () => void;
}
