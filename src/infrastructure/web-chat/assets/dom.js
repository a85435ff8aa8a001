// @ts-check
// Small DOM helpers and the page's fixed elements (the HTML comes from chat-page.ts).

/** @param {string} id */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element;
}

/**
 * Creates an element; text goes in as text, never as HTML (the bot's texts are untrusted).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | undefined>} [attributes]
 * @param {Array<Node | string>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

export const elements = {
  userList: byId("user-list"),
  addUser: /** @type {HTMLButtonElement} */ (byId("add-user")),
  newUserPanel: /** @type {HTMLFormElement} */ (byId("new-user-panel")),
  newUserName: /** @type {HTMLInputElement} */ (byId("new-user-name")),
  activeUser: byId("active-user"),
  connection: byId("connection"),
  messages: byId("messages"),
  empty: byId("empty"),
  start: byId("start"),
  toast: byId("toast"),
  contactPanel: /** @type {HTMLFormElement} */ (byId("contact-panel")),
  contactPhone: /** @type {HTMLInputElement} */ (byId("contact-phone")),
  locationPanel: /** @type {HTMLFormElement} */ (byId("location-panel")),
  locationProvince: /** @type {HTMLSelectElement} */ (byId("location-province")),
  locationCity: /** @type {HTMLSelectElement} */ (byId("location-city")),
  locationCoordinates: /** @type {HTMLInputElement} */ (byId("location-coordinates")),
  composer: /** @type {HTMLFormElement} */ (byId("composer")),
  text: /** @type {HTMLInputElement} */ (byId("text")),
  sendPhoto: byId("send-photo"),
  sendSticker: byId("send-sticker"),
  replyKeyboard: byId("reply-keyboard"),
};
