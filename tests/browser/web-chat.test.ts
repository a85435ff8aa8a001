// The browser chat in real Chromium against the real bot started as `npm start` does with no configuration:
// the Persian menu right to left, a full pre-registration by clicking and typing, the sandbox payment, a booking,
// several citizens at once, and how the page shows photos, places, edits and location requests.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createI18n, DEFAULT_LOCALE } from "../../src/bot/i18n.js";
import { MAIN_MENU_KEYS } from "../../src/bot/keyboards/main-menu.js";
import { LOCAL_BOT_TOKEN } from "../../src/config/config.js";
import { samplePhotoPng } from "../../src/infrastructure/bot-api-server/sample-media.js";
import { startBotProcess, type BotProcess } from "../support/bot-process.js";
import { ChatPage } from "./chat-page.js";
import { browserSkipReason, launchChromium } from "./chromium.js";

/**
 * Where the screenshots go: a scratch folder, so `npm test` leaves the tree clean; `npm run docs:screenshots`
 * points it at docs/ to refresh the pictures the README shows.
 */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR
  ? fileURLToPath(new URL(`../../${process.env.SCREENSHOT_DIR.replace(/\/?$/, "/")}`, import.meta.url))
  : join(tmpdir(), "idcard-screenshots");
mkdirSync(SCREENSHOT_DIR, { recursive: true });

// The bot's own texts, so the test follows the locale files rather than copies of them.
const i18n = createI18n();
const fa = (key: string, params?: Record<string, string | number>) => i18n.t(DEFAULT_LOCALE, key, params);
/** The first line of a text: enough to recognise a message, and free of later placeholders. */
const line = (key: string, params?: Record<string, string | number>) => fa(key, params).split("\n")[0]!;
/** Empty values for a text's variables, when only a line without them is looked for. */
const blank = (...names: string[]) => Object.fromEntries(names.map((name) => [name, ""]));

/** A sample citizen of prisma/seed-data/sample-citizens.csv. */
/** In the welcome with or without a name: "…به بات کارت ملی هوشمند خوش آمدید…". */
const WELCOME = line("welcome-anonymous").split("، ")[1]!.split(".")[0]!;

const CITIZEN = { nationalId: "6383233564", birthDate: "۱۳۷۰/۰۵/۱۲", firstName: "علی", lastName: "محمدی", fatherName: "حسن" };

