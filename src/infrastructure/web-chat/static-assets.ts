// Loads the chat page's static files once at start-up: its script modules, its style sheet and the Persian font.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface StaticAsset {
  body: Uint8Array;
  contentType: string;
  cacheControl: string;
}

const ASSETS_DIR = fileURLToPath(new URL("./assets/", import.meta.url));

/** The font package (SIL OFL); its variable woff2 covers every weight the page uses in one file. */
const FONT_PACKAGE = "vazirmatn";
const FONT_FILE = "fonts/webfonts/Vazirmatn[wght].woff2";

const CODE_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * Asset name → contents: every script and style sheet of assets/, the font and its licence. Read into
 * memory (about 250 KB together) so a missing file fails at start-up rather than as a broken page.
 */
export function loadStaticAssets(): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>();
  for (const name of readdirSync(ASSETS_DIR)) {
    const contentType = CODE_TYPES[extname(name)];
    // The code changes with the project: browsers revalidate it on every visit.
    if (contentType) assets.set(name, { body: readFileSync(join(ASSETS_DIR, name)), contentType, cacheControl: "no-cache" });
  }
  const fontDir = dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
  const font = "public, max-age=604800";
  assets.set("vazirmatn.woff2", { body: readFileSync(join(fontDir, FONT_FILE)), contentType: "font/woff2", cacheControl: font });
  // The OFL asks that the licence travel with the font.
  assets.set("vazirmatn-OFL.txt", { body: readFileSync(join(fontDir, "OFL.txt")), contentType: "text/plain; charset=utf-8", cacheControl: font });
  return assets;
}
