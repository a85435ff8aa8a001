// @ts-check
// One message as a bubble: text, photo, sticker, location, venue, contact, invoice, payment; its time,
// whether it was edited, and (for the bot's) its inline keyboard.
import { config, coordinate, formatDay, groupedNumber, t, timeFormat } from "./config.js";
import { el } from "./dom.js";
import { fileUrl } from "./sim-api.js";

/**
 * @typedef {import("./types.js").TranscriptMessage} TranscriptMessage
 * @typedef {import("./types.js").PreCheckout} PreCheckout
 * @typedef {import("./types.js").InlineButton} InlineButton
 * @typedef {{ press(messageId: number, label: string): void, pay(messageId: number): void }} MessageActions
 */

/**
 * @param {TranscriptMessage} message
 * @param {PreCheckout | undefined} payment the latest payment attempt, for an invoice
 * @param {MessageActions} actions
 */
export function buildRow(message, payment, actions) {
  const row = el("div", {
    class: `row ${message.sender}`,
    "data-message-id": message.message_id,
    "data-sender": message.sender,
    "data-kind": message.kind,
    "data-date": message.date,
  });
  const bubble = el("div", { class: "bubble" });
  bubble.append(...content(message, bubble, payment, actions), meta(message));
  row.append(bubble);
  const inline = message.message.reply_markup?.inline_keyboard;
  if (message.sender === "bot" && Array.isArray(inline)) row.append(inlineKeyboard(inline, message, actions));
  return row;
}

/**
 * What a message shows, by kind.
 * @param {TranscriptMessage} message
 * @param {HTMLElement} bubble
 * @param {PreCheckout | undefined} payment
 * @param {MessageActions} actions
 * @returns {Node[]}
 */
function content(message, bubble, payment, actions) {
  const m = message.message;
  const caption = message.text ? [textBlock(message.text)] : [];
  switch (message.kind) {
    case "text":
      return [textBlock(message.text ?? "")];
    case "photo": {
      const sizes = Array.isArray(m.photo) ? m.photo : [];
      const largest = sizes[sizes.length - 1];
      const image = el("img", { alt: t("photo"), loading: "lazy" });
      if (largest) {
        void fileUrl(largest.file_id).then((url) => {
          if (url) image.src = url;
        });
      }
      return [el("figure", { class: "photo" }, [image]), ...caption];
    }
    case "sticker":
      bubble.classList.add("sticker");
      return [el("div", { class: "sticker-emoji", role: "img", "aria-label": t("sticker") }, [m.sticker?.emoji ?? "🙂"])];
    case "location":
      return [card(t("location-card"), [coordinates(m.location)], m.location)];
    case "venue":
      return [card(m.venue?.title ?? "", [m.venue?.address ?? ""], m.venue?.location)];
    case "contact": {
      const name = [m.contact?.first_name, m.contact?.last_name].filter(Boolean).join(" ");
      return [card(t("contact-card"), [name, el("bdi", { dir: "ltr" }, [String(m.contact?.phone_number ?? "")])])];
    }
    case "invoice":
      return [invoiceCard(message, payment, actions)];
    case "successful_payment": {
      const paid = m.successful_payment;
      return [textBlock(t("successful-payment", { amount: formatAmount(paid?.total_amount ?? 0, paid?.currency ?? "IRR") }))];
    }
    case "document": {
      const link = el("a", { target: "_blank", rel: "noopener" }, [m.document?.file_name ?? t("document")]);
      if (m.document?.file_id) {
        void fileUrl(m.document.file_id).then((url) => {
          if (url) link.href = url;
        });
      }
      return [card(t("document"), [link]), ...caption];
    }
    default:
      return [textBlock(t("unsupported", { kind: message.kind }))];
  }
}

/**
 * Text with its web addresses made into links that open in a new tab. Its direction comes from its first
 * strong letter, so "/start" or a typed code reads left to right inside the right-to-left page.
 */
function textBlock(/** @type {string} */ text) {
  const block = el("div", { class: "text", dir: "auto" });
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"'«»]+/g)) {
    block.append(text.slice(last, match.index));
    block.append(el("a", { href: match[0], target: "_blank", rel: "noopener" }, [match[0]]));
    last = (match.index ?? 0) + match[0].length;
  }
  block.append(text.slice(last));
  return block;
}

