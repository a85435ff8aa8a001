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
 *
 * This is the single translate path, and it is cheap per update: the locale is fixed (the bot is Persian
 * for everyone), so nothing is negotiated per update, and a text without variables (labels, the menu
 * buttons every `hears` filter compares with, most prompts) is formatted once and then kept.
 */
class BidiSafeI18n extends I18n<FlowContext> {
  /** Finished texts without variables, by locale and key. */
  private readonly plainTexts = new Map<string, Map<string, string>>();
  /** grammY calls `middleware()` of a middleware object on every update (and every replay): it is built once. */
  private builtMiddleware: MiddlewareFn<FlowContext> | undefined;

  constructor(config: ConstructorParameters<typeof I18n<FlowContext>>[0]) {
    super(config);
    memoizeBundleMatching(this.fluent);
  }

  override translate<K extends string>(locale: string, key: string, variables?: TranslationVariables<K>): string {
    if (variables === undefined || hasNoKeys(variables)) {
      let texts = this.plainTexts.get(locale);
      if (texts === undefined) {
        texts = new Map();
        this.plainTexts.set(locale, texts);
      }
      let text = texts.get(key);
      if (text === undefined) {
        text = isolateLeftToRightRuns(super.translate(locale, key));
        texts.set(key, text);
      }
      return text;
    }
    return isolateLeftToRightRuns(super.translate(locale, key, variables));
  }

  /**
   * Instead of the plugin's middleware, which builds a translator and negotiates the locale on every
   * update (and again inside each conversation replay): ctx.t translates in the one locale through
   * {@link translate}. ctx.i18n keeps the plugin's shape for code written against it; the locale cannot change.
   */
  override middleware(): MiddlewareFn<FlowContext> {
    this.builtMiddleware ??= this.buildMiddleware();
    return this.builtMiddleware;
  }

  private buildMiddleware(): MiddlewareFn<FlowContext> {
    const locale = DEFAULT_LOCALE;
    const translate = ((key: string, variables?: TranslationVariables) => this.translate(locale, key, variables)) as FlowContext["translate"];
    const i18n = {
      fluent: this.fluent,
      getLocale: async () => locale,
      useLocale: () => undefined,
      renegotiateLocale: async () => undefined,
      setLocale: async () => undefined,
    } as unknown as FlowContext["i18n"];
    return (ctx, next) => {
      Object.defineProperty(ctx, "i18n", { value: i18n, writable: true, configurable: true });
      ctx.translate = translate;
      ctx.t = translate;
      return next();
    };
  }
}

/** True when the object has no own enumerable key (Object.keys(...).length === 0, without building the array). */
function hasNoKeys(variables: object): boolean {
  for (const key in variables) if (Object.hasOwn(variables, key)) return false;
  return true;
}

/**
 * Fluent (in @grammyjs/i18n 1.1.2, pinned) negotiates the requested locale against every bundle on each
 * translation; with one fixed locale the answer never changes until a bundle is added, so it is kept.
 * A private method: if a new version renames it, nothing is patched and translations stay correct.
 */
function memoizeBundleMatching(fluent: unknown): void {
  const target = fluent as { matchBundles?: (locales: string[]) => unknown; bundles?: Set<unknown> };
  const match = target.matchBundles;
  if (typeof match !== "function" || !(target.bundles instanceof Set)) return;
  const matched = new Map<string, { bundles: number; result: unknown }>();
  target.matchBundles = (locales: string[]) => {
    const key = locales.join("\u0000");
    const known = matched.get(key);
    if (known && known.bundles === target.bundles!.size) return known.result;
    const result = match.call(fluent, locales);
    matched.set(key, { bundles: target.bundles!.size, result });
    return result;
  };
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
