// @ts-check
// The chat on screen kept in step with the transcript: rows rebuilt only when their message changed,
// a date chip per Tehran day, and the reply keyboard in force under the message box.
import { formatDay, t } from "./config.js";
import { el, elements } from "./dom.js";
import { buildRow } from "./message-view.js";

/**
 * @typedef {import("./types.js").Transcript} Transcript
 * @typedef {import("./types.js").ReplyKeyboardInForce} ReplyKeyboardInForce
 * @typedef {import("./types.js").KeyboardButton} KeyboardButton
 * @typedef {import("./message-view.js").MessageActions & {
 *   sendText(text: string): void,
 *   shareContact(): void,
 *   openLocation(): void,
 * }} ChatActions
 */

/** message_id → its row and what it was built from. */
/** @type {Map<number, { row: HTMLElement, signature: string }>} */
const rows = new Map();
let keyboardSignature = "";

/**
 * Whether the newest message is in view: then it stays in view when messages arrive or the composer grows
 * (a large keyboard appearing under the message box must not hide the message that brought it).
 */
let pinnedToEnd = true;
const SCROLL_SLACK_PX = 120;
elements.messages.addEventListener("scroll", () => {
  const list = elements.messages;
  pinnedToEnd = list.scrollHeight - list.scrollTop - list.clientHeight < SCROLL_SLACK_PX;
});
new ResizeObserver(() => {
  if (pinnedToEnd) scrollToNewest();
}).observe(elements.messages);

/** Shows the newest message. */
export function scrollToNewest() {
  elements.messages.scrollTop = elements.messages.scrollHeight;
  pinnedToEnd = true;
}

/** Empties the view (another citizen's chat, or the server was reset). */
export function clearView() {
  for (const entry of rows.values()) entry.row.remove();
  rows.clear();
  keyboardSignature = "";
}

/**
 * @param {Transcript} transcript
 * @param {ChatActions} actions
 */
export function renderTranscript(transcript, actions) {
  const list = elements.messages;
  const wasPinned = pinnedToEnd;
  const payments = new Map(transcript.pre_checkout_queries.map((query) => [query.invoice_message_id, query]));
  const visible = transcript.messages.filter((message) => !message.deleted);
  const ids = new Set(visible.map((message) => message.message_id));

  for (const [id, entry] of rows) {
    if (!ids.has(id)) {
      entry.row.remove();
      rows.delete(id);
    }
  }
  for (const message of visible) {
    const payment = payments.get(message.message_id);
    const signature = JSON.stringify([message.edits, message.kind, message.message, payment?.status, payment?.error_message]);
    const entry = rows.get(message.message_id);
    if (entry?.signature === signature) continue;
    const row = buildRow(message, payment, actions);
    // Edited in place; new messages only ever come after the ones shown.
    if (entry) entry.row.replaceWith(row);
    else list.append(row);
    rows.set(message.message_id, { row, signature });
  }
  markDays();

  elements.empty.hidden = visible.length > 0;
  list.hidden = visible.length === 0;
  renderReplyKeyboard(transcript.reply_keyboard, actions);
  if (wasPinned) scrollToNewest();
}

/** Puts a date chip before the first message of each Tehran day. */
function markDays() {
  for (const chip of elements.messages.querySelectorAll(".day")) chip.remove();
  let previous = "";
  for (const row of elements.messages.querySelectorAll(".row")) {
    const day = formatDay(new Date(Number(/** @type {HTMLElement} */ (row).dataset.date) * 1000));
    if (day !== previous) row.before(el("div", { class: "day" }, [day]));
    previous = day;
  }
}

/**
 * The reply keyboard in force, rebuilt only when it changes (a click must not land on a replaced button).
 * @param {ReplyKeyboardInForce | null} inForce
 * @param {ChatActions} actions
 */
function renderReplyKeyboard(inForce, actions) {
  const signature = JSON.stringify(inForce);
  if (signature === keyboardSignature) return;
  keyboardSignature = signature;
  const box = elements.replyKeyboard;
  box.replaceChildren();
  box.classList.add("keyboard");
  elements.text.placeholder = inForce?.markup.input_field_placeholder || t("input-placeholder");
  if (!inForce) return;
  for (const buttons of inForce.markup.keyboard) {
    box.append(
      el(
        "div",
        { class: "kb-row" },
        buttons.map((button) => replyButton(button, actions)),
      ),
    );
  }
}

/**
 * @param {KeyboardButton} button
 * @param {ChatActions} actions
 */
function replyButton(button, actions) {
  const label = typeof button === "string" ? button : button.text;
  const element = el("button", { type: "button" }, [label]);
  if (typeof button === "object" && button.request_contact) {
    element.classList.add("special");
    element.addEventListener("click", () => actions.shareContact());
  } else if (typeof button === "object" && button.request_location) {
    element.classList.add("special");
    element.addEventListener("click", () => actions.openLocation());
  } else if (typeof button === "object" && Object.keys(button).some((key) => key !== "text")) {
    element.disabled = true;
    element.title = t("button-not-simulated");
  } else {
    element.addEventListener("click", () => actions.sendText(label));
  }
  return element;
}
