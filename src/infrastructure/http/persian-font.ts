// The Persian font shipped with the project (Vazirmatn, SIL OFL), for every page the bot's server renders.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";

/** The font package; its variable woff2 covers every weight the pages use in one file. */
const FONT_PACKAGE = "vazirmatn";
const FONT_FILE = "fonts/webfonts/Vazirmatn[wght].woff2";
const CACHE_FOR_A_WEEK = "public, max-age=604800";

export interface FontFiles {
  woff2: Uint8Array;
  /** The OFL asks that the licence travel with the font. */
  licence: Uint8Array;
}

/** Reads the font and its licence from the installed package (a missing package fails at start-up). */
export function loadPersianFont(): FontFiles {
  const fontDir = dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
  return { woff2: readFileSync(join(fontDir, FONT_FILE)), licence: readFileSync(join(fontDir, "OFL.txt")) };
}

/** Where the payment pages find the font: they are served in every mode, the web chat only in local mode. */
export const PAGE_FONT_PATH = "/pay/assets/vazirmatn.woff2";

/** Serves the font at PAGE_FONT_PATH and its licence beside it. */
export function persianFontRoutes(font: FontFiles = loadPersianFont()): Hono {
  const app = new Hono();
  app.get(PAGE_FONT_PATH, (c) => c.body(font.woff2 as Uint8Array<ArrayBuffer>, 200, { "content-type": "font/woff2", "cache-control": CACHE_FOR_A_WEEK }));
  app.get(PAGE_FONT_PATH.replace(/\.woff2$/, "-OFL.txt"), (c) =>
    c.body(font.licence as Uint8Array<ArrayBuffer>, 200, { "content-type": "text/plain; charset=utf-8", "cache-control": CACHE_FOR_A_WEEK }),
  );
  return app;
}
