// Locale files: every locale has the same files, messages, attributes and variables as Persian (the default);
// every file parses cleanly; and every key the code asks for, literally or through a known dynamic family, exists.
//
// @fluent/syntax is not installed, so each file is read twice by independent parsers: a strict line-based
// reader written here (which sees every entry, broken or not) and @fluent/bundle's runtime parser (the one
// @grammyjs/i18n uses, which silently drops broken entries). An entry the first sees and the second does
// not is junk: the bot would answer with "{key}" instead of the text.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { APPLICATION_STATES } from "../../src/domain/application/lifecycle.js";
import "../../src/citizen-services.js"; // loads every flow, so every error family is defined
import "../../src/staff-services.js"; // and the staff side's
import { ERROR_MESSAGE_FAMILIES } from "../../src/flows/kit/error-messages.js";
import { EDITABLE, STEPS } from "../../src/flows/pre-registration/steps.js";
import { RESULT_PAGE_KEYS } from "../../src/infrastructure/payments/payment-callback-routes.js";
import { MAIN_MENU_KEYS } from "../../src/bot/keyboards/main-menu.js";
import { OFFICE_TYPES } from "../../src/domain/booking/office.js";
import { notBookableReason, type TimeRefusalReason } from "../../src/domain/booking/booking-refusals.js";
import type { ReminderKind } from "../../src/infrastructure/jobs/reminder-queue.js";
import { CASE_KINDS, CASE_STATUSES } from "../../src/domain/cases/case.js";
import { ENTRY_KINDS } from "../../src/domain/cases/case-entry.js";
import { APPOINTMENT_STATUSES } from "../../src/domain/booking/appointment.js";
import type { EnrolRefusal } from "../../src/domain/staff/invite.js";
import { STAFF_ACTIONS, STAFF_ROLES } from "../../src/domain/staff/staff-member.js";
import { VISIT_ITEMS, type DeskRefusal } from "../../src/domain/staff/visit.js";
import type { AuditOutcome } from "../../src/domain/staff/audit.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LOCALES_DIR = join(ROOT, "locales");
const SRC_DIR = join(ROOT, "src");
/** The default locale, the reference every other locale is compared with. */
const REFERENCE = "fa";

const LOCALES = readdirSync(LOCALES_DIR)
  .filter((name) => statSync(join(LOCALES_DIR, name)).isDirectory())
  .sort();
const ftlFilesOf = (locale: string) =>
  readdirSync(join(LOCALES_DIR, locale))
    .filter((name) => name.endsWith(".ftl"))
    .sort();
const FILE_NAMES = [...new Set(LOCALES.flatMap(ftlFilesOf))].sort();
const readLocaleFile = (locale: string, file: string) => readFileSync(join(LOCALES_DIR, locale, file), "utf8");
const exists = (locale: string, file: string) => ftlFilesOf(locale).includes(file);

// ---------------------------------------------------------------------------------------------------------
// Compile-time ties between the error-code lists below and the domain's error unions: when a validator
// gains or loses a code, `npm run typecheck` fails here until the list (and the locale files) follow.

/** True only when A and B are the same union. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** A list that names every member of the union E exactly (as checked by `Same`). */
const codes =
  <E extends string>() =>
  <const L extends readonly E[]>(list: L & (Same<L[number], E> extends true ? unknown : never)) =>
    list;

/**
 * Every family of error keys a question can show (kit/error-messages.ts); importing the citizen services
 * loads every flow module, and each defines its families as it loads. The compiler ties each family to
 * the codes its parser returns; this file ties each family to the locale files.
 */
const ERROR_FAMILIES = ERROR_MESSAGE_FAMILIES;

/** The staff side's key families, each with every member it is built from (src/bot/features/staff, src/flows/staff). */
const STAFF_FAMILIES: ReadonlyArray<{ prefix: string; members: readonly string[] }> = [
  { prefix: "staff-role-", members: STAFF_ROLES },
  { prefix: "staff-item-", members: [...VISIT_ITEMS, "fee"] },
  {
    prefix: "staff-outcome-",
    members: codes<DeskRefusal["kind"]>()([
      "already",
      "not_found",
      "out_of_scope",
      "wrong_state",
      "outside_window",
      "too_early",
      "incomplete",
      "fee_above_tariff",
    ]),
  },
  { prefix: "staff-enrol-", members: codes<EnrolRefusal>()(["invite_unknown", "invite_expired", "invite_used", "invite_revoked", "already_staff"]) },
  { prefix: "staff-appointment-status-", members: APPOINTMENT_STATUSES },
  { prefix: "staff-appointments-", members: ["today", "tomorrow", "none-today", "none-tomorrow"] },
  { prefix: "staff-applicant-card-", members: ["ready", "delivered", "in-transit"] },
  { prefix: "staff-actor-", members: ["cli", "system", "citizen", "member"] },
  // Audit rows name the action with dots; the key has dashes. The enrolment and import actions are written by the stores.
  {
    prefix: "staff-audit-action-",
    members: [
      ...STAFF_ACTIONS.filter((a) => !["appointments.list", "cards.list_uncollected"].includes(a)),
      "staff.enrol",
      "staff.enrol_admin",
      "card.import",
      "card.transfer_request",
    ].map((a) => a.replace(/\./g, "-")),
  },
  { prefix: "staff-audit-outcome-", members: codes<AuditOutcome>()(["done", "refused", "violation"]) },
];

