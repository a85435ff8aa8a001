// A translate function over locales/<locale>/payments.ftl alone, as the app's i18n renders it (no isolation marks).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Translate } from "../../../src/domain/shared/translate.js";

const LOCALES_DIR = fileURLToPath(new URL("../../../locales", import.meta.url));

/** Keys the translator could not find, so tests can insist that every text exists. */
export interface TestTranslate extends Translate {
  missing: string[];
}

export function paymentsTranslate(locale: "fa" | "en" = "fa"): TestTranslate {
  const i18n = new I18n({ defaultLocale: locale, fluentBundleOptions: { useIsolating: false } });
  i18n.loadLocaleSync(locale, { source: readFileSync(`${LOCALES_DIR}/${locale}/payments.ftl`, "utf8") });
  const missing: string[] = [];
  const translate = ((key: string, params?: Record<string, string | number>) => {
    const text = i18n.t(locale, key, params);
    if (text === key) missing.push(key);
    return text;
  }) as TestTranslate;
  translate.missing = missing;
  return translate;
}

/** The message keys a locale's payments.ftl defines. */
export function paymentsKeys(locale: "fa" | "en"): string[] {
  const source = readFileSync(`${LOCALES_DIR}/${locale}/payments.ftl`, "utf8");
  return [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((match) => match[1]!);
}