/**
 * @param {string} title
 * @param {Array<Node | string>} details
 * @param {{ latitude: number, longitude: number } | undefined} [point] adds a map link
 */
function card(title, details, point) {
  const box = el("div", { class: "card" }, [el("div", { class: "card-title" }, [title])]);
  for (const detail of details) box.append(el("div", { class: "card-detail" }, [detail]));
  if (point) {
    const { latitude: lat, longitude: lon } = point;
    const href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=15/${lat}/${lon}`;
    box.append(el("a", { href, target: "_blank", rel: "noopener", title: t("opens-new-tab") }, [t("open-map")]));
  }
  return box;
}

function coordinates(/** @type {{ latitude: number, longitude: number } | undefined} */ point) {
  if (!point) return "";
  return `${coordinate.format(point.latitude)}، ${coordinate.format(point.longitude)}`;
}

/**
 * Amounts come in the currency's smallest unit; this project's invoices are in rials (Bale's unit).
 * @param {number} total
 * @param {string} currency
 */
function formatAmount(total, currency) {
  if (currency === "IRR") return t("amount-rial", { amount: groupedNumber.format(total) });
  return new Intl.NumberFormat(config.locale, { style: "currency", currency }).format(total / 100);
}

/**
 * @param {TranscriptMessage} message
 * @param {PreCheckout | undefined} payment
 * @param {MessageActions} actions
 */
function invoiceCard(message, payment, actions) {
  const invoice = message.message.invoice ?? {};
  const box = card(invoice.title ?? "", [invoice.description ?? ""]);
  box.append(el("div", { class: "amount" }, [formatAmount(invoice.total_amount ?? 0, invoice.currency ?? "IRR")]));
  if (payment?.status === "approved") {
    box.append(el("div", { class: "status ok" }, [t("invoice-paid")]));
    return box;
  }
  if (payment?.status === "pending") {
    box.append(el("div", { class: "status" }, [t("invoice-pending")]));
    return box;
  }
  if (payment?.status === "rejected") {
    box.append(el("div", { class: "status error" }, [t("invoice-rejected", { reason: payment.error_message ?? "" })]));
  }
  // An invoice whose own keyboard has a pay button is paid from that keyboard instead.
  const ownPayButton = message.message.reply_markup?.inline_keyboard?.flat().some((/** @type {InlineButton} */ b) => b.pay);
  if (!ownPayButton) {
    const pay = el("button", { type: "button" }, [t("invoice-pay")]);
    pay.addEventListener("click", () => actions.pay(message.message_id));
    box.append(pay);
  }
  return box;
}

/** @param {TranscriptMessage} message */
function meta(message) {
  const when = new Date(message.date * 1000);
  const parts = [];
  if (message.edits > 0) parts.push(el("span", { class: "edited" }, [t("edited")]));
  parts.push(el("time", { datetime: when.toISOString(), title: formatDay(when) }, [timeFormat.format(when)]));
  return el("div", { class: "meta" }, parts);
}

/**
 * Buttons under a bot message: callbacks and payments go to the bot, links open in a new tab.
 * @param {InlineButton[][]} keyboard
 * @param {TranscriptMessage} message
 * @param {MessageActions} actions
 */
function inlineKeyboard(keyboard, message, actions) {
  const box = el("div", { class: "keyboard inline-keyboard" });
  for (const buttons of keyboard) {
    const row = el("div", { class: "kb-row" });
    for (const button of buttons) {
      // Telegram accepts only web (and tg:) links on buttons; anything else is shown but not followed.
      if (typeof button.url === "string" && /^https?:\/\//i.test(button.url)) {
        row.append(el("a", { href: button.url, target: "_blank", rel: "noopener", title: t("opens-new-tab") }, [button.text]));
        continue;
      }
      const element = el("button", { type: "button" }, [button.text]);
      if (typeof button.callback_data === "string") element.addEventListener("click", () => actions.press(message.message_id, button.text));
      else if (button.pay) element.addEventListener("click", () => actions.pay(message.message_id));
      else {
        element.disabled = true;
        element.title = t("button-not-simulated");
      }
      row.append(element);
    }
    box.append(row);
  }
  return box;
}