/** The answers the pre-registration summary offers to change (EDITABLE in pre-registration/steps.ts). */
const EDITABLE_STEPS: readonly string[] = EDITABLE;

/** nameQuestion(which) asks `prereg-ask-${which}`. */
const NAME_QUESTIONS = ["first-name", "last-name", "father-name"];

/** The result pages' keys (RESULT_PAGE_KEYS in payment-callback-routes.ts): `payment-result-${key}-heading` and `-body`. */
const PAYMENT_RESULT_KEYS = Object.values(RESULT_PAGE_KEYS);

/** `booking-not-bookable-${notBookableReason(…)}` in booking.flow.ts: every reason the domain gives for any state. */
const NOT_BOOKABLE_REASONS: string[] = [...new Set([...APPLICATION_STATES, "unknown" as const].map(notBookableReason))];

/** The reminders (REMINDER_KINDS in reminder-queue.ts); reminderDelivery sends `booking-reminder-${kind}` for each. */
const REMINDER_KINDS = codes<ReminderKind>()(["day-before", "two-hours"]);

/**
 * Every key built from a template string in src, with `${…}` written as `*`. A new family fails the
 * "no unchecked dynamic keys" test until it is added here and given its own explicit check below.
 */
const KNOWN_DYNAMIC_KEYS = new Set([
  "prereg-ask-*", // nameQuestion → NAME_QUESTIONS
  "prereg-field-*", // summary buttons → EDITABLE_STEPS
  "status-stage-*", // → APPLICATION_STATES
  "status-next-*", // → APPLICATION_STATES
  "payment-result-*-heading", // → PAYMENT_RESULT_KEYS
  "payment-result-*-body",
  "booking-office-type-*", // → OFFICE_TYPES
  "booking-not-bookable-*", // → NOT_BOOKABLE_REASONS
  "case-kind-*", // → CASE_KINDS
  "case-status-*", // → CASE_STATUSES
  "case-entry-*", // → ENTRY_KINDS
  "status-next-*-at", // ready_for_pickup-at, in_transit-at (status.flow.ts, with the card's office)
  ...STAFF_FAMILIES.map((family) => `${family.prefix}*`),
  "staff-appointments-none-*",
  "booking-time-refused-*", // → TIME_REFUSAL_REASONS
]);

/** `booking-time-refused-${timeRefusalReason(…)}` in booking.flow.ts: every reason the domain gives. */
const TIME_REFUSAL_REASONS = codes<TimeRefusalReason>()(["filled", "passed", "too_soon", "day_closed", "office_closed", "changed"]);

// ---------------------------------------------------------------------------------------------------------
// A strict line-based reader of the Fluent subset used here (messages, terms, attributes, multiline text,
// placeables with variables, message references, function calls and select expressions).

interface Entry {
  id: string;
  line: number;
  /** Raw text of the value (null when the entry has attributes only) and of each attribute. */
  value: string | null;
  attributes: Map<string, string>;
}

interface ParsedFile {
  entries: Entry[];
  problems: string[];
}

const ENTRY_START = /^(-?[a-zA-Z][a-zA-Z0-9_-]*) *= *(.*)$/;
const ATTRIBUTE_START = /^ +\.([a-zA-Z][a-zA-Z0-9_-]*) *= *(.*)$/;
const COMMENT = /^#{1,3}( |$)/;

/** Tracks `{ … }` nesting over a pattern's text and collects the `$variables` inside placeables. */
class PlaceableScanner {
  depth = 0;
  private inString = false;
  readonly variables = new Set<string>();
  readonly problems: string[] = [];

  scan(text: string, where: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.inString) {
        if (c === "\\") i++;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === "{") this.depth++;
      else if (c === "}") {
        if (this.depth === 0) this.problems.push(`${where}: "}" without "{"`);
        else this.depth--;
      } else if (this.depth > 0 && c === '"') this.inString = true;
      else if (this.depth > 0 && c === "$") {
        const name = /^\$([a-zA-Z][a-zA-Z0-9_-]*)/.exec(text.slice(i))?.[1];
        if (name) this.variables.add(name);
        else this.problems.push(`${where}: "$" not followed by a variable name inside a placeable`);
      }
    }
    if (this.inString) this.problems.push(`${where}: unterminated string literal`);
    this.inString = false;
  }
}

