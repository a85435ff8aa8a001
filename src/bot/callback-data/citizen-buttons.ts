// The citizen's inline buttons: "I have paid" on the payment message, "book" on notifications.
import { defineCallbackData } from "./codec.js";

/** "I have paid": checks this payment with the gateway. Carries the chat the payment was started from. */
export const paymentCheckData = defineCallbackData({ kind: "paid", version: 1, fields: { chatId: "int", paymentId: "uuid" } });

/** "Book an appointment" on a notification: enters the booking journey; acts on no record. */
export const startBookingData = defineCallbackData({ kind: "book", version: 1, fields: {} });
