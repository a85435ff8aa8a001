// Every callback data codec of the bot (see codec.ts for how a new button defines one).
import type { CallbackCodec } from "./codec.js";
import { paymentCheckData, startBookingData } from "./citizen-buttons.js";
import { STAFF_CODECS } from "./staff-buttons.js";

export { defineCallbackData, CALLBACK_DATA_MAX_BYTES, type CallbackCodec, type Decoded } from "./codec.js";
export { onCallbackData } from "./on-callback-data.js";
export { paymentCheckData, startBookingData } from "./citizen-buttons.js";
export * from "./staff-buttons.js";

/** All codecs, so a test can hold each to the size limit and to distinct kinds. */
export const CALLBACK_CODECS: ReadonlyArray<Omit<CallbackCodec<unknown>, "encode">> = [paymentCheckData, startBookingData, ...STAFF_CODECS];