function readFtl(source: string): ParsedFile {
  const entries: Entry[] = [];
  const problems: string[] = [];
  const lines = source.split(/\r?\n/);
  let current: { entry: Entry; part: string | null; scanner: PlaceableScanner } | null = null;

  const append = (text: string) => {
    const entry = current!.entry;
    if (current!.part === null) entry.value = entry.value === null ? text : `${entry.value}\n${text}`;
    else entry.attributes.set(current!.part, `${entry.attributes.get(current!.part)}\n${text}`);
  };
  const close = () => {
    if (!current) return;
    const { entry, scanner } = current;
    const trim = (text: string) => text.replace(/^\n+|\n+$/g, "");
    if (entry.value !== null) entry.value = trim(entry.value) || null;
    for (const [name, text] of entry.attributes) {
      entry.attributes.set(name, trim(text));
      if (trim(text) === "") problems.push(`line ${entry.line}: attribute ${entry.id}.${name} has no value`);
    }
    if (entry.value === null && entry.attributes.size === 0) problems.push(`line ${entry.line}: ${entry.id} has no value`);
    if (entry.id.startsWith("-") && entry.value === null) problems.push(`line ${entry.line}: term ${entry.id} has no value`);
    if (scanner.depth !== 0) problems.push(`line ${entry.line}: ${entry.id} has an unclosed "{"`);
    problems.push(...scanner.problems.map((problem) => `${entry.id} ${problem}`));
    current = null;
  };

  lines.forEach((line, index) => {
    const where = `line ${index + 1}`;
    if (line.trim() === "") {
      if (current) append("");
      return;
    }
    if (line.startsWith("\t")) {
      problems.push(`${where}: indented with a tab (Fluent needs spaces)`);
      return;
    }
    if (!line.startsWith(" ")) {
      close();
      if (line.startsWith("#")) {
        if (!COMMENT.test(line)) problems.push(`${where}: a comment needs "#", "##" or "###" and a space`);
        return;
      }
      const start = ENTRY_START.exec(line);
      if (!start) {
        problems.push(`${where}: not an entry, comment or indented line: ${line}`);
        return;
      }
      const entry: Entry = { id: start[1]!, line: index + 1, value: null, attributes: new Map() };
      entries.push(entry);
      current = { entry, part: null, scanner: new PlaceableScanner() };
      if (start[2]!.trim() !== "") {
        entry.value = start[2]!;
        current.scanner.scan(start[2]!, where);
      }
      return;
    }
    // An indented line: text going on, an attribute, or (only inside a placeable) a variant.
    if (!current) {
      problems.push(`${where}: indented text outside any message: ${line.trim()}`);
      return;
    }
    const first = line.trimStart()[0]!;
    if (current.scanner.depth === 0 && first === ".") {
      const attribute = ATTRIBUTE_START.exec(line);
      if (!attribute) {
        problems.push(`${where}: a line starting with "." must be an attribute ".name = …"`);
        return;
      }
      if (current.entry.attributes.has(attribute[1]!)) problems.push(`${where}: attribute .${attribute[1]} given twice`);
      current.part = attribute[1]!;
      current.entry.attributes.set(attribute[1]!, attribute[2]!);
      current.scanner.scan(attribute[2]!, where);
      return;
    }
    if (current.scanner.depth === 0 && (first === "[" || first === "*")) {
      problems.push(`${where}: a text line may not start with "${first}" (Fluent reads it as a variant)`);
      return;
    }
    const text = line.trimStart();
    append(current.part === null && current.entry.value === null ? text : line);
    current.scanner.scan(text, where);
  });
  close();
  return { entries, problems };
}

// ---------------------------------------------------------------------------------------------------------
// The runtime parser's view (@fluent/bundle, as loaded by @grammyjs/i18n).

type RuntimeEntry = FluentResource["body"][number];
type Pattern = RuntimeEntry["value"];
type PatternElement = Exclude<NonNullable<Pattern>, string>[number];

function variablesOf(pattern: Pattern, into = new Set<string>()): Set<string> {
  if (pattern === null || typeof pattern === "string") return into;
  const visit = (element: PatternElement | { type: string; [key: string]: unknown }): void => {
    if (typeof element === "string") return;
    switch (element.type) {
      case "var":
        into.add((element as { name: string }).name);
        break;
      case "select": {
        const select = element as Extract<PatternElement, { type: "select" }>;
        visit(select.selector);
        for (const variant of select.variants) variablesOf(variant.value, into);
        break;
      }
      case "term":
      case "func":
        for (const arg of (element as { args: Array<PatternElement> }).args) visit(arg);
        break;
    }
  };
  for (const element of pattern) visit(element);
  return into;
}

/** Per message: "id" → variables of its value, "id.attr" → variables of that attribute. */
function runtimeShape(source: string): Map<string, Set<string>> {
  const shape = new Map<string, Set<string>>();
  for (const entry of new FluentResource(source).body) {
    shape.set(entry.id, variablesOf(entry.value));
    for (const [name, pattern] of Object.entries(entry.attributes)) shape.set(`${entry.id}.${name}`, variablesOf(pattern));
  }
  return shape;
}

