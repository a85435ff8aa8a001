// HTTP routes of the browser chat: the page at "/", its script, style sheet, font and city list.
import { Hono } from "hono";
import type { Translate } from "../../domain/shared/translate.js";
import { renderChatPage } from "./chat-page.js";
import { loadCityPoints } from "./city-points.js";
import { loadStaticAssets } from "./static-assets.js";

export interface WebChatOptions {
  /** Where the local Bot API server is mounted on the same HTTP server, e.g. "/local-bot-api". */
  botApiPath: string;
  translate: Translate;
  /**
   * The bot's token on that server. The page needs it to show photos (getFile and /file); without it
   * photos show as a label and /sim picks its default bot. It is a local, made-up token.
   */
  botToken?: string;
}

export const WEB_CHAT_ASSETS_PATH = "/web-chat/assets";
const CITIES_PATH = "/web-chat/cities.json";

/**
 * A chat page for trying the bot in a browser as simulated citizens. It talks only to the local Bot API
 * server's /sim control API, so mount it only when the bot runs against that server. Everything is
 * prepared here, at start-up: a missing asset fails now, not on the first visit.
 */
export function webChatRoutes(options: WebChatOptions): Hono {
  const assets = loadStaticAssets();
  const cities = JSON.stringify(loadCityPoints());
  const page = renderChatPage({
    translate: options.translate,
    botApiPath: options.botApiPath.replace(/\/$/, ""),
    ...(options.botToken !== undefined ? { botToken: options.botToken } : {}),
    assetsPath: WEB_CHAT_ASSETS_PATH,
    citiesUrl: CITIES_PATH,
  });

  const app = new Hono();
  app.get("/", (c) =>
    c.html(page, 200, {
      "Cache-Control": "no-cache",
      // Only this server's own files; bot photos sent by URL may come from elsewhere.
      "Content-Security-Policy":
        "default-src 'self'; img-src 'self' data: https: http:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      "Referrer-Policy": "no-referrer",
    }),
  );
  app.get(`${WEB_CHAT_ASSETS_PATH}/:name`, (c) => {
    const asset = assets.get(c.req.param("name"));
    if (!asset) return c.notFound();
    return c.body(new Uint8Array(asset.body), 200, { "Content-Type": asset.contentType, "Cache-Control": asset.cacheControl });
  });
  app.get(CITIES_PATH, (c) => c.body(cities, 200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600" }));
  return app;
}
