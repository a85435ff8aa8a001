// What the booking operations need: the office directory, the booking store and the policy.
import type { BookingPolicy } from "./booking-policy.js";
import type { BookingStore } from "./booking-store.js";
import type { OfficeDirectory } from "./office-catalog.js";

/** The ports and settings every booking operation takes as its first argument. */
export interface BookingDeps {
  readonly offices: OfficeDirectory;
  readonly store: BookingStore;
  /** The rules' numbers, given once where the deps are made (DEFAULT_BOOKING_POLICY in the app). */
  readonly policy: BookingPolicy;
}
