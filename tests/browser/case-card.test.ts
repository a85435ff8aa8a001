// A case card in the browser chat, in local mode exactly as `npm start` runs it: a citizen's overcharge report,
// then the page switched to the sample hotline agent, who opens the queue and the case and takes it. Saves
// web-chat-case-card.png (docs/ with `npm run docs:screenshots`) for the README.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_BOT_TOKEN } from "../../src/config/config.js";
import { SimulatedUser } from "../harness/simulated-user.js";
import { startBotProcess, type BotProcess } from "../support/bot-process.js";
import { caseNumberIn, reportOvercharge, SAMPLE_STAFF, TEHRAN_PISHKHAN } from "../e2e/case-steps.js";
import { ChatPage } from "./chat-page.js";
import { browserSkipReason, launchChromium } from "./chromium.js";

/** As in web-chat.test.ts: a scratch folder unless `npm run docs:screenshots` asks for docs/. */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR
  ? fileURLToPath(new URL(`../../${process.env.SCREENSHOT_DIR.replace(/\/?$/, "/")}`, import.meta.url))
  : join(tmpdir(), "idcard-screenshots");
mkdirSync(SCREENSHOT_DIR, { recursive: true });
const skipReason = browserSkipReason();

describe.skipIf(skipReason !== undefined)("a case card in the browser chat", () => {
  let dataDir: string;
  let bot: BotProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "case-card-test-"));
    bot = await startBotProcess({ DATA_DIR: dataDir, HTTP_PORT: "0" }, { timeoutMs: 90_000 });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fa-IR", timezoneId: "Asia/Tehran" });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows the sample agent the reported case with its verdict, timeline and actions", async () => {
    const citizen = new SimulatedUser(`${bot.httpUrl}/local-bot-api`, 1, LOCAL_BOT_TOKEN, { first_name: "علی" });
    await citizen.say("/start");
    await citizen.waitForBotMessage("خوش آمدید");
    const number = caseNumberIn((await reportOvercharge(citizen, "۴۵۰۰۰", { officeName: TEHRAN_PISHKHAN })).sent);

    await page.goto(`${bot.httpUrl}/`);
    const chat = new ChatPage(page);
    // The sample agent is in the switcher from the start.
    await page.locator(`[data-user-id="${SAMPLE_STAFF.pishkhanAgent}"]`).click();
    await chat.type("/cases", "صف پرونده‌های واحد شما");
    let after = await chat.lastMessageId();
    await page.locator("#messages").getByRole("button", { name: /^🆕/ }).last().click();
    await chat.waitForBot("صفحه‌ی", after);
    after = await chat.lastMessageId();
    await page.locator("#messages").getByRole("button", { name: /^📁/ }).last().click();
    const card = await chat.waitForBot("سابقه (🔒", after);
    after = await chat.lastMessageId();
    await card.getByRole("button", { name: "✋ برداشتن" }).click();
    const taken = await chat.waitForBot("در حال رسیدگی", after);
    const text = (await taken.textContent()) ?? "";
    expect(text).toContain("۱۴٬۰۰۰ تومان");
    expect(text).toContain(number.slice(0, 4).replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!));
    await taken.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, "web-chat-case-card.png") });
  }, 180_000);
});