/** The same shape from the line-based reader. */
function lineShape(parsed: ParsedFile): Map<string, Set<string>> {
  const shape = new Map<string, Set<string>>();
  const variables = (text: string | null) => {
    const scanner = new PlaceableScanner();
    if (text !== null) scanner.scan(text, "");
    return scanner.variables;
  };
  for (const entry of parsed.entries) {
    shape.set(entry.id, variables(entry.value));
    for (const [name, text] of entry.attributes) shape.set(`${entry.id}.${name}`, variables(text));
  }
  return shape;
}

const asObject = (shape: Map<string, Set<string>>) =>
  Object.fromEntries([...shape].sort(([a], [b]) => a.localeCompare(b)).map(([key, vars]) => [key, [...vars].sort()]));

/** What @grammyjs/i18n builds: all of a locale's files joined, one bundle, isolation marks off. */
function localeBundle(locale: string): { bundle: FluentBundle; errors: Error[] } {
  const source = ftlFilesOf(locale)
    .map((file) => readLocaleFile(locale, file))
    .join("\n");
  const bundle = new FluentBundle(locale, { useIsolating: false });
  // The bot loads with allowOverrides (a later file silently wins); here a duplicate id is an error.
  const errors = bundle.addResource(new FluentResource(source));
  return { bundle, errors };
}

const bundles = new Map(LOCALES.map((locale) => [locale, localeBundle(locale)]));

function format(locale: string, id: string, args: Record<string, string | number> = {}): string {
  const { bundle } = bundles.get(locale)!;
  const message = bundle.getMessage(id);
  if (!message?.value) throw new Error(`${locale}: no message ${id}`);
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, args, errors);
  if (errors.length > 0) throw new Error(`${locale}: ${id}: ${errors.map((e) => e.message).join("; ")}`);
  return text;
}

const hasMessage = (locale: string, id: string) => bundles.get(locale)!.bundle.hasMessage(id);

// ---------------------------------------------------------------------------------------------------------
// Keys in the source code.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // Generated code (the Prisma client) holds no locale keys, but field names like `messageKey: '…'`.
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return entry.isFile() && entry.name.endsWith(".ts") ? [path] : [];
  });
}

const KEY_LITERAL = String.raw`(?:"([^"\n]*)"|'([^'\n]*)'|\x60([^\x60]*)\x60)`;
/** `cond ? "a" : "b"`, both keys (cond: a name, maybe compared with a literal or a name). */
const KEY_TERNARY = String.raw`[\w.!]+(?:\s*[!=]==?\s*(?:"[^"\n]*"|[\w.]+))?\s*\?\s*"([^"\n]*)"\s*:\s*"([^"\n]*)"`;
const KEY_EXPRESSION = String.raw`(?:${KEY_LITERAL}|${KEY_TERNARY})`;
/** Places where a string literal (or a choice of two) is a locale key. */
const KEY_PATTERNS = [
  new RegExp(String.raw`\b(?:t|translate)\(\s*${KEY_EXPRESSION}`, "g"), // t("…"), ctx.t("…"), translate("…")
  new RegExp(String.raw`\bprompt:\s*${KEY_EXPRESSION}`, "g"), // a flow question's prompt
  new RegExp(String.raw`\bmenuKey:\s*${KEY_EXPRESSION}`, "g"), // a flow's main-menu button
  new RegExp(String.raw`\btextKey\s*=\s*${KEY_EXPRESSION}`, "g"), // default text of leave() / showMainMenu()
  new RegExp(String.raw`\bleave\(\s*\w+\s*,\s*\w+\s*,\s*${KEY_EXPRESSION}`, "g"), // leave(conversation, ctx, "…")
  new RegExp(String.raw`\bmessageKey:\s*${KEY_EXPRESSION}`, "g"), // an outbox notification (sent by the dispatcher)
  new RegExp(String.raw`\b[A-Z_]*MESSAGE_KEY\s*=\s*${KEY_EXPRESSION}`, "g"), // a notification's key as a constant
  new RegExp(String.raw`\bchoiceQuestion\(\s*${KEY_EXPRESSION}`, "g"), // booking: choiceQuestion("prompt", …)
  new RegExp(String.raw`\btell\(\s*\w+\s*,\s*${KEY_EXPRESSION}`, "g"), // booking: tell(ctx, "…")
  new RegExp(String.raw`\bchooseOfficeThenTime\((?:\s*\w+\s*,){4}\s*${KEY_EXPRESSION}`, "g"), // booking: the office list's heading
];
/** Prefixes of error families as defined: errorMessages("prefix", …) (ERROR_FAMILIES). */
const ERRORS_PATTERN = new RegExp(String.raw`\berrorMessages\(\s*${KEY_LITERAL}`, "g");

interface KeyUse {
  key: string;
  where: string;
}

