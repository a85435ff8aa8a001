// Fluent translations from locales/*.ftl, Persian by default.
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { FlowContext } from "./context.js";

export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

/** The default locale: the bot is Persian first, whatever language the messenger app is set to. */
export const DEFAULT_LOCALE = "fa";

/** Builds the i18n middleware. */
export function createI18n(): I18n<FlowContext> {
  return new I18n<FlowContext>({
    defaultLocale: DEFAULT_LOCALE,
    directory: LOCALES_DIR,
    useSession: false,
    // Isolation marks (U+2068/2069) around placeables show as boxes in some Android fonts, and our
    // placeables are already direction-safe (Persian digits or Latin codes on their own line).
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: () => DEFAULT_LOCALE,
  });
}