/** Waits for what the page shows next; generous, as CI runs the other test files at the same time. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

const skipReason = browserSkipReason();
if (skipReason) console.warn(`web chat browser tests skipped: ${skipReason}`);

describe.skipIf(skipReason !== undefined)(`the web chat in Chromium${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let dataDir: string;
  let bot: BotProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let chat: ChatPage;
  let pageUrl: string;
  let trackingCode: string | undefined;
  const scriptErrors: string[] = [];

  /** Calls the local Bot API as the bot itself would (for kinds of message no journey sends yet). */
  const botApi = async (method: string, body: Record<string, unknown> | FormData) => {
    const response = await fetch(`${bot.httpUrl}/local-bot-api/bot${LOCAL_BOT_TOKEN}/${method}`, {
      method: "POST",
      ...(body instanceof FormData ? { body } : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as { ok: boolean; result: { message_id: number }; description?: string };
    if (!answer.ok) throw new Error(`${method} failed: ${answer.description}`);
    return answer.result;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "web-chat-test-"));
    // No BOT_TOKEN, BOT_API_ROOT, DATABASE_URL or REDIS_URL: local mode, exactly as `npm start` on a clean clone.
    bot = await startBotProcess({ DATA_DIR: dataDir, HTTP_PORT: "0" }, { timeoutMs: 90_000 });
    pageUrl = `${bot.httpUrl}/`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "fa-IR", timezoneId: "Asia/Tehran" });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (error) => scriptErrors.push(error.message));
    chat = new ChatPage(page);
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(async (test) => {
    if (test.task.result?.state !== "fail" || !page) return;
    const path = join(tmpdir(), `web-chat-failure-${Date.now()}.png`);
    await page.screenshot({ path }).catch(() => undefined);
    console.error(`screenshot of the failing page: ${path}`);
  });

  it("prints the chat page's address at start-up", async () => {
    // The page's own address, not merely a longer one that starts with it (the Bot API's root does).
    const address = new RegExp(`${pageUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w/-])`);
    const printed = await bot.waitForLog((entry) => address.test(JSON.stringify(entry)), 5_000).catch(() => undefined);
    expect(printed, `a start-up log line naming ${pageUrl}`).toBeDefined();
  });

  it("shows the Persian main menu right to left, in the font shipped with the project", async () => {
    const response = await page.goto(pageUrl);
    expect(response?.status(), `GET ${pageUrl} should serve the chat page (is webChatRoutes mounted in src/app.ts?)`).toBe(200);
    const root = page.locator("html");
    expect([await root.getAttribute("lang"), await root.getAttribute("dir")]).toEqual(["fa", "rtl"]);

    const after = await chat.lastMessageId();
    await page.getByRole("button", { name: fa("webchat-start") }).click();
    const welcome = await chat.waitForBot(WELCOME, after);
    await poll(() => chat.replyButtonLabels()).toContain(fa("menu-pre-registration"));

    // The whole menu, in its order, row by row.
    const rows = page.locator("#reply-keyboard .kb-row");
    const shown = await rows.evaluateAll((elements) => elements.map((row) => [...row.querySelectorAll("button")].map((button) => String(button.textContent))));
    expect(shown).toEqual(MAIN_MENU_KEYS.map((row) => row.map((key) => fa(key))));
    expect(await page.locator("#text").getAttribute("placeholder")).toBe(fa("menu-placeholder"));

    // Right to left: the first button of a row sits to the right of the second, the bot's bubble on the right.
    const firstRow = rows.first().locator("button");
    const [first, second] = [await firstRow.nth(0).boundingBox(), await firstRow.nth(1).boundingBox()];
    expect(first!.x).toBeGreaterThan(second!.x);
    const bubble = (await welcome.locator(".bubble").boundingBox())!;
    const list = (await page.locator("#messages").boundingBox())!;
    expect(list.x + list.width - (bubble.x + bubble.width)).toBeLessThan(40);
    expect(await page.locator("#reply-keyboard").evaluate((element) => element.ownerDocument.defaultView.getComputedStyle(element).direction)).toBe("rtl");

    // Vazirmatn from the project's own server, not a system font or a CDN.
    // Evaluated in the page; the project's TypeScript has no DOM library, hence the loose types.
    const font = await root.evaluate(async (html) => {
      const document = html.ownerDocument;
      await document.fonts.ready;
      const faces: Array<{ family: string; status: string }> = [...document.fonts];
      return {
        loaded: faces.some((face) => face.family.includes("Vazirmatn") && face.status === "loaded"),
        family: String(document.defaultView.getComputedStyle(document.body).fontFamily),
      };
    });
    expect(font.loaded).toBe(true);
    expect(font.family).toMatch(/^"?Vazirmatn/);
    // Times in Persian digits.
    expect(await welcome.locator("time").textContent()).toMatch(/^[۰-۹]{2}:[۰-۹]{2}$/);
  });

  it("completes a pre-registration by clicking and typing, then pays on the sandbox page", async () => {
    await chat.tap(fa("menu-pre-registration"), line("prereg-ask-national-id"));
    await chat.type(CITIZEN.nationalId, line("prereg-ask-birth-date").slice(0, 20));
    await chat.type(CITIZEN.birthDate, fa("prereg-ask-abroad"));
    // The names come from the civil registry: confirmed with one press, not typed.
    const names = await chat.tap(fa("prereg-abroad-no"), line("prereg-confirm-registry-names", blank("firstName", "lastName", "fatherName")));
    expect(await names.textContent()).toContain(CITIZEN.lastName);
    await chat.tap(fa("prereg-registry-names-yes"), line("prereg-ask-mobile"));

    // The contact button asks this citizen's number once, offering 0912 and the user id.
    let after = await chat.lastMessageId();
    await chat.replyButton(fa("prereg-share-contact")).click();
    await poll(() => page.locator("#contact-panel").isVisible()).toBe(true);
    expect(await page.locator("#contact-phone").inputValue()).toBe("09120000001");
    await page
      .locator("#contact-panel")
      .getByRole("button", { name: fa("webchat-contact-send") })
      .click();
    await chat.waitForBot(fa("prereg-ask-landline").slice(0, 20), after);
    await poll(() => page.locator('#messages .row[data-kind="contact"]').count()).toBe(1);

    await chat.type("02188776655", fa("prereg-ask-postal-code"));
    await chat.type("1345678911", fa("prereg-ask-address").slice(0, 20));
    await chat.type("خیابان آزادی، کوچه‌ی بهار، پلاک ۱۲، واحد ۳", fa("prereg-ask-province").slice(0, 20));
    await chat.tap("تهران", line("prereg-ask-city", { province: "تهران" }).slice(0, 30));
    const summary = await chat.tap(
      "تهران",
      line(
        "prereg-summary",
        blank("nationalId", "birthDate", "firstName", "lastName", "fatherName", "mobile", "landline", "postalCode", "address", "province", "city"),
      ),
    );
    await poll(() => summary.textContent()).toContain("۶۳۸۳۲۳۳۵۶۴");
    expect(await summary.textContent()).toContain(`${CITIZEN.firstName}`);

    const payLink = await chat.tap(fa("prereg-confirm"), line("prereg-pay-link", blank("amount", "expiresAt")).slice(0, 15));
    const payButton = payLink.getByRole("link", { name: fa("prereg-pay-button") });
    expect(await payButton.getAttribute("href")).toContain("/pay/sandbox/");

    // The URL button opens the sandbox gateway in a new tab; pay there.
    const [gateway] = await Promise.all([context.waitForEvent("page"), payButton.click()]);
    await gateway.waitForLoadState();
    await gateway.getByRole("button", { name: fa("sandbox-pay-button") }).waitFor();
    // The gateway page speaks in the project's Persian font too, served by the bot's own server.
    const gatewayFont = await gateway.locator("html").evaluate(async (html) => {
      const document = html.ownerDocument;
      await document.fonts.ready;
      const faces: Array<{ family: string; status: string }> = [...document.fonts];
      return {
        loaded: faces.some((face) => face.family.includes("Vazirmatn") && face.status === "loaded"),
        family: String(document.defaultView.getComputedStyle(document.body).fontFamily),
      };
    });
    expect(gatewayFont).toMatchObject({ loaded: true, family: expect.stringMatching(/^"?Vazirmatn/) });
    await gateway.setViewportSize({ width: 720, height: 520 });
    await gateway.screenshot({ path: join(SCREENSHOT_DIR, "web-chat-payment.png") });
    after = await chat.lastMessageId();
    await gateway.getByRole("button", { name: fa("sandbox-pay-button") }).click();
    await gateway.getByText(fa("payment-result-paid-heading")).waitFor();
    await gateway.close();

    // Back in the chat, the confirmation arrives without a reload (server-sent events).
    await page.bringToFront();
    const confirmed = await chat.waitForBot(line("payment-confirmed", blank("trackingCode")), after, 30_000);
    const text = (await confirmed.textContent()) ?? "";
    trackingCode = /([۰-۹][۰-۹\-–]{10,}[۰-۹])/.exec(text)?.[1];
    expect(trackingCode, `a tracking code in: ${text}`).toBeDefined();
    // Its groups read in their true order on screen: the first group leftmost, as in 1234-5678-9012.
    const groups = trackingCode!.split("-");
    const edges = await chat.renderedLeftEdges(confirmed, groups);
    expect(edges, `left edges of ${groups.join(" | ")}`).toEqual([...edges].sort((a, b) => a - b));
    await confirmed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "web-chat.png") });
  }, 240_000);

  it("finds the paid application with the status check and the tracking code", async () => {
    expect(trackingCode, "needs the payment test's tracking code").toBeDefined();
    await chat.tap(fa("menu-status"), line("prereg-ask-national-id"));
    await chat.type(CITIZEN.nationalId, line("status-ask-tracking-code").slice(0, 20));
    const status = await chat.type(trackingCode!, fa("status-stage-paid"));
    expect(await status.textContent()).toContain(CITIZEN.firstName);
  }, 60_000);

  it("books an appointment by clicking: nearest offices, a location picked from the city list, the last day, the first time", async () => {
    expect(trackingCode, "needs the paid application of the payment test").toBeDefined();
    await chat.tap(fa("menu-booking"), fa("booking-ask-mode"));
    await chat.tap(fa("booking-mode-nearest"), fa("booking-ask-type"));
    await chat.tap(fa("booking-office-type-pishkhan"), line("booking-ask-location"));

    // The request_location button opens the page's picker: the city of Tehran from the list.
    await chat.replyButton(fa("booking-share-location")).click();
    await poll(() => page.locator("#location-panel").isVisible()).toBe(true);
    await page.locator("#location-province").selectOption({ label: "تهران" });
    await page.locator("#location-city").selectOption({ label: "تهران" });
    let after = await chat.lastMessageId();
    await page
      .locator("#location-panel")
      .getByRole("button", { name: fa("webchat-location-send") })
      .click();
    const offices = await chat.waitForBot(fa("booking-nearest-list"), after);
    expect(await offices.textContent()).toContain(fa("booking-office-type-pishkhan"));
    expect(await offices.textContent()).toMatch(/[۰-۹]+٫?[۰-۹]* کیلومتر/u);
    await chat.waitForBot(fa("booking-ask-office"), after);

    // The first office; then the last day offered (its label ends with "(N نوبت)"), and its first time.
    const officeButtons = await chat.replyButtonLabels();
    expect(officeButtons[0]).toMatch(/^۱\. /);
    await chat.tap(officeButtons[0]!, fa("booking-ask-day", { office: "" }).split(" ").slice(0, 2).join(" "));
    const days = (await chat.replyButtonLabels()).filter((label) => label.endsWith("نوبت)"));
    expect(days.length, "bookable days offered").toBeGreaterThan(0);
    await chat.tap(days[days.length - 1]!, fa("booking-ask-time").slice(0, 12));
    const times = (await chat.replyButtonLabels()).filter((label) => /^[۰-۹]{2}:[۰-۹]{2}$/.test(label));
    expect(times.length, "free times offered").toBeGreaterThan(0);
    const confirm = await chat.tap(times[0]!, line("booking-confirm", blank("office", "address", "phone", "date", "time")));
    expect(await confirm.textContent()).toContain(times[0]!);

    after = await chat.lastMessageId();
    await chat.replyButton(fa("booking-confirm-button")).click();
    const done = await chat.waitForBot(line("booking-done", blank("office", "address", "phone", "date", "time", "reminders")), after);
    expect(await done.textContent()).toContain(times[0]!);
    // Back to the main menu.
    await poll(() => chat.replyButtonLabels()).toContain(fa("menu-booking"));
    await done.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "web-chat-booking.png") });
  }, 120_000);

  it("keeps several citizens' chats apart and flags new messages in the others", async () => {
    await page.getByRole("button", { name: fa("webchat-add-user") }).click();
    await page.locator("#new-user-name").fill("زهرا");
    await page
      .locator("#new-user-panel")
      .getByRole("button", { name: fa("webchat-add") })
      .click();
    await poll(() => page.locator("#active-user").textContent()).toContain("زهرا");
    await poll(() => page.locator("#empty").isVisible()).toBe(true);

    let after = await chat.lastMessageId();
    await page.getByRole("button", { name: fa("webchat-start") }).click();
    await chat.waitForBot(fa("welcome", { name: "زهرا" }).split("،")[0]!, after);
    await chat.tap(fa("menu-pre-registration"), line("prereg-ask-national-id"));

    // Back to the first citizen: their chat, with its payment confirmation, is as it was.
    await page.locator('#user-list button[data-user-id="1"]').click();
    await chat.waitForBot(line("payment-confirmed", blank("trackingCode")), 0);
    expect(await page.locator("#messages").textContent()).not.toContain("زهرا");

    // Citizen 2 writes from elsewhere (another device, the /sim API): the switcher shows a badge.
    await fetch(`${bot.httpUrl}/local-bot-api/sim/users/2/message`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "1234", first_name: "زهرا" }),
    });
    await page.locator('#user-list button[data-user-id="2"] .badge').waitFor();

    await page.locator('#user-list button[data-user-id="2"]').click();
    after = 0;
    await chat.waitForBot(fa("prereg-national-id-error-wrong_length").slice(0, 20), after);
    await poll(() => page.locator('#user-list button[data-user-id="2"] .badge').count()).toBe(0);
  }, 60_000);

  it("switches to the sample operator, who sees the staff menu and finds the paid applicant", async () => {
    const operator = page.locator('#user-list button[data-user-id="900002"]');
    await poll(() => operator.textContent()).toContain(fa("webchat-sample-operator-name"));
    await operator.click();
    let after = await chat.lastMessageId();
    await page.getByRole("button", { name: fa("webchat-start") }).click();
    await chat.waitForBot(fa("staff-menu-hello", blank("role", "office")).split("—")[0]!.trim(), after);
    await poll(() => chat.replyButtonLabels()).toContain(fa("staff-menu-today"));
    expect(await chat.replyButtonLabels()).not.toContain(fa("menu-pre-registration"));
    // The browser test booked its appointment on the last day offered, so today's list is empty.
    await chat.tap(fa("staff-menu-today"), fa("staff-appointments-none-today"));
    await chat.tap(fa("staff-menu-find"), line("staff-find-ask"));
    expect(trackingCode, "the pre-registration test gave a tracking code").toBeDefined();
    await chat.type(trackingCode!, "👤");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "web-chat-operator.png") });
    // The sample admin's menu is the admin's.
    await page.locator('#user-list button[data-user-id="900001"]').click();
    after = await chat.lastMessageId();
    await page.getByRole("button", { name: fa("webchat-start") }).click();
    await poll(() => chat.replyButtonLabels()).toContain(fa("staff-menu-invite"));
  }, 60_000);

  it("shows photos, places, edits and deletions, and shares a location picked from the city list", async () => {
    await page.getByRole("button", { name: fa("webchat-add-user") }).click();
    await page
      .locator("#new-user-panel")
      .getByRole("button", { name: fa("webchat-add") })
      .click();
    await poll(() => page.locator("#active-user").textContent()).toContain("۳");
    let after = await chat.lastMessageId();
    await page.getByRole("button", { name: fa("webchat-start") }).click();
    await chat.waitForBot(WELCOME, after);

    // What this bot's journeys do not send yet, sent through the Bot API as the bot.
    const chatId = 3;
    const form = new FormData();
    form.set("chat_id", String(chatId));
    form.set("caption", "نمونه‌ی عکس");
    form.set("photo", new Blob([samplePhotoPng.bytes], { type: "image/png" }), "photo.png");
    const photo = await botApi("sendPhoto", form);
    await botApi("sendLocation", { chat_id: chatId, latitude: 35.6997, longitude: 51.338 });
    await botApi("sendVenue", { chat_id: chatId, latitude: 35.7, longitude: 51.4, title: "دفتر پیشخوان دولت ۱۲۳", address: "تهران، خیابان انقلاب، پلاک ۱۰" });
    const edited = await botApi("sendMessage", { chat_id: chatId, text: "پیش از ویرایش" });
    const deleted = await botApi("sendMessage", { chat_id: chatId, text: "این پیام پاک می‌شود" });
    await botApi("editMessageText", { chat_id: chatId, message_id: edited.message_id, text: "پس از ویرایش" });
    await botApi("deleteMessage", { chat_id: chatId, message_id: deleted.message_id });

    const image = chat.message(photo.message_id).locator("img");
    await poll(() => image.evaluate((img) => (img.complete ? Number(img.naturalWidth) : 0))).toBe(16);
    await poll(() => page.locator('#messages .row[data-kind="location"]').textContent()).toContain("۳۵٫۶۹۹۷");
    expect(await page.locator('#messages .row[data-kind="location"] a').getAttribute("href")).toContain("openstreetmap.org");
    await poll(() => page.locator('#messages .row[data-kind="venue"]').textContent()).toContain("خیابان انقلاب");
    await poll(() => chat.message(edited.message_id).textContent()).toContain("پس از ویرایش");
    expect(await chat.message(edited.message_id).textContent()).toContain(fa("webchat-edited"));
    await poll(() => chat.message(deleted.message_id).count()).toBe(0);

    // A request_location button: choose a city from the list.
    await botApi("sendMessage", {
      chat_id: chatId,
      text: "موقعیت خود را بفرستید",
      reply_markup: { keyboard: [[{ text: "📍 ارسال موقعیت", request_location: true }]], resize_keyboard: true },
    });
    await chat.replyButton("📍 ارسال موقعیت").click();
    await poll(() => page.locator("#location-panel").isVisible()).toBe(true);
    // Typed coordinates are checked before anything is sent.
    await page.locator("#location-coordinates").fill("۹۵,۵۱");
    await page
      .locator("#location-panel")
      .getByRole("button", { name: fa("webchat-location-send") })
      .click();
    await poll(() => page.locator("#location-panel .panel-error").textContent()).toBe(fa("webchat-location-invalid"));
    await page.locator("#location-coordinates").fill("");
    await page.locator("#location-province").selectOption({ label: "اصفهان" });
    await page.locator("#location-city").selectOption({ label: "اصفهان" });
    after = await chat.lastMessageId();
    await page
      .locator("#location-panel")
      .getByRole("button", { name: fa("webchat-location-send") })
      .click();
    await poll(() => page.locator('#messages .row[data-sender="user"][data-kind="location"]').last().textContent()).toContain("۳۲٫");
    expect(await chat.lastMessageId()).toBeGreaterThan(after);
  }, 60_000);

  it("fits a 360 px phone: nothing wider than the screen, the newest message in view under a large keyboard", async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "fa-IR",
      timezoneId: "Asia/Tehran",
      isMobile: true,
      hasTouch: true,
    });
    try {
      const small = await phone.newPage();
      small.on("pageerror", (error) => scriptErrors.push(error.message));
      const smallChat = new ChatPage(small);
      await small.goto(pageUrl);
      await small.getByRole("button", { name: fa("webchat-add-user") }).click();
      await small
        .locator("#new-user-panel")
        .getByRole("button", { name: fa("webchat-add") })
        .click();
      const after = await smallChat.lastMessageId();
      await small.getByRole("button", { name: fa("webchat-start") }).click();
      const welcome = await smallChat.waitForBot(WELCOME, after);
      await poll(() => smallChat.replyButtonLabels()).toContain(fa("menu-help"));

      // Nothing sticks out sideways: the page, the header, every bubble and every button lie inside 360 px.
      // Evaluated in the page; the project's TypeScript has no DOM library, hence the loose types.
      expect(await small.locator("html").evaluate((html) => [Number(html.scrollWidth), Number(html.ownerDocument.defaultView.innerWidth)])).toEqual([360, 360]);
      const outside = await small.locator(".chat-header, .bubble, #reply-keyboard button, #composer > *").evaluateAll((elements) =>
        elements
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.left < -0.5 || box.right > Number(element.ownerDocument.defaultView.innerWidth) + 0.5;
          })
          .map((element) => String(element.outerHTML).slice(0, 80)),
      );
      expect(outside).toEqual([]);

      // The menu keyboard took half the screen; the welcome that brought it is still in view above it.
      const [bubble, list] = [(await welcome.locator(".bubble").boundingBox())!, (await small.locator("#messages").boundingBox())!];
      await poll(async () => {
        const now = (await welcome.locator(".bubble").boundingBox())!;
        return now.y + now.height <= list.y + list.height + 1;
      }).toBe(true);
      expect(bubble.height).toBeGreaterThan(0);

      // The date chip reads as people say it: weekday, day, month, year; no Latin comma.
      const chip = (await small.locator("#messages .day").first().textContent()) ?? "";
      expect(chip).toMatch(/^\S+ [۰-۹]{1,2} \S+ [۰-۹]{4}$/u);
      // "/start" reads left to right inside the right-to-left page.
      expect(
        await small
          .locator('#messages .row[data-sender="user"] .text')
          .first()
          .evaluate((element) => element.ownerDocument.defaultView.getComputedStyle(element).direction),
      ).toBe("ltr");
      await small.screenshot({ path: join(SCREENSHOT_DIR, "web-chat-phone.png") });
    } finally {
      await phone.close();
    }
  }, 60_000);

  it("ran all of that without a script error in the page", () => {
    expect(scriptErrors).toEqual([]);
  });
});
