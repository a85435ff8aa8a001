// @ts-check
// Shapes the page reads from the local Bot API server (for the script's type checks; nothing runs here).

/**
 * @typedef {{ botApiPath: string, token: string | null, citiesUrl: string, locale: string, texts: Record<string, string>, samplePeople?: Array<{ id: number, name: string }> }} Config
 * @typedef {{ id: number, name: string, phone?: string }} Citizen
 * @typedef {{ text: string, request_contact?: boolean, request_location?: boolean, [other: string]: unknown }} KeyboardButtonObject
 * @typedef {string | KeyboardButtonObject} KeyboardButton
 * @typedef {{ text: string, url?: string, callback_data?: string, pay?: boolean, [other: string]: unknown }} InlineButton
 * @typedef {{ message_id: number, sender: "user" | "bot", kind: string, date: number, text?: string, edits: number, deleted: boolean, message: any }} TranscriptMessage
 * @typedef {{ invoice_message_id: number, status: "pending" | "approved" | "rejected", error_message?: string }} PreCheckout
 * @typedef {{ message_id: number, markup: { keyboard: KeyboardButton[][], input_field_placeholder?: string } }} ReplyKeyboardInForce
 * @typedef {{ messages: TranscriptMessage[], reply_keyboard: ReplyKeyboardInForce | null, pre_checkout_queries: PreCheckout[] }} Transcript
 * @typedef {{ name: string, cities: Array<{ name: string, lat: number, lon: number }> }} Province
 */

export {};
