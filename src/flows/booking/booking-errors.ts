// The booking questions' error keys: a reply that is no button, a location that is not one, a time not on offer.
import { errorMessages } from "../kit/error-messages.js";

/** pick() and the yes/confirm/change questions: typed text that is none of the buttons. */
export const CHOICE_ERRORS = errorMessages("booking-choice-error", { choose_button: true });

/** parsePoint(): neither a shared location nor "latitude, longitude". */
export const LOCATION_ERRORS = errorMessages("booking-location-error", { not_location: true });

/** typedTime() in choose-slot.ts: neither a time button nor a typed time, or a typed time with no free appointment. */
export const TIME_ERRORS = errorMessages("booking-time-error", { choose_button: true, not_free: true });
