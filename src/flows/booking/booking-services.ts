// What the booking journey is built from: the booking domain's adapters, applications, limits, places, reminders.
import type { ApplicationStore } from "../../domain/application/application-store.js";
import type { BookingDeps } from "../../domain/booking/booking-deps.js";
import type { ReminderPlanner } from "../../domain/booking/reminder-planner.js";
import type { PlaceDirectory } from "../../domain/places/place-directory.js";
import type { AttemptLimiter } from "../../domain/security/attempt-limiter.js";

export interface BookingServices {
  booking: BookingDeps;
  applications: ApplicationStore;
  limiter: AttemptLimiter;
  places: PlaceDirectory;
  reminders?: ReminderPlanner;
}
