// Wires the staff side: its stores, conversations and features (enrolment, the operator's and the admin's panels).
import type { AppConfig } from "./config/config.js";
import { adminPanelFeature } from "./bot/features/staff/admin-panel.js";
import { operatorPanelFeature } from "./bot/features/staff/operator-panel.js";
import { staffEntryFeature } from "./bot/features/staff/staff-entry.js";
import { DEFAULT_BOOKING_POLICY } from "./domain/booking/booking-policy.js";
import { DEFAULT_INVITE_TTL_MS } from "./domain/staff/invite.js";
import type { BotJourneys } from "./flows/flow.js";
import { deliverCardFlow } from "./flows/staff/deliver-card.flow.js";
import { findApplicantFlow } from "./flows/staff/find-applicant.flow.js";
import { inviteStaffFlow } from "./flows/staff/invite-staff.flow.js";
import { officeTrailFlow } from "./flows/staff/office-trail.flow.js";
import { recordFeeFlow } from "./flows/staff/record-fee.flow.js";
import type { StaffServices } from "./flows/staff/staff-services.js";
import { createSqlApplicationStore } from "./infrastructure/database/application-store.js";
import { createSqlCardStore } from "./infrastructure/database/card-store.js";
import { createStartMeeting } from "./infrastructure/database/chat-directory.js";
import type { Database } from "./infrastructure/database/database.js";
import { createSqlDeskStore } from "./infrastructure/database/desk-store.js";
import { createSqlOfficeDirectory } from "./infrastructure/database/office-directory.js";
import { createSqlStaffStore } from "./infrastructure/database/staff-store.js";
import { createPrismaTariffBook } from "./infrastructure/database/tariff-book.js";

export function createStaffServices(input: { config: AppConfig; database: Database; notifyNow: () => void }): StaffServices {
  const { config, database } = input;
  const tariffs = createPrismaTariffBook(database.prisma);
  return {
    staff: createSqlStaffStore(database.sql),
    meetOnStart: createStartMeeting(database.sql, config.platform),
    desk: createSqlDeskStore(database.sql, tariffs),
    cards: createSqlCardStore(database.sql, { deliveryRial: async (at) => (await tariffs.inForce(at)).deliveryRial, policy: config.pickup }),
    applications: createSqlApplicationStore(database.sql),
    offices: createSqlOfficeDirectory(database.sql),
    tariffs,
    policy: { ...DEFAULT_BOOKING_POLICY, checkInOpensBeforeMs: config.checkInOpensBeforeMs },
    inviteTtlMs: DEFAULT_INVITE_TTL_MS,
    notifyNow: input.notifyNow,
  };
}

/** The staff side as the bot takes it: conversations, the entry (before the citizen's main menu) and the panels. */
export function staffJourneys(services: StaffServices): BotJourneys {
  return {
    flows: [findApplicantFlow(services), recordFeeFlow(services), deliverCardFlow(services), inviteStaffFlow(services), officeTrailFlow(services)],
    entry: [staffEntryFeature(services)],
    features: [operatorPanelFeature(services), adminPanelFeature(services)],
  };
}

/** Two sets of journeys as one (the citizen's and the staff side's). */
export function combineJourneys(a: BotJourneys, b: BotJourneys): BotJourneys {
  return {
    flows: [...a.flows, ...b.flows],
    pages: { ...a.pages, ...b.pages },
    features: [...(a.features ?? []), ...(b.features ?? [])],
    entry: [...(a.entry ?? []), ...(b.entry ?? [])],
  };
}
