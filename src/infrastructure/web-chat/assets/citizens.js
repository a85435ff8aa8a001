// @ts-check
// The simulated citizens, kept in this browser's storage (the server forgets chats when it restarts).
import { plainNumber, t } from "./config.js";

/** @typedef {import("./types.js").Citizen} Citizen */

const STORAGE_KEY = "web-chat:citizens:v1";

/**
 * The sample staff local mode seeds (src/infrastructure/staff/sample-staff.ts): an admin and an operator of a
 * sample office, made-up people. They are in the list so the staff side can be tried by switching to them.
 */
const SAMPLE_STAFF = [
  { id: 900001, text: "sample-admin-name" },
  { id: 900002, text: "sample-operator-name" },
];

export function defaultName(/** @type {number} */ id) {
  return t("new-user-default-name", { number: plainNumber.format(id) });
}

/** The mobile number offered for a citizen's contact: 0912 followed by the id, e.g. 09120000001. */
export function defaultPhone(/** @type {number} */ id) {
  return `0912${String(id % 10_000_000).padStart(7, "0")}`;
}

/** @returns {{ citizens: Citizen[], active: number }} */
function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
    if (Array.isArray(saved?.citizens) && saved.citizens.length > 0 && typeof saved.active === "number") return saved;
  } catch {
    // A damaged entry: start over with one citizen.
  }
  return { citizens: [{ id: 1, name: defaultName(1) }], active: 1 };
}

const saved = load();
/** @type {Citizen[]} */
export const citizens = saved.citizens;
for (const staff of SAMPLE_STAFF) {
  if (!citizens.some((citizen) => citizen.id === staff.id)) citizens.push({ id: staff.id, name: t(staff.text) });
}
let active = citizens.some((citizen) => citizen.id === saved.active) ? saved.active : citizens[0].id;
/** Bot messages that arrived in chats other than the one on screen, by user id. */
export const unread = new Map();

function save() {
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ citizens, active }));
}

export function activeId() {
  return active;
}

export function activeCitizen() {
  const citizen = citizens.find((candidate) => candidate.id === active);
  if (!citizen) throw new Error(`citizen ${active} is not in the list`);
  return citizen;
}

export function setActive(/** @type {number} */ id) {
  active = id;
  unread.delete(id);
  save();
}

export function nextCitizenId() {
  // The sample staff's large ids are left out, so new citizens keep small numbers.
  const taken = citizens.map((citizen) => citizen.id).filter((id) => !SAMPLE_STAFF.some((staff) => staff.id === id));
  return Math.max(0, ...taken) + 1;
}

/** A new citizen; returns the id. */
export function addCitizen(/** @type {string} */ name) {
  const id = nextCitizenId();
  citizens.push({ id, name });
  save();
  return id;
}

/** Adds a citizen seen on the server (another tab, a test) so every chat can be opened. */
export function knowCitizen(/** @type {number} */ id, /** @type {string | undefined} */ name) {
  if (citizens.some((citizen) => citizen.id === id)) return;
  citizens.push({ id, name: name || defaultName(id) });
  citizens.sort((a, b) => a.id - b.id);
  save();
}

/** The number the person gave for the citizen on screen, asked only once. */
export function rememberPhone(/** @type {string} */ phone) {
  activeCitizen().phone = phone;
  save();
}
