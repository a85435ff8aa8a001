// @ts-check
// The browser chat's entry: simulated citizens talk to the bot through the local Bot API server's /sim API.
// Plain JavaScript modules served as they are (no build step); the texts come from the page.
import {
  activeCitizen,
  activeId,
  addCitizen,
  citizens,
  defaultName,
  defaultPhone,
  knowCitizen,
  nextCitizenId,
  rememberPhone,
  setActive,
  unread,
} from "./citizens.js";
import { config, plainNumber, t } from "./config.js";
import { el, elements } from "./dom.js";
import { run, showError, toast } from "./feedback.js";
import { closePanels, initPanels, openContactPanel, openLocationPanel, openNewCitizenPanel } from "./panels.js";
import { readJson, simPost, simUrl } from "./sim-api.js";
import { clearView, renderTranscript, scrollToNewest } from "./transcript-view.js";

/** @typedef {import("./types.js").TranscriptMessage} TranscriptMessage */

// ---------------------------------------------------------------------------------------------------
// What the citizen on screen does

/**
 * One action of the citizen on screen. The event stream brings the result too, but refreshing at once
 * keeps the page quick when events are slow to arrive.
 * @param {string} action
 * @param {Record<string, unknown>} body
 */
async function act(action, body) {
  const result = await simPost(activeId(), action, body);
  void refresh();
  return result;
}

/** Profile fields sent with the citizen's messages, so the bot greets them by their name. */
const profile = () => ({ first_name: activeCitizen().name });
const sendText = (/** @type {string} */ text) => act("message", { ...profile(), text });

/** The citizen's own contact: the number is asked once per citizen, then remembered. */
async function shareContact() {
  const { id, phone } = activeCitizen();
  if (phone) await act("contact", { phone_number: phone });
  else openContactPanel(defaultPhone(id));
}

/** @type {import("./transcript-view.js").ChatActions} */
const chatActions = {
  sendText: (text) => run(() => sendText(text)),
  press: (messageId, label) => run(() => act("press", { label, message_id: messageId })),
  pay: (messageId) => run(() => act("pay", { message_id: messageId })),
  shareContact: () => run(shareContact),
  openLocation: () => run(openLocationPanel),
};

// ---------------------------------------------------------------------------------------------------
// Refreshing: on every event of the chat on screen, one request at a time

/** @type {Promise<void> | null} */
let refreshing = null;
let refreshAgain = false;

function refresh() {
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      const id = activeId();
      const transcript = await readJson(await fetch(simUrl(`users/${id}/transcript`)));
      // The person may have switched citizens while this was on its way.
      if (id === activeId()) renderTranscript(transcript, chatActions);
    } while (refreshAgain);
  })()
    .catch((error) => {
      if (error?.status === 409) {
        toast(t("bot-not-ready"));
        setTimeout(() => void refresh(), 1500);
      } else showError(error);
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function connectEvents() {
  const source = new EventSource(simUrl("events"));
  // After a reconnect events may have been missed: `ready` is the moment to catch up.
  source.addEventListener("ready", () => {
    elements.connection.hidden = true;
    void refresh();
  });
  source.addEventListener("error", () => {
    elements.connection.hidden = false;
  });
  for (const type of ["message_new", "message_edited", "message_deleted", "pre_checkout_answered"]) {
    source.addEventListener(type, (event) => onChatEvent(JSON.parse(/** @type {MessageEvent} */ (event).data)));
  }
  source.addEventListener("callback_answered", (event) => {
    const { chat_id, callback_query } = JSON.parse(/** @type {MessageEvent} */ (event).data);
    const answer = callback_query?.answer;
    if (chat_id === activeId() && answer?.text) toast(answer.text, answer.show_alert);
  });
  source.addEventListener("reset", () => {
    clearView();
    void refresh();
  });
}

/** @param {{ type: string, chat_id: number, message?: TranscriptMessage }} event */
function onChatEvent(event) {
  if (event.chat_id === activeId()) {
    void refresh();
    return;
  }
  if (event.type !== "message_new" || event.message?.sender !== "bot") return;
  knowCitizen(event.chat_id, event.message.message?.chat?.first_name);
  unread.set(event.chat_id, (unread.get(event.chat_id) ?? 0) + 1);
  renderCitizens();
}

// ---------------------------------------------------------------------------------------------------
// The switcher of citizens

function renderCitizens() {
  const userId = (/** @type {number} */ id) => t("user-id", { id: plainNumber.format(id) });
  const items = citizens.map((citizen) => {
    const avatar = el("span", { class: "user-avatar", "aria-hidden": "true" }, [citizen.name.trim().charAt(0) || "؟"]);
    avatar.style.background = `hsl(${(citizen.id * 67) % 360} 45% 42%)`;
    const button = el("button", { type: "button", "data-user-id": citizen.id, "aria-current": String(citizen.id === activeId()) }, [
      avatar,
      el("span", { class: "user-text" }, [el("span", { class: "user-name" }, [citizen.name]), el("span", { class: "user-id" }, [userId(citizen.id)])]),
    ]);
    const count = unread.get(citizen.id) ?? 0;
    if (count > 0) button.append(el("span", { class: "badge", title: t("unread", { count: plainNumber.format(count) }) }, [plainNumber.format(count)]));
    button.addEventListener("click", () => switchTo(citizen.id));
    return el("li", {}, [button]);
  });
  elements.userList.replaceChildren(...items);
  const citizen = activeCitizen();
  elements.activeUser.replaceChildren(el("div", { class: "user-name" }, [citizen.name]), el("div", { class: "user-id" }, [userId(citizen.id)]));
}

function switchTo(/** @type {number} */ id) {
  if (id === activeId()) return;
  setActive(id);
  closePanels();
  clearView();
  renderCitizens();
  void refresh().then(scrollToNewest);
  elements.text.focus();
}

// ---------------------------------------------------------------------------------------------------
// Wiring

elements.composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = elements.text.value.trim();
  if (!text) return;
  elements.text.value = "";
  run(() => sendText(text));
});
elements.start.addEventListener("click", () => run(() => sendText("/start")));
elements.sendPhoto.addEventListener("click", () => {
  const caption = elements.text.value.trim();
  elements.text.value = "";
  run(() => act("photo", { ...profile(), ...(caption ? { caption } : {}) }));
});
elements.sendSticker.addEventListener("click", () => run(() => act("sticker", profile())));
elements.addUser.addEventListener("click", () => openNewCitizenPanel(defaultName(nextCitizenId())));

initPanels({
  newCitizen: (name) => switchTo(addCitizen(name)),
  contact: (phone) => {
    rememberPhone(phone);
    run(() => act("contact", { phone_number: phone }));
  },
  location: (latitude, longitude) => run(() => act("location", { ...profile(), latitude, longitude })),
});

// Local mode's sample staff (hotline agents and a supervisor, marked sample) are in the switcher from the start.
for (const person of config.samplePeople ?? []) knowCitizen(person.id, person.name);

// Chats that exist on the server (another tab, another person) join the switcher.
fetch(simUrl("users"))
  .then(readJson)
  .then((/** @type {Array<{ bot_id: number, user: { id: number, first_name?: string } }>} */ users) => {
    const botId = config.token ? Number(config.token.split(":")[0]) : undefined;
    for (const { bot_id, user } of users) if (botId === undefined || bot_id === botId) knowCitizen(user.id, user.first_name);
    renderCitizens();
  })
  .catch(() => undefined);

renderCitizens();
connectEvents();
void refresh().then(scrollToNewest);
