// The booking questions' error keys: a reply that is no button, and a location that is not one.
import { errorMessages } from "../kit/error-messages.js";

/** pick() and the yes/confirm/change questions: typed text that is none of the buttons. */
export const CHOICE_ERRORS = errorMessages("booking-choice-error", { choose_button: true });

/** parsePoint(): neither a shared location nor "latitude, longitude". */
export const LOCATION_ERRORS = errorMessages("booking-location-error", { not_location: true });
