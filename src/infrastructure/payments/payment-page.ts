// The HTML shell of the payment web pages: one page, right to left, in the project's own Persian font.
import type { Translate } from "../../domain/shared/translate.js";
import { PAGE_FONT_PATH } from "../http/persian-font.js";

/** The page's colour accent, matching what happened. */
export type PageTone = "success" | "info" | "warning" | "error";

export interface PageContent {
  title: string;
  heading: string;
  /** Plain text; escaped here. */
  paragraphs: string[];
  tone: PageTone;
  /** Trusted markup placed after the paragraphs (forms, links), built with escapeHtml. */
  actionsHtml?: string;
  /** A strip above the heading, e.g. the sandbox's "test gateway" warning. Plain text. */
  banner?: string;
}

const ACCENTS: Record<PageTone, string> = {
  success: "#1b7f3b",
  info: "#1d5fa8",
  warning: "#a86a00",
  error: "#b3261e",
};

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A complete page. Language and direction come from the locale files (payment-page-lang, payment-page-dir)
 * so that the Persian pages are right to left and an English rendering is not.
 */
export function renderPage(translate: Translate, content: PageContent): string {
  const lang = translate("payment-page-lang");
  const dir = translate("payment-page-dir") === "ltr" ? "ltr" : "rtl";
  const accent = ACCENTS[content.tone];
  const banner = content.banner ? `<p class="banner">${escapeHtml(content.banner)}</p>` : "";
  const paragraphs = content.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join("\n");
  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(content.title)}</title>
<link rel="preload" href="${PAGE_FONT_PATH}" as="font" type="font/woff2" crossorigin>
<style>
  @font-face { font-family: "Vazirmatn"; src: url("${PAGE_FONT_PATH}") format("woff2"); font-weight: 100 900; font-display: swap; }
  body { margin: 0; background: #f3f4f6; color: #1f2937; font: 16px/1.9 "Vazirmatn", Tahoma, system-ui, sans-serif; }
  main { max-width: 30rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 12px;
         border-top: 6px solid ${accent}; box-shadow: 0 2px 10px rgb(0 0 0 / 8%); }
  h1 { font-size: 1.3rem; margin: 0 0 1rem; color: ${accent}; }
  p { margin: 0 0 .8rem; }
  .banner { background: #fff4d6; border: 1px solid #e0b84d; border-radius: 8px; padding: .6rem .8rem; font-weight: bold; }
  .amount { font-size: 1.5rem; font-weight: bold; }
  .actions { display: flex; gap: .75rem; flex-wrap: wrap; margin-top: 1.2rem; }
  .actions form { margin: 0; }
  button, .button { font: inherit; padding: .55rem 1.4rem; border-radius: 8px; border: 0; cursor: pointer;
                    text-decoration: none; display: inline-block; }
  .primary { background: ${ACCENTS.success}; color: #fff; }
  .secondary { background: #e5e7eb; color: #1f2937; }
</style>
</head>
<body>
<main>
${banner}
<h1>${escapeHtml(content.heading)}</h1>
${paragraphs}
${content.actionsHtml ?? ""}
</main>
</body>
</html>
`;
}

/**
 * An HTML response for a page that depends on a payment's state: never cached, and sent without a Referer
 * so the query (Authority) does not travel to other sites.
 */
export function htmlResponse(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=UTF-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}
