// The staff questions' error families (see flows/kit/error-messages.ts): a button not chosen, an amount, a code.
import { errorMessages } from "../kit/error-messages.js";

export const STAFF_CHOICE_ERRORS = errorMessages("staff-choice-error", { choose_button: true });
export const STAFF_FEE_ERRORS = errorMessages("staff-fee-error", { not_amount: true });
export const STAFF_FIND_ERRORS = errorMessages("staff-find-error", { not_a_code: true });
export const STAFF_OFFICE_CODE_ERRORS = errorMessages("staff-office-code-error", { unknown: true });
