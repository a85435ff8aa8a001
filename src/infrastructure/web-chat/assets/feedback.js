// @ts-check
// Short notices under the chat: the bot's callback answers, and failures of the person's actions.
import { t } from "./config.js";
import { elements } from "./dom.js";

/** @type {ReturnType<typeof setTimeout> | undefined} */
let timer;

export function toast(/** @type {string} */ text, alert = false) {
  clearTimeout(timer);
  elements.toast.textContent = text;
  elements.toast.classList.toggle("alert", alert);
  elements.toast.hidden = false;
  // An alert stays until clicked, like Telegram's popup; a notice fades by itself.
  if (!alert) timer = setTimeout(() => (elements.toast.hidden = true), 5000);
}

export function showError(/** @type {unknown} */ error) {
  toast(t("error", { message: error instanceof Error ? error.message : String(error) }), true);
}

/** Runs an action of the person and reports its failure on the page. */
export function run(/** @type {() => Promise<unknown>} */ action) {
  action().catch(showError);
}

elements.toast.addEventListener("click", () => (elements.toast.hidden = true));
