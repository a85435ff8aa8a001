// @ts-check
// The small forms that open in the page: a new citizen's name, the citizen's own mobile number (asked once),
// and a location to share (a city from the seed data's list, or typed coordinates).
import { config, latinDigits, t } from "./config.js";
import { el, elements } from "./dom.js";
import { readJson } from "./sim-api.js";

/**
 * @typedef {import("./types.js").Province} Province
 * @typedef {{
 *   newCitizen(name: string): void,
 *   contact(phone: string): void,
 *   location(latitude: number, longitude: number): void,
 * }} PanelHandlers
 */

const panels = [elements.newUserPanel, elements.contactPanel, elements.locationPanel];

export function closePanels() {
  for (const panel of panels) panel.hidden = true;
}

function showError(/** @type {HTMLFormElement} */ panel, /** @type {string | null} */ text) {
  const error = /** @type {HTMLElement | null} */ (panel.querySelector(".panel-error"));
  if (!error) return;
  error.hidden = text === null;
  error.textContent = text ?? "";
}

function open(/** @type {HTMLFormElement} */ panel) {
  closePanels();
  showError(panel, null);
  panel.hidden = false;
}

export function openNewCitizenPanel(/** @type {string} */ suggestedName) {
  open(elements.newUserPanel);
  elements.newUserName.value = suggestedName;
  elements.newUserName.select();
}

export function openContactPanel(/** @type {string} */ suggestedPhone) {
  open(elements.contactPanel);
  elements.contactPhone.value = suggestedPhone;
  elements.contactPhone.focus();
}

/** @type {Province[] | null} */
let provinces = null;

export async function openLocationPanel() {
  if (!provinces) {
    const list = await readJson(await fetch(config.citiesUrl));
    provinces = /** @type {Province[]} */ (list.provinces);
    elements.locationProvince.replaceChildren(...provinces.map((province, index) => el("option", { value: index }, [province.name])));
    elements.locationProvince.value = String(list.preselected.province);
    fillCities();
    elements.locationCity.value = String(list.preselected.city);
  }
  open(elements.locationPanel);
  elements.locationCity.focus();
}

function fillCities() {
  const province = provinces?.[Number(elements.locationProvince.value)];
  elements.locationCity.replaceChildren(...(province?.cities ?? []).map((city, index) => el("option", { value: index }, [city.name])));
}

/** "lat,lon" in any digits, with a Latin or Persian comma; null when it is not a point on Earth. */
export function parseCoordinates(/** @type {string} */ text) {
  const parts = latinDigits(text)
    .replace(/٫/g, ".")
    .split(/[,،\s]+/)
    .filter(Boolean);
  if (parts.length !== 2) return null;
  const [latitude, longitude] = parts.map(Number);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/** Connects the forms to what their submission does. */
export function initPanels(/** @type {PanelHandlers} */ handlers) {
  for (const close of document.querySelectorAll("[data-close]")) close.addEventListener("click", closePanels);

  elements.newUserPanel.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = elements.newUserName.value.trim();
    if (!name) return;
    closePanels();
    handlers.newCitizen(name);
  });

  elements.contactPanel.addEventListener("submit", (event) => {
    event.preventDefault();
    const phone = latinDigits(elements.contactPhone.value).replace(/[\s-]/g, "");
    if (!/^09\d{9}$/.test(phone)) {
      showError(elements.contactPanel, t("contact-invalid"));
      return;
    }
    closePanels();
    handlers.contact(phone);
  });

  elements.locationProvince.addEventListener("change", fillCities);
  elements.locationPanel.addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = elements.locationCoordinates.value.trim();
    let point = typed ? parseCoordinates(typed) : null;
    if (typed && !point) {
      showError(elements.locationPanel, t("location-invalid"));
      return;
    }
    if (!point) {
      const city = provinces?.[Number(elements.locationProvince.value)]?.cities[Number(elements.locationCity.value)];
      if (!city) return;
      point = { latitude: city.lat, longitude: city.lon };
    }
    closePanels();
    elements.locationCoordinates.value = "";
    handlers.location(point.latitude, point.longitude);
  });
}