function keysInSource(): { literal: KeyUse[]; dynamic: KeyUse[]; errorPrefixes: KeyUse[] } {
  const literal: KeyUse[] = [];
  const dynamic: KeyUse[] = [];
  const errorPrefixes: KeyUse[] = [];
  for (const path of sourceFiles(SRC_DIR)) {
    const text = readFileSync(path, "utf8");
    const whereOf = (match: RegExpMatchArray) => `${relative(ROOT, path)}:${text.slice(0, match.index).split("\n").length}`;
    for (const pattern of KEY_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const where = whereOf(match);
        const template = match[3];
        if (template !== undefined && template.includes("${")) dynamic.push({ key: template.replace(/\$\{[^}]*\}/g, "*"), where });
        else if (match[4] !== undefined) literal.push({ key: match[4], where }, { key: match[5]!, where });
        else literal.push({ key: match[1] ?? match[2] ?? template!, where });
      }
    }
    for (const match of text.matchAll(ERRORS_PATTERN)) errorPrefixes.push({ key: match[1] ?? match[2] ?? match[3]!, where: whereOf(match) });
  }
  return { literal, dynamic, errorPrefixes };
}

const SOURCE_KEYS = keysInSource();

// ---------------------------------------------------------------------------------------------------------

describe("locale files", () => {
  it("has the reference locale and at least one other", () => {
    expect(LOCALES).toContain(REFERENCE);
    expect(LOCALES.length).toBeGreaterThan(1);
    expect(FILE_NAMES.length).toBeGreaterThan(0);
  });

  describe.each(FILE_NAMES)("%s", (file) => {
    it.each(LOCALES)("exists in %s", (locale) => {
      expect(exists(locale, file), `locales/${locale}/${file} is missing`).toBe(true);
    });

    it.each(LOCALES)("parses without syntax errors or junk in %s", (locale) => {
      if (!exists(locale, file)) return; // reported by the test above
      const source = readLocaleFile(locale, file);
      const parsed = readFtl(source);
      expect(parsed.problems, `locales/${locale}/${file}`).toEqual([]);
      const duplicates = parsed.entries.map((e) => e.id).filter((id, i, ids) => ids.indexOf(id) !== i);
      expect(duplicates, `locales/${locale}/${file}: ids defined twice`).toEqual([]);
      // Entries the runtime parser drops (junk) or reads differently show up as a difference here.
      expect(asObject(runtimeShape(source)), `locales/${locale}/${file}: runtime parser disagrees`).toEqual(asObject(lineShape(parsed)));
    });

    it.each(LOCALES.filter((locale) => locale !== REFERENCE))(`%s has the same messages, attributes and variables as ${REFERENCE}`, (locale) => {
      if (!exists(locale, file) || !exists(REFERENCE, file)) return; // reported above
      const expected = asObject(lineShape(readFtl(readLocaleFile(REFERENCE, file))));
      const actual = asObject(lineShape(readFtl(readLocaleFile(locale, file))));
      const missing = Object.keys(expected).filter((key) => !(key in actual));
      const extra = Object.keys(actual).filter((key) => !(key in expected));
      const differentVariables = Object.keys(expected)
        .filter((key) => key in actual && JSON.stringify(expected[key]) !== JSON.stringify(actual[key]))
        .map((key) => `${key}: ${REFERENCE} {${expected[key]!.join(", ")}} / ${locale} {${actual[key]!.join(", ")}}`);
      expect({ missing, extra, differentVariables }, `locales/${locale}/${file} vs locales/${REFERENCE}/${file}`).toEqual({
        missing: [],
        extra: [],
        differentVariables: [],
      });
    });
  });

  it.each(LOCALES)("%s loads as one bundle without errors (no id defined in two files)", (locale) => {
    expect(bundles.get(locale)!.errors.map((error) => error.message)).toEqual([]);
  });

  it.each(LOCALES)("every message of %s formats without errors", (locale) => {
    const failures: string[] = [];
    for (const file of ftlFilesOf(locale)) {
      const { bundle } = bundles.get(locale)!;
      for (const entry of readFtl(readLocaleFile(locale, file)).entries) {
        if (entry.id.startsWith("-")) continue;
        const message = bundle.getMessage(entry.id);
        const patterns = [message?.value ?? null, ...Object.values(message?.attributes ?? {})].filter((p) => p !== null);
        for (const pattern of patterns) {
          const args = Object.fromEntries([...variablesOf(pattern)].map((name) => [name, "x"]));
          const errors: Error[] = [];
          bundle.formatPattern(pattern, args, errors);
          failures.push(...errors.map((error) => `${file}: ${entry.id}: ${error.message}`));
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== REFERENCE))("%s texts use Latin digits, not Persian or Arabic-Indic ones", (locale) => {
    const offending: string[] = [];
    for (const file of ftlFilesOf(locale)) {
      for (const entry of readFtl(readLocaleFile(locale, file)).entries) {
        for (const text of [entry.value ?? "", ...entry.attributes.values()]) {
          if (/[\u06F0-\u06F9\u0660-\u0669]/.test(text)) offending.push(`${file}: ${entry.id}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});

describe("the FTL reader used above", () => {
  const problemsOf = (source: string) => readFtl(source).problems;
  const agrees = (source: string) => JSON.stringify(asObject(runtimeShape(source))) === JSON.stringify(asObject(lineShape(readFtl(source))));

  it("reads valid Fluent like the runtime parser does", () => {
    const source = [
      "# comment",
      "## group",
      "plain = Hello { $name }!",
      "multi =",
      "    First line { $a }",
      "",
      "    after a blank line { NUMBER($count) } { other-message }",
      "    .title = Title { $b }",
      "-term = Term",
      "with-select = { $n ->",
      "    [one] one { $x }",
      "   *[other] many",
      "    }",
      "attrs-only =",
      "    .label = Label",
      'literal = { "{ $not-a-variable }" }',
      "",
    ].join("\n");
    expect(problemsOf(source)).toEqual([]);
    expect(asObject(lineShape(readFtl(source)))).toEqual({
      "-term": [],
      "attrs-only": [],
      "attrs-only.label": [],
      literal: [],
      multi: ["a", "count"],
      "multi.title": ["b"],
      plain: ["name"],
      "with-select": ["n", "x"],
    });
    expect(agrees(source)).toBe(true);
  });

  it.each([
    ["an unclosed placeable", "a = Hello { $name\nb = ok\n"],
    ["a stray closing brace", "a = Hello } there\n"],
    ["text at column 0 in a message", "a =\n    line one\nline two\n"],
    ["an empty message", "a =\nb = ok\n"],
    ["a text line starting with [", "a =\n    [1] first\n"],
    ["a text line starting with *", "a =\n    * first\n"],
    ["a bad attribute", "a = x\n    .1bad = y\n"],
    ["tab indentation", "a =\n\tline\n"],
    ["a comment without a space", "#comment\na = ok\n"],
  ])("reports %s", (_name, source) => {
    expect(problemsOf(source).length > 0 || !agrees(source)).toBe(true);
  });

  it("sees entries the runtime parser drops as junk", () => {
    const source = "a = ok\nb = { $x\nc = ok\n";
    expect(runtimeShape(source).has("b")).toBe(false);
    expect(readFtl(source).entries.map((entry) => entry.id)).toContain("b");
  });
});

describe("keys used by the code exist", () => {
  it("finds the keys in the source (the scan itself works)", () => {
    const keys = new Set(SOURCE_KEYS.literal.map((use) => use.key));
    for (const known of ["welcome", "flow-cancel", "prereg-summary", "status-result", "prereg-ask-national-id", "prereg-abroad-answer", "main-menu-again"]) {
      expect(keys, known).toContain(known);
    }
    // Both sides of a choice, notification keys, and the booking helpers' positional keys.
    for (const known of [
      "booking-confirm",
      "booking-confirm-move",
      "booking-done",
      "booking-moved",
      "booking-reminder-day-before",
      "booking-reminder-two-hours",
      "booking-missed",
      "booking-ask-mode",
      "booking-nothing-near",
      "booking-nearest-list",
      "booking-city-list",
    ]) {
      expect(keys, known).toContain(known);
    }
    expect(SOURCE_KEYS.errorPrefixes.map((use) => use.key)).toContain("booking-location-error");
    expect(keys.size).toBeGreaterThan(60);
  });

  it(`every key given literally in src exists in ${REFERENCE} and in every locale`, () => {
    const missing = SOURCE_KEYS.literal.flatMap(({ key, where }) =>
      LOCALES.filter((locale) => !hasMessage(locale, key)).map((locale) => `${locale}: ${key} (${where})`),
    );
    expect(missing).toEqual([]);
  });

  it("every main-menu key exists, and its label is unique in the menu", () => {
    for (const locale of LOCALES) {
      const keys = MAIN_MENU_KEYS.flat();
      expect(
        keys.filter((key) => !hasMessage(locale, key)),
        locale,
      ).toEqual([]);
      expectUniqueLabels(
        locale,
        keys.map((key) => format(locale, key)),
      );
      expect(format(locale, "menu-placeholder").length, `${locale}: menu-placeholder`).toBeLessThanOrEqual(64);
    }
  });

  it("no key built from a template string goes unchecked", () => {
    const unknown = SOURCE_KEYS.dynamic.filter(({ key }) => !KNOWN_DYNAMIC_KEYS.has(key)).map(({ key, where }) => `${key} (${where})`);
    expect(unknown, "add the family to KNOWN_DYNAMIC_KEYS and give it an explicit check").toEqual([]);
    // And the list is not stale: each known family is still built somewhere.
    const used = new Set(SOURCE_KEYS.dynamic.map(({ key }) => key));
    expect([...KNOWN_DYNAMIC_KEYS].filter((key) => !used.has(key))).toEqual([]);
  });

  it('every error family defined in src (errorMessages("…")) is loaded and checked here', () => {
    const known = ERROR_FAMILIES.map((family) => family.prefix);
    expect(SOURCE_KEYS.errorPrefixes.filter(({ key }) => !known.includes(key)).map(({ key, where }) => `${key} (${where})`)).toEqual([]);
    expect(known.length).toBeGreaterThan(10);
  });

  it.each(ERROR_FAMILIES.map((family) => [family.prefix, family] as const))("%s-<code> exists for every error code", (_prefix, family) => {
    for (const locale of LOCALES) {
      const missing = family.codes.filter((code) => !hasMessage(locale, `${family.prefix}-${code}`));
      expect(missing, `${locale}: missing ${family.prefix}-<code>`).toEqual([]);
    }
  });

  it.each(ERROR_FAMILIES.map((family) => [family.prefix, family] as const))("%s-<code> has no key for a code that no longer exists", (_prefix, family) => {
    const stale = familyIds(REFERENCE, `${family.prefix}-`).filter((code) => !family.codes.includes(code));
    expect(stale).toEqual([]);
  });

  it.each(STAFF_FAMILIES.map((family) => [family.prefix, family] as const))("%s<member> exists for every member", (_prefix, family) => {
    for (const locale of LOCALES)
      expect(
        family.members.filter((member) => !hasMessage(locale, `${family.prefix}${member}`)),
        locale,
      ).toEqual([]);
  });

  it("status-stage-<state> and status-next-<state> exist for every application state", () => {
    for (const locale of LOCALES) {
      const missing = APPLICATION_STATES.flatMap((state) => [`status-stage-${state}`, `status-next-${state}`]).filter((key) => !hasMessage(locale, key));
      expect(missing, locale).toEqual([]);
    }
    const states: readonly string[] = APPLICATION_STATES;
    expect(familyIds(REFERENCE, "status-stage-").filter((state) => !states.includes(state))).toEqual([]);
    // Asked for by name, not per state: the card's expected dates, the booked appointment, the end of a no-show ban.
    const byName = ["card-window", "booked-at", "no-show-until", "ready_for_pickup-at", "in_transit-at"];
    expect(familyIds(REFERENCE, "status-next-").filter((state) => !states.includes(state) && !byName.includes(state))).toEqual([]);
  });

  it("prereg-field-<step> exists for every step the summary offers to change", () => {
    // The summary never offers abroad (a yes ends the flow) or city (it follows the province).
    expect(EDITABLE_STEPS).toEqual(STEPS.filter((step) => step !== "abroad" && step !== "city"));
    for (const locale of LOCALES) {
      expect(
        EDITABLE_STEPS.filter((step) => !hasMessage(locale, `prereg-field-${step}`)),
        locale,
      ).toEqual([]);
    }
    expect(familyIds(REFERENCE, "prereg-field-").filter((step) => !EDITABLE_STEPS.includes(step))).toEqual([]);
  });

  it("prereg-ask-<which> exists for every name question", () => {
    for (const locale of LOCALES) {
      expect(
        NAME_QUESTIONS.filter((which) => !hasMessage(locale, `prereg-ask-${which}`)),
        locale,
      ).toEqual([]);
    }
  });

  it("case-kind-<kind>, case-status-<status> and case-entry-<kind> exist for every case kind, status and entry kind", () => {
    const families: Array<[string, readonly string[]]> = [
      ["case-kind-", CASE_KINDS],
      ["case-status-", CASE_STATUSES],
      ["case-entry-", ENTRY_KINDS],
    ];
    for (const locale of LOCALES) {
      for (const [prefix, values] of families)
        expect(
          values.filter((value) => !hasMessage(locale, `${prefix}${value}`)),
          `${locale} ${prefix}`,
        ).toEqual([]);
    }
    for (const [prefix, values] of families) expect(familyIds(REFERENCE, prefix).filter((value) => !values.includes(value))).toEqual([]);
  });

  it("booking-office-type-<type> exists for every office type", () => {
    for (const locale of LOCALES) {
      expect(
        OFFICE_TYPES.filter((type) => !hasMessage(locale, `booking-office-type-${type}`)),
        locale,
      ).toEqual([]);
    }
    const types: readonly string[] = OFFICE_TYPES;
    expect(familyIds(REFERENCE, "booking-office-type-").filter((type) => !types.includes(type))).toEqual([]);
  });

  it("booking-not-bookable-<reason> exists for every reason the flow gives", () => {
    // Guard against drift: the flow names the reason the domain's notBookableReason gives.
    const flow = readFileSync(join(SRC_DIR, "flows/booking/booking.flow.ts"), "utf8");
    expect(flow).toMatch(/`booking-not-bookable-\$\{notBookableReason\([^`]*\)\}`/);
    expect(NOT_BOOKABLE_REASONS.sort()).toEqual(["other", "unpaid"]);

    for (const locale of LOCALES) {
      expect(
        NOT_BOOKABLE_REASONS.filter((reason) => !hasMessage(locale, `booking-not-bookable-${reason}`)),
        locale,
      ).toEqual([]);
    }
    expect(familyIds(REFERENCE, "booking-not-bookable-").filter((reason) => !NOT_BOOKABLE_REASONS.includes(reason))).toEqual([]);
  });

  it("booking-time-refused-<reason> exists for every reason a time is refused", () => {
    for (const locale of LOCALES) {
      expect(
        TIME_REFUSAL_REASONS.filter((reason) => !hasMessage(locale, `booking-time-refused-${reason}`)),
        locale,
      ).toEqual([]);
    }
    const reasons: readonly string[] = TIME_REFUSAL_REASONS;
    expect(familyIds(REFERENCE, "booking-time-refused-").filter((reason) => !reasons.includes(reason))).toEqual([]);
  });

  it("booking-reminder-<kind> exists for every reminder kind", () => {
    for (const locale of LOCALES) {
      expect(
        REMINDER_KINDS.filter((kind) => !hasMessage(locale, `booking-reminder-${kind}`)),
        locale,
      ).toEqual([]);
    }
    const kinds: readonly string[] = REMINDER_KINDS;
    expect(familyIds(REFERENCE, "booking-reminder-").filter((kind) => !kinds.includes(kind))).toEqual([]);
  });

  it("payment-result-<key>-heading and -body exist for every callback result", () => {
    for (const locale of LOCALES) {
      const missing = PAYMENT_RESULT_KEYS.flatMap((key) => [`payment-result-${key}-heading`, `payment-result-${key}-body`]).filter(
        (id) => !hasMessage(locale, id),
      );
      expect(missing, locale).toEqual([]);
    }
  });
});

describe("button labels", () => {
  // Reply-keyboard buttons come back as plain text and are compared with ctx.t(key): within one keyboard
  // two buttons with the same label could not be told apart.
  it.each(LOCALES)("are unique within each keyboard in %s", (locale) => {
    const back = format(locale, "flow-back");
    const cancel = format(locale, "flow-cancel");
    expectUniqueLabels(locale, [back, cancel]);
    expectUniqueLabels(locale, [format(locale, "prereg-abroad-no"), format(locale, "prereg-abroad-yes"), back, cancel]);
    expectUniqueLabels(locale, [format(locale, "prereg-share-contact"), back, cancel]);
    const editButtons = EDITABLE_STEPS.map((step) => format(locale, "prereg-edit", { field: format(locale, `prereg-field-${step}`) }));
    expectUniqueLabels(locale, [...editButtons, format(locale, "prereg-confirm"), cancel]);
    // Booking (src/flows/booking): the mode question has no back button, nor has the current-appointment one.
    expectUniqueLabels(locale, [...["booking-mode-nearest", "booking-mode-earliest", "booking-mode-city"].map((id) => format(locale, id)), cancel]);
    const types = OFFICE_TYPES.map((type) => format(locale, `booking-office-type-${type}`));
    expectUniqueLabels(locale, [format(locale, "booking-type-any"), ...types, back, cancel]);
    expectUniqueLabels(locale, [format(locale, "booking-share-location"), back, cancel]);
    expectUniqueLabels(locale, [format(locale, "booking-reschedule"), format(locale, "booking-cancel-appointment"), cancel]);
    expectUniqueLabels(locale, [format(locale, "booking-confirm-button"), back, cancel]);
    expectUniqueLabels(locale, [format(locale, "booking-cancel-yes"), back, cancel]);
  });

  it.each(LOCALES)("shown in popups fit Telegram's 200 characters in %s", (locale) => {
    // answerCallbackQuery texts (payments.ts, ask.ts, unhandled.ts).
    const popups = [
      "payment-check-not-found",
      "payment-check-settled",
      "payment-check-not-paid",
      "payment-check-expired",
      "payment-check-unknown",
      "flow-old-button",
      "unhandled-old-button",
    ];
    const texts = [
      ...popups.map((id) => [id, format(locale, id)]),
      ["payment-check-already", format(locale, "payment-check-already", { trackingCode: "1234-5678-9012" })],
    ];
    expect(texts.filter(([, text]) => [...text!].length > 200).map(([id]) => id)).toEqual([]);
  });
});

function expectUniqueLabels(locale: string, labels: string[]): void {
  const empty = labels.filter((label) => label.trim() === "");
  const repeated = labels.filter((label, index) => labels.indexOf(label) !== index);
  expect({ empty, repeated }, `${locale}: ${labels.join(" | ")}`).toEqual({ empty: [], repeated: [] });
}

/** The suffixes of the reference locale's message ids that start with `prefix`. */
function familyIds(locale: string, prefix: string): string[] {
  return ftlFilesOf(locale)
    .flatMap((file) => readFtl(readLocaleFile(locale, file)).entries.map((entry) => entry.id))
    .filter((id) => id.startsWith(prefix))
    .map((id) => id.slice(prefix.length));
}
