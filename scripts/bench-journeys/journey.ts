// The full citizen journey as shipped: pre-registration, payment on the sandbox page, the tracking code, the status check.
//
// Each bot message is recognised by its locale key (locales/fa) and answered; a message the journey does not
// expect (an error, a question it does not know) fails the run with its text, so a changed flow is noticed.
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { type LatencySink, ChatDriver } from "./chat-driver.js";
import { type Citizen, inPersianDigits, toLatinDigits } from "./citizens.js";
import type { FakeBotApi } from "./fake-bot-api.js";
import type { LocaleTexts } from "./locale-texts.js";

export interface JourneyMetrics extends LatencySink {
  /** From pressing pay on the sandbox page to the tracking-code message in the chat. */
  paymentToCode: number[];
  /** The same path in its three legs: pay → the 303, the callback page, the callback page's end → the message. */
  paymentLegs: { pay: number[]; callback: number[]; toMessage: number[] };
  /** HTTP requests to the bot's server (payment page, pay, callback). */
  httpRequests: number;
}

export interface JourneyHooks {
  /** Base URL of the bot instance serving this chat: payment links are opened there. */
  botHttpFor(chatId: number): string;
  /**
   * Called at each showing of the summary (visit 1, 2, ...), before answering it: the conversation is in flight
   * with every answer in it. May return a summary button to press instead of confirming (to lengthen the
   * conversation by changing an answer).
   */
  atSummary?(chatId: number, visit: number): Promise<string | undefined>;
}

/** Keys the journey knows, and what the citizen does on each. */
const KEYS = [
  "welcome",
  "welcome-anonymous",
  "prereg-intro",
  "prereg-ask-national-id",
  "prereg-ask-birth-date",
  "prereg-ask-abroad",
  "prereg-confirm-registry-names",
  "prereg-ask-first-name",
  "prereg-ask-last-name",
  "prereg-ask-father-name",
  "prereg-ask-mobile",
  "prereg-ask-landline",
  "prereg-landline-none-noted",
  "prereg-ask-postal-code",
  "prereg-ask-address",
  "prereg-ask-province",
  "prereg-ask-city",
  "prereg-summary",
  "prereg-saved",
  "prereg-pay-link",
  "payment-confirmed",
  "status-ask-tracking-code",
  "status-result",
  "main-menu-again",
] as const;

/** Runs one citizen's journey to its end; throws with the bot's text when anything is off. */
export async function runJourney(api: FakeBotApi, texts: LocaleTexts, citizen: Citizen, hooks: JourneyHooks, metrics: JourneyMetrics): Promise<number> {
  const chat = new ChatDriver(api, citizen.chatId, metrics);
  // Half the citizens type Persian digits, half Latin ones, as people do.
  const digits = citizen.chatId % 2 === 0 ? inPersianDigits : (text: string) => text;
  let phase: "pre-registration" | "payment" | "status" = "pre-registration";
  let trackingCode = "";
  let paidAt = 0;
  let callbackDoneAt = 0;
  let summaryVisits = 0;

  chat.say("/start");
  for (;;) {
    const message = await chat.next();
    const key = texts.recognise(message.text, KEYS);
    switch (key) {
      case "welcome":
      case "welcome-anonymous":
        chat.press(texts.label("menu-pre-registration"));
        break;
      case "prereg-intro":
      case "prereg-landline-none-noted":
      case "prereg-saved":
      case "main-menu-again":
        break; // said on the way; the question follows
      case "prereg-ask-national-id":
        chat.say(digits(citizen.nationalId));
        break;
      case "prereg-ask-birth-date":
        chat.say(digits(citizen.birthDate));
        break;
      case "prereg-ask-abroad":
        chat.press(texts.label("prereg-abroad-no"));
        break;
      case "prereg-confirm-registry-names":
        if (!message.text.includes(citizen.firstName) || !message.text.includes(citizen.lastName)) throw chat.unexpected("not the registry's names");
        chat.press(texts.label("prereg-registry-names-yes"));
        break;
      case "prereg-ask-first-name":
        chat.say(citizen.firstName);
        break;
      case "prereg-ask-last-name":
        chat.say(citizen.lastName);
        break;
      case "prereg-ask-father-name":
        chat.say(citizen.fatherName);
        break;
      case "prereg-ask-mobile": {
        const share = chat.labels()[0];
        if (!share) throw chat.unexpected("no share-contact button");
        chat.press(share);
        break;
      }
      case "prereg-ask-landline":
        chat.say(digits("02188776655"));
        break;
      case "prereg-ask-postal-code":
        chat.say(digits("1345678911"));
        break;
      case "prereg-ask-address":
        chat.say(`خیابان آزادی، کوچه‌ی دوازدهم، پلاک ${digits(String(1 + (citizen.chatId % 90)))}`);
        break;
      case "prereg-ask-province":
        chat.press("تهران");
        break;
      case "prereg-ask-city":
        chat.say("تهران");
        break;
      case "prereg-summary":
        if (!toLatinDigits(message.text).includes(citizen.nationalId)) throw chat.unexpected("the summary lacks the national ID");
        chat.press((await hooks.atSummary?.(citizen.chatId, ++summaryVisits)) ?? texts.label("prereg-confirm"));
        break;
      case "prereg-pay-link": {
        phase = "payment";
        const payUrl = onInstance(chat.urlButton(), hooks.botHttpFor(citizen.chatId));
        ({ paidAt, callbackDoneAt } = await payOnSandbox(payUrl, hooks.botHttpFor(citizen.chatId), metrics));
        break;
      }
      case "payment-confirmed": {
        if (phase !== "payment" || paidAt === 0) throw chat.unexpected("a payment confirmation before paying");
        metrics.paymentToCode.push(message.at - paidAt);
        metrics.paymentLegs.toMessage.push(message.at - callbackDoneAt);
        const code = /[۰-۹0-9]{4}-[۰-۹0-9]{4}-[۰-۹0-9]{4}/.exec(message.text);
        if (!code) throw chat.unexpected("no tracking code in the confirmation");
        trackingCode = toLatinDigits(code[0]);
        phase = "status";
        chat.press(texts.label("menu-status"));
        // The status flow asks the national ID with pre-registration's question.
        await expectKey(chat, texts, "prereg-ask-national-id");
        chat.say(digits(citizen.nationalId));
        break;
      }
      case "status-ask-tracking-code":
        if (phase !== "status") throw chat.unexpected("asked for a tracking code before having one");
        chat.say(digits(trackingCode));
        break;
      case "status-result":
        if (phase !== "status") throw chat.unexpected("a status before asking for it");
        return chat.updates;
      default:
        throw chat.unexpected(`a message the journey does not expect in ${phase}`);
    }
  }
}

