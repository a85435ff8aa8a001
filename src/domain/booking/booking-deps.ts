// What the booking operations need: the office directory, the booking store, the policy and an optional seat gate.
import type { BookingPolicy } from "./booking-policy.js";
import type { BookingStore } from "./booking-store.js";
import type { OfficeDirectory } from "./office-catalog.js";
import type { SeatGate } from "./seat-gate.js";

/** The ports and settings every booking operation takes as its first argument. */
export interface BookingDeps {
  readonly offices: OfficeDirectory;
  readonly store: BookingStore;
  /** The rules' numbers, given once where the deps are made (DEFAULT_BOOKING_POLICY in the app). */
  readonly policy: BookingPolicy;
  /**
   * Turns away attempts for slots the store already said are full, before the store is asked (see SeatGate
   * for the bound); absent, every attempt goes to the store.
   */
  readonly seats?: SeatGate;
}
