// @ts-check
// The local Bot API server as the page uses it: the /sim control API, and getFile with /file for photos.
import { config } from "./config.js";

/** @param {string} path under /sim */
export function simUrl(path) {
  const url = new URL(`${config.botApiPath}/sim/${path}`, location.href);
  if (config.token) url.searchParams.set("token", config.token);
  return url.toString();
}

/** Reads a JSON answer; a failure carries the server's own explanation and the HTTP status. */
export async function readJson(/** @type {Response} */ response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(typeof body?.error === "string" ? body.error : `HTTP ${response.status}`);
    Object.assign(error, { status: response.status });
    throw error;
  }
  return body;
}

/**
 * One action of a simulated user: message, contact, location, photo, sticker, press, pay.
 * @param {number} userId
 * @param {string} action
 * @param {Record<string, unknown>} body
 */
export async function simPost(userId, action, body) {
  const response = await fetch(simUrl(`users/${userId}/${action}`), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return readJson(response);
}

/** @type {Map<string, Promise<string | null>>} */
const fileUrls = new Map();

/** Where a file can be shown, as a Telegram client finds it; null without the bot's token. */
export function fileUrl(/** @type {string} */ fileId) {
  const { token } = config;
  if (!token) return Promise.resolve(null);
  let url = fileUrls.get(fileId);
  if (!url) {
    url = fetch(`${config.botApiPath}/bot${token}/getFile?file_id=${encodeURIComponent(fileId)}`)
      .then((response) => response.json())
      .then((body) => (body?.ok ? `${config.botApiPath}/file/bot${token}/${body.result.file_path}` : null))
      .catch(() => null);
    fileUrls.set(fileId, url);
  }
  return url;
}
