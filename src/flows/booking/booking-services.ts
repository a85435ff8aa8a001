// What the booking journey is built from: the booking domain's adapters, applications, limits, places, reminders, the clock.
import type { ApplicationStore } from "../../domain/application/application-store.js";
import type { BookingDeps } from "../../domain/booking/booking-deps.js";
import type { CityLocations } from "../../domain/booking/city-locations.js";
import type { ReminderPlanner } from "../../domain/booking/reminder-planner.js";
import type { PlaceDirectory } from "../../domain/places/place-directory.js";
import type { AttemptLimiter } from "../../domain/security/attempt-limiter.js";

export interface BookingServices {
  booking: BookingDeps;
  applications: ApplicationStore;
  limiter: AttemptLimiter;
  places: PlaceDirectory;
  /** Where a typed city name points (the location step accepts one). */
  cityLocations: CityLocations;
  /** Appointment reminders; absent when they are off (no Redis): the bot then promises none. */
  reminders?: ReminderPlanner;
  /** The current time (tests move it); every booking decision reads it inside conversation.external. */
  now?: () => Date;
}

/** The clock of these services. */
export const clockOf = (services: BookingServices): Date => services.now?.() ?? new Date();
