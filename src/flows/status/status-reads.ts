// The port the status check reads an application's appointment, no-show ban and card through, in one call.
import type { ApplicationView } from "../../domain/application/application-store.js";

/** What the status text needs beyond the application itself; the adapter answers it in one statement. */
export interface StatusReads {
  /** The live appointment (active or checked in), the latest no-show's reopening time and the issued card. */
  factsOf(applicationId: string): Promise<StatusReadFacts>;
  /** ApplicationStore.findByTrackingCode with the application's factsOf, in one statement. */
  findByTrackingCode(trackingCode: string): Promise<ApplicationWithFacts | null>;
}

export type ApplicationWithFacts = ApplicationView & { facts: StatusReadFacts };

export interface StatusReadFacts {
  live: { officeId: number; startsAt: Date } | null;
  /** When booking reopens after the latest no-show, or null when the application never missed one. */
  bookingReopensAt: Date | null;
  card: { status: string; officeId: number; transferOfficeId: number | null } | null;
}
