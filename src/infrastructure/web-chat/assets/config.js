// @ts-check
// The page's configuration and texts (rendered server-side from the locale files), and how it writes
// numbers and times: the locale's digits, Tehran time, the Solar Hijri calendar.

/** @typedef {import("./types.js").Config} Config */

export const config = /** @type {Config} */ (JSON.parse(document.getElementById("web-chat-config")?.textContent ?? "{}"));

/**
 * A text of the page with its {variables} filled in.
 * @param {string} name
 * @param {Record<string, string | number>} [variables]
 */
export function t(name, variables = {}) {
  const template = config.texts[name] ?? name;
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in variables ? String(variables[key]) : whole));
}

export const plainNumber = new Intl.NumberFormat(config.locale, { useGrouping: false });
export const groupedNumber = new Intl.NumberFormat(config.locale);
export const coordinate = new Intl.NumberFormat(config.locale, { maximumFractionDigits: 5, useGrouping: false });

// Iran's time, whatever the browser's zone is: the bot's texts speak of Tehran time too.
const TIME_ZONE = "Asia/Tehran";
export const timeFormat = new Intl.DateTimeFormat(config.locale, { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const dayParts = new Intl.DateTimeFormat(`${config.locale}-u-ca-persian`, {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/**
 * A Tehran day as people say it, «سه‌شنبه ۱۰ آذر ۱۴۰۵»: built from the parts, because ICU's own pattern for
 * fa-IR puts the year first and joins the weekday with a Latin comma.
 */
export function formatDay(/** @type {Date} */ when) {
  const parts = new Map(dayParts.formatToParts(when).map((part) => [part.type, part.value]));
  return ["weekday", "day", "month", "year"]
    .map((type) => parts.get(type))
    .filter(Boolean)
    .join(" ");
}

/** Persian (or Arabic) digits typed by the person, as the ASCII digits the server expects. */
export function latinDigits(/** @type {string} */ text) {
  // U+06F0–06F9 and U+0660–0669 both end in the digit's value.
  return text.replace(/[۰-۹٠-٩]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}
