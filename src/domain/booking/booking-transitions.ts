// The application states booking moves between, read from the lifecycle table so the rule is stated once.
import { moveOn } from "../application/state-move.js";

export { moveOn, type StateMove } from "../application/state-move.js";

/** Booking an appointment: from paid (or no_show once the ban is over) to booked. */
export const BOOK_MOVE = moveOn("appointment_booked");
/** Cancelling, or an office closing the day: the application is paid again and may book anew. */
export const CANCEL_MOVE = moveOn("appointment_cancelled", "booked");
/** A missed appointment. */
export const MISS_MOVE = moveOn("appointment_missed", "booked");
/** The applicant's arrival at the office. */
export const CHECK_IN_MOVE = moveOn("checked_in", "booked");
/** The in-person step done at the office: the card goes to production. */
export const COMPLETE_MOVE = moveOn("in_person_completed", "checked_in");
