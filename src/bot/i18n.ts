// Fluent translations from locales/*.ftl, Persian by default.
import { fileURLToPath } from "node:url";
import { I18n, type TranslationVariables } from "@grammyjs/i18n";
import type { MiddlewareFn } from "grammy";
import { isolateLeftToRightRuns } from "../domain/text/bidi.js";
import type { FlowContext } from "./context.js";

export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

/** The default locale: the bot is Persian first, whatever language the messenger app is set to. */
export const DEFAULT_LOCALE = "fa";

/**
 * Fluent translations whose every finished text keeps its numbers, codes and commands in their true order
 * (isolateLeftToRightRuns), wherever it is used: replies in and out of conversations, notifications, pages.
 */
class BidiSafeI18n extends I18n<FlowContext> {
  override translate<K extends string>(locale: string, key: string, variables?: TranslationVariables<K>): string {
    return isolateLeftToRightRuns(super.translate(locale, key, variables));
  }

  override middleware(): MiddlewareFn<FlowContext> {
    const fluentMiddleware = super.middleware();
    return (ctx, next) =>
      fluentMiddleware(ctx, () => {
        const translate = ctx.translate;
        ctx.translate = ((key: string, variables?: TranslationVariables) => isolateLeftToRightRuns(translate(key, variables))) as typeof ctx.translate;
        ctx.t = ctx.translate;
        return next();
      });
  }
}

/** Builds the i18n middleware. */
export function createI18n(): I18n<FlowContext> {
  return new BidiSafeI18n({
    defaultLocale: DEFAULT_LOCALE,
    directory: LOCALES_DIR,
    useSession: false,
    // Isolation marks (U+2068/2069) around placeables show as boxes in some Android fonts, and our
    // placeables are already direction-safe (Persian digits or Latin codes on their own line).
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: () => DEFAULT_LOCALE,
  });
}
