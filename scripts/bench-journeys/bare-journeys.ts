// What a citizen does with the bare bots: as many echoes as the journey has updates, or the bare form to its end.
import { type LatencySink, ChatDriver } from "./chat-driver.js";
import type { FakeBotApi } from "./fake-bot-api.js";

/** `updates` texts, each sent once the echo of the previous one arrived. */
export async function runEchoes(api: FakeBotApi, chatId: number, updates: number, latencies: LatencySink): Promise<number> {
  const chat = new ChatDriver(api, chatId, latencies);
  for (let i = 0; i < updates; i++) {
    const text = `پیام ${i}`;
    chat.say(text);
    const echo = await chat.next();
    if (echo.text !== text) throw chat.unexpected(`expected the echo of «${text}»`);
  }
  return chat.updates;
}

/** /start, the form button, every question (a typed answer, or the first inline button) until "done". */
export async function runBareForm(api: FakeBotApi, chatId: number, latencies: LatencySink): Promise<number> {
  const chat = new ChatDriver(api, chatId, latencies);
  chat.say("/start");
  for (;;) {
    const message = await chat.next();
    if (message.text === "welcome") chat.press("form");
    else if (message.text.endsWith(": choose")) chat.press(chat.labels().at(-2)!);
    else if (message.text.endsWith(": type an answer")) chat.say(`پاسخ ${chat.updates}`);
    else if (message.text.startsWith("done:")) return chat.updates;
    else throw chat.unexpected("the bare form said something else");
  }
}
