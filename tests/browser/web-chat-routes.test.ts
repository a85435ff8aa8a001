// The web chat's HTTP routes without a browser: the page's texts and safety headers, the assets, the cities.
import { describe, expect, it } from "vitest";
import { createI18n, DEFAULT_LOCALE } from "../../src/bot/i18n.js";
import { escapeHtml, renderChatPage } from "../../src/infrastructure/web-chat/chat-page.js";
import { loadCityPoints } from "../../src/infrastructure/web-chat/city-points.js";
import { webChatRoutes } from "../../src/infrastructure/web-chat/web-chat-routes.js";

const i18n = createI18n();
const translate = (key: string, params?: Record<string, string | number>) => i18n.t(DEFAULT_LOCALE, key, params);
const routes = webChatRoutes({ botApiPath: "/local-bot-api/", translate, botToken: "1000001:local-development-bot" });

describe("the web chat routes", () => {
  it("serve a Persian, right-to-left page that loads only this server's files", async () => {
    const response = await routes.request("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain(escapeHtml(translate("webchat-heading")));
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const config = JSON.parse(/<script type="application\/json" id="web-chat-config">(.*?)<\/script>/.exec(html)![1]!);
    expect(config).toMatchObject({ botApiPath: "/local-bot-api", token: "1000001:local-development-bot", locale: "fa-IR" });
    // Variables the script fills in reach it as {name}.
    expect(config.texts["user-id"]).toContain("{id}");
  });

  it("keep the page's configuration inside its script element whatever the texts hold", () => {
    const html = renderChatPage({
      translate: (key) => (key === "webchat-edited" ? "</script><script>alert(1)</script>" : key),
      botApiPath: "/api",
      assetsPath: "/assets",
      citiesUrl: "/cities.json",
    });
    expect(html).not.toContain("<script>alert(1)");
  });

  it("serve the script modules, the style sheet and the Vazirmatn font with its licence", async () => {
    for (const [name, type] of [
      ["chat.js", "text/javascript"],
      ["message-view.js", "text/javascript"],
      ["chat.css", "text/css"],
      ["vazirmatn.woff2", "font/woff2"],
      ["vazirmatn-OFL.txt", "text/plain"],
    ] as const) {
      const response = await routes.request(`/web-chat/assets/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get("content-type")).toContain(type);
    }
    const font = new Uint8Array(await (await routes.request("/web-chat/assets/vazirmatn.woff2")).arrayBuffer());
    expect(new TextDecoder().decode(font.slice(0, 4))).toBe("wOF2");
    expect(await (await routes.request("/web-chat/assets/vazirmatn-OFL.txt")).text()).toContain("SIL OPEN FONT LICENSE");
    expect((await routes.request("/web-chat/assets/../../package.json")).status).toBe(404);
    // Every module the entry script imports is served.
    const entry = await (await routes.request("/web-chat/assets/chat.js")).text();
    for (const [, module] of entry.matchAll(/from "\.\/([\w-]+\.js)"/g)) {
      expect((await routes.request(`/web-chat/assets/${module}`)).status, module).toBe(200);
    }
  });

  it("list every city with coordinates by province, Tehran preselected", async () => {
    const response = await routes.request("/web-chat/cities.json");
    const cities = (await response.json()) as ReturnType<typeof loadCityPoints>;
    expect(cities.provinces).toHaveLength(31);
    expect(cities.provinces.reduce((count, province) => count + province.cities.length, 0)).toBeGreaterThan(1300);
    const province = cities.provinces[cities.preselected.province]!;
    expect([province.name, province.cities[cities.preselected.city]!.name]).toEqual(["تهران", "تهران"]);
  });
});
