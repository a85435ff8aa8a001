// Loads the chat page's static files once at start-up: its script modules, its style sheet and the Persian font.
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPersianFont } from "../http/persian-font.js";

export interface StaticAsset {
  body: Uint8Array;
  contentType: string;
  cacheControl: string;
}

const ASSETS_DIR = fileURLToPath(new URL("./assets/", import.meta.url));

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
  const font = loadPersianFont();
  const cacheControl = "public, max-age=604800";
  assets.set("vazirmatn.woff2", { body: font.woff2, contentType: "font/woff2", cacheControl });
  assets.set("vazirmatn-OFL.txt", { body: font.licence, contentType: "text/plain; charset=utf-8", cacheControl });
  return assets;
}
