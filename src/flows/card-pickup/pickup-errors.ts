// The pickup journey's error family (see flows/kit/error-messages.ts): a button not chosen.
import { errorMessages } from "../kit/error-messages.js";

export const PICKUP_CHOICE_ERRORS = errorMessages("pickup-choice-error", { choose_button: true });
