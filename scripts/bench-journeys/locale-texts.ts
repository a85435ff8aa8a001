// The bot's Persian texts from locales/fa/*.ftl: labels to press and fragments that recognise a bot message by its key.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { LOCALES_DIR } from "../../src/bot/i18n.js";

/** Direction marks the bot puts around left-to-right runs; they are not part of what a citizen reads. */
const BIDI_MARKS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export const withoutBidiMarks = (text: string) => text.replace(BIDI_MARKS, "");

export interface LocaleTexts {
  /** The text of a key (a button label, a command word), with its variables if it has any. */
  label(key: string, args?: Record<string, string>): string;
  /** The key among `keys` whose fixed text the message carries best; undefined when none does. */
  recognise(text: string, keys: readonly string[]): string | undefined;
}

export function loadLocaleTexts(locale = "fa"): LocaleTexts {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const dir = join(LOCALES_DIR, locale);
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".ftl"))) {
    const errors = bundle.addResource(new FluentResource(readFileSync(join(dir, file), "utf8")));
    if (errors.length > 0) throw new Error(`${file}: ${errors.map(String).join("; ")}`);
  }
  const format = (key: string, args: Record<string, string> = {}): string => {
    const message = bundle.getMessage(key);
    if (!message?.value) throw new Error(`locales/${locale}: no message ${key} (the bench follows the bot's texts; update it)`);
    return withoutBidiMarks(bundle.formatPattern(message.value, args, []));
  };
  const fragments = new Map<string, string[]>();
  const fragmentsOf = (key: string): string[] => {
    let found = fragments.get(key);
    if (!found) {
      // What is left between the placeables (printed as {$name} when not given) and line breaks.
      found = format(key)
        .split(/\{[^}]*\}|\n/)
        .map((part) => part.trim())
        .filter((part) => part.length >= 3)
        .sort((a, b) => b.length - a.length);
      if (found.length === 0) throw new Error(`locales/${locale}: ${key} has no fixed text to recognise it by`);
      fragments.set(key, found);
    }
    return found;
  };
  return {
    label: (key, args) => format(key, args).trim(),
    recognise(text, keys) {
      const plain = withoutBidiMarks(text);
      let best: { key: string; score: number } | undefined;
      for (const key of keys) {
        const parts = fragmentsOf(key);
        if (!plain.includes(parts[0]!)) continue;
        const total = parts.reduce((sum, part) => sum + part.length, 0);
        const present = parts.filter((part) => plain.includes(part)).reduce((sum, part) => sum + part.length, 0);
        if (present < total / 2) continue;
        if (!best || present > best.score) best = { key, score: present };
      }
      return best?.key;
    },
  };
}
