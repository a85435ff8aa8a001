// Wires the case system: the citizens' case journeys, their buttons, the staff side, and the overdue sweep.
import type { Middleware } from "grammy";
import type { BotContext } from "./bot/context.js";
import { citizenCaseButtonsFeature } from "./bot/features/cases/citizen-case-buttons.js";
import { staffCasesFeature } from "./bot/features/cases/staff-cases.js";
import { staffCaseActionFlow } from "./flows/cases/staff-case-action.flow.js";
import { staffCallerCaseFlow } from "./flows/cases/staff-caller-case.flow.js";
import { staffOpenCaseFlow } from "./flows/cases/staff-open-case.flow.js";
import { createStaffDirectory } from "./infrastructure/database/cases/staff-directory.js";
import { createSqlStaffStore } from "./infrastructure/database/staff-store.js";
import type { ApplicationStore } from "./domain/application/application-store.js";
import type { OfficeDirectory } from "./domain/booking/office-catalog.js";
import { DEFAULT_CASE_LIMITS } from "./domain/cases/case-limits.js";
import type { CaseStore } from "./domain/cases/case-store.js";
import type { CivilRegistry } from "./domain/citizen/eligibility.js";
import type { TariffBook } from "./domain/fees/tariff-book.js";
import type { PlaceDirectory } from "./domain/places/place-directory.js";
import type { Flow } from "./flows/flow.js";
import type { CaseServices } from "./flows/cases/case-services.js";
import { homeServiceFlow } from "./flows/cases/home-service.flow.js";
import { myCasesFlow } from "./flows/cases/my-cases.flow.js";
import { overchargeReportFlow } from "./flows/cases/overcharge-report.flow.js";
import { createSqlCaseStore } from "./infrastructure/database/cases/case-store.js";
import type { Database } from "./infrastructure/database/database.js";

export interface CaseSystemInput {
  database: Database;
  offices: OfficeDirectory;
  places: PlaceDirectory;
  tariffs: TariffBook;
  registry: CivilRegistry;
  applications: ApplicationStore;
  notifyNow: () => void;
}

export interface CaseSystem {
  cases: CaseStore;
  flows: Flow[];
  features: Middleware<BotContext>[];
}

export function createCaseSystem(input: CaseSystemInput): CaseSystem {
  const cases = createSqlCaseStore(input.database.sql);
  const services: CaseServices = { ...input, cases, limits: DEFAULT_CASE_LIMITS };
  const staff = createStaffDirectory(createSqlStaffStore(input.database.sql), input.database.sql);
  const staffServices = { cases, staff, notifyNow: input.notifyNow };
  return {
    cases,
    flows: [
      overchargeReportFlow(services),
      homeServiceFlow(services),
      myCasesFlow(services),
      staffCaseActionFlow(staffServices),
      staffOpenCaseFlow(staffServices),
      staffCallerCaseFlow(staffServices),
    ],
    features: [citizenCaseButtonsFeature({ cases, notifyNow: input.notifyNow }), staffCasesFeature(staffServices)],
  };
}
