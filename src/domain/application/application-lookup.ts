// What counts as finding one's application by national ID and tracking code (status check, booking).
import type { ApplicationState } from "./lifecycle.js";

/**
 * The application found by a tracking code answers the lookup only when it belongs to the national ID
 * given and is not cancelled; anything else is answered exactly like an unknown code (no probing).
 */
export function matchesLookup(application: { readonly nationalId: string; readonly status: ApplicationState }, nationalId: string): boolean {
  return application.nationalId === nationalId && application.status !== "cancelled";
}
