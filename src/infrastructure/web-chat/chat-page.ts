// The chat page's HTML, rendered once at start-up with the locale's texts; the script fills it in.
import type { Translate } from "../../domain/shared/translate.js";

export interface ChatPageOptions {
  translate: Translate;
  /** Where the local Bot API server is mounted, e.g. "/local-bot-api". */
  botApiPath: string;
  /** The bot's token on that server: selects the bot on /sim and reads files through getFile. */
  botToken?: string;
  assetsPath: string;
  citiesUrl: string;
}

/**
 * Texts the script needs, with the names of their variables. The script gets them with each variable
 * left as `{name}` and fills it in itself (a count, an id), so the locale files stay the only source.
 */
const SCRIPT_TEXTS: Record<string, string[]> = {
  "webchat-new-user-default-name": ["number"],
  "webchat-user-id": ["id"],
  "webchat-unread": ["count"],
  "webchat-input-placeholder": [],
  "webchat-edited": [],
  "webchat-contact-invalid": [],
  "webchat-location-invalid": [],
  "webchat-location-card": [],
  "webchat-open-map": [],
  "webchat-contact-card": [],
  "webchat-photo": [],
  "webchat-sticker": [],
  "webchat-document": [],
  "webchat-unsupported": ["kind"],
  "webchat-invoice-pay": [],
  "webchat-invoice-pending": [],
  "webchat-invoice-paid": [],
  "webchat-invoice-rejected": ["reason"],
  "webchat-amount-rial": ["amount"],
  "webchat-successful-payment": ["amount"],
  "webchat-opens-new-tab": [],
  "webchat-button-not-simulated": [],
  "webchat-error": ["message"],
  "webchat-bot-not-ready": [],
  "webchat-sample-admin-name": [],
  "webchat-sample-operator-name": [],
};

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element (no "</script>", no HTML comment openers). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

export function renderChatPage(options: ChatPageOptions): string {
  const { translate: t, assetsPath } = options;
  const h = (key: string) => escapeHtml(t(key));
  const texts = Object.fromEntries(
    Object.entries(SCRIPT_TEXTS).map(([key, variables]) => [
      key.replace(/^webchat-/, ""),
      t(key, Object.fromEntries(variables.map((name) => [name, `{${name}}`]))),
    ]),
  );
  const config = {
    botApiPath: options.botApiPath,
    token: options.botToken ?? null,
    citiesUrl: options.citiesUrl,
    locale: t("webchat-intl-locale"),
    texts,
  };
  const dir = t("webchat-dir") === "ltr" ? "ltr" : "rtl";
  return `<!doctype html>
<html lang="${h("webchat-lang")}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${h("webchat-title")}</title>
<link rel="icon" href="data:,">
<link rel="preload" href="${assetsPath}/vazirmatn.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="${assetsPath}/chat.css">
<script type="application/json" id="web-chat-config">${scriptJson(config)}</script>
<script type="module" src="${assetsPath}/chat.js"></script>
</head>
<body>
<div class="app">
  <aside class="users" aria-labelledby="users-heading">
    <h2 id="users-heading">${h("webchat-users-heading")}</h2>
    <p class="hint">${h("webchat-users-hint")}</p>
    <ul id="user-list" class="user-list"></ul>
    <button id="add-user" type="button" class="secondary">${h("webchat-add-user")}</button>
    <form id="new-user-panel" class="panel" hidden>
      <label for="new-user-name">${h("webchat-new-user-name-label")}</label>
      <div class="panel-row">
        <input id="new-user-name" autocomplete="off" maxlength="40" required>
        <button type="submit">${h("webchat-add")}</button>
        <button type="button" class="secondary" data-close>${h("webchat-cancel")}</button>
      </div>
    </form>
    <p class="credit"><a href="${assetsPath}/vazirmatn-OFL.txt" target="_blank" rel="noopener">${h("webchat-font-credit")}</a></p>
  </aside>
  <main class="chat" aria-labelledby="chat-title">
    <header class="chat-header">
      <div class="avatar" aria-hidden="true">🪪</div>
      <div class="titles">
        <h1 id="chat-title">${h("webchat-heading")}</h1>
        <p class="subtitle">${h("webchat-subtitle")}</p>
      </div>
      <div id="active-user" class="active-user"></div>
    </header>
    <p id="connection" class="connection" role="status" hidden>${h("webchat-connection-lost")}</p>
    <section id="messages" class="messages" aria-live="polite"></section>
    <div id="empty" class="empty" hidden>
      <p>${h("webchat-empty-chat")}</p>
      <button id="start" type="button">${h("webchat-start")}</button>
    </div>
    <footer class="composer">
      <div id="toast" class="toast" role="status" hidden></div>
      <form id="contact-panel" class="panel" hidden>
        <label for="contact-phone">${h("webchat-contact-prompt")}</label>
        <div class="panel-row">
          <input id="contact-phone" inputmode="tel" dir="ltr" autocomplete="off" required>
          <button type="submit">${h("webchat-contact-send")}</button>
          <button type="button" class="secondary" data-close>${h("webchat-cancel")}</button>
        </div>
        <p class="panel-error" hidden></p>
      </form>
      <form id="location-panel" class="panel" hidden>
        <p>${h("webchat-location-prompt")}</p>
        <div class="panel-row">
          <label>${h("webchat-location-province")} <select id="location-province"></select></label>
          <label>${h("webchat-location-city")} <select id="location-city"></select></label>
        </div>
        <div class="panel-row">
          <label>${h("webchat-location-coordinates")}
            <input id="location-coordinates" dir="ltr" autocomplete="off" placeholder="${h("webchat-location-coordinates-placeholder")}">
          </label>
        </div>
        <div class="panel-row">
          <button type="submit">${h("webchat-location-send")}</button>
          <button type="button" class="secondary" data-close>${h("webchat-cancel")}</button>
        </div>
        <p class="panel-error" hidden></p>
      </form>
      <form id="composer" class="input-row">
        <button id="send-photo" type="button" class="icon" title="${h("webchat-send-photo-title")}">${h("webchat-send-photo")}</button>
        <button id="send-sticker" type="button" class="icon" title="${h("webchat-send-sticker-title")}">${h("webchat-send-sticker")}</button>
        <input id="text" autocomplete="off" aria-label="${h("webchat-input-label")}" placeholder="${h("webchat-input-placeholder")}">
        <button id="send" type="submit">${h("webchat-send")}</button>
      </form>
      <div id="reply-keyboard" class="reply-keyboard" role="group"></div>
    </footer>
  </main>
</div>
<noscript><p class="noscript">${h("webchat-no-script")}</p></noscript>
</body>
</html>
`;
}
