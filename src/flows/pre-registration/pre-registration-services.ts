// What the pre-registration journey is built from: the registry, applications, places, tariffs and payments.
import type { ApplicationStore } from "../../domain/application/application-store.js";
import type { CivilRegistry } from "../../domain/citizen/eligibility.js";
import type { TariffBook } from "../../domain/fees/tariff-book.js";
import type { AttemptLimiter } from "../../domain/security/attempt-limiter.js";
import type { StartedPayment } from "../../domain/payment/start-payment.js";
import type { PlaceDirectory } from "../../domain/places/place-directory.js";

export interface PreRegistrationServices {
  registry: CivilRegistry;
  applications: ApplicationStore;
  places: PlaceDirectory;
  tariffs: TariffBook;
  /** Guessing limits: the registry check takes a national ID + birth date pair, like recovery. */
  limiter: AttemptLimiter;
  startPayment(input: { applicationId: string; amountRial: number; chatId: number; mobile: string; description: string }): Promise<StartedPayment>;
}