async function expectKey(chat: ChatDriver, texts: LocaleTexts, key: string): Promise<void> {
  const message = await chat.next();
  if (texts.recognise(message.text, [key]) !== key) throw chat.unexpected(`expected ${key}`);
}

/** The same path on the instance that serves this chat (links carry PUBLIC_URL, which the bench does not route). */
function onInstance(url: string, base: string): string {
  const parsed = new URL(url);
  return new URL(parsed.pathname + parsed.search, base).toString();
}

/**
 * One keep-alive agent for the citizens' HTTP requests, as browsers keep their connections: node:http rather
 * than fetch, whose undici layers cost the harness about 1 ms of CPU per journey (the harness must stay lean).
 */
const browser = new Agent({ keepAlive: true, maxSockets: 256 });

/**
 * A GET or POST on loopback, its body read to the end; redirects are not followed. A kept-alive connection the
 * server closed while idle (between runs) can take the request as it closes: that request never reached the
 * server, so it is sent again once on a new connection (Node's documented pattern for `reusedSocket`).
 */
function httpCall(url: string, method: "GET" | "POST", retried = false): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const out = request(url, { method, agent: browser, headers: method === "POST" ? { "content-length": 0 } : {} }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      res.on("error", reject);
    });
    out.on("error", (error: NodeJS.ErrnoException) => {
      if (out.reusedSocket && !retried && error.code === "ECONNRESET") resolve(httpCall(url, method, true));
      else reject(error);
    });
    out.end();
  });
}

/**
 * Opens the sandbox page, presses pay, follows the redirect to the bot's callback (as the e2e tests do);
 * returns performance.now() when pay was pressed and when the callback page had arrived.
 */
async function payOnSandbox(payUrl: string, base: string, metrics: JourneyMetrics): Promise<{ paidAt: number; callbackDoneAt: number }> {
  const page = await httpCall(payUrl, "GET");
  if (page.status !== 200) throw new Error(`sandbox page ${payUrl} answered ${page.status}`);
  const paidAt = performance.now();
  const decided = await httpCall(`${payUrl}/pay`, "POST");
  if (decided.status !== 303 || !decided.location) throw new Error(`sandbox pay answered ${decided.status}`);
  const redirectedAt = performance.now();
  const callback = await httpCall(onInstance(new URL(decided.location, payUrl).toString(), base), "GET");
  if (callback.status !== 200) throw new Error(`payment callback answered ${callback.status}`);
  const callbackDoneAt = performance.now();
  metrics.httpRequests += 3;
  metrics.paymentLegs.pay.push(redirectedAt - paidAt);
  metrics.paymentLegs.callback.push(callbackDoneAt - redirectedAt);
  return { paidAt, callbackDoneAt };
}
