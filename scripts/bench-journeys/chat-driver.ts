// One simulated chat on the fake Bot API: acts, waits for the bot's next message (an event, never a sleep), presses buttons.
import type { BotEvent, FakeBotApi, KeyboardButton, UserAction } from "./fake-bot-api.js";
import { withoutBidiMarks } from "./locale-texts.js";

/** How long a citizen waits for any one answer before the run fails (the bot is stuck or said nothing). */
const REPLY_TIMEOUT_MS = Number(process.env.BENCH_REPLY_TIMEOUT_MS ?? 60_000);

/** Latencies (ms) gathered by every chat of a run. */
export interface LatencySink {
  reply: number[];
}

export class ChatDriver {
  /** Index of the next event of the chat not yet read. */
  private cursor = 0;
  /** The reply keyboard the chat shows now (it stays until another replaces or removes it). */
  private keyboard: Array<KeyboardButton | string> = [];
  /** An action whose first answer is still to be timed. */
  private timing?: { at: number; firstEvent: number };
  updates = 0;
  last?: BotEvent;

  constructor(
    readonly api: FakeBotApi,
    readonly chatId: number,
    private readonly latencies: LatencySink,
  ) {}

  act(action: UserAction): void {
    this.timing = { at: 0, firstEvent: this.api.eventsOf(this.chatId).length };
    this.timing.at = this.api.act(this.chatId, action);
    this.updates++;
  }

  say(text: string): void {
    this.act({ kind: "text", text });
  }

  /** Presses a button of the current reply keyboard, or an inline button of the last message, by its label. */
  press(label: string): void {
    const inline = this.last?.replyMarkup?.inline_keyboard?.flat().find((button) => button.text === label && button.callback_data);
    if (inline) {
      this.act({ kind: "callback", messageId: this.last!.messageId, data: inline.callback_data!, messageText: this.last!.text });
      return;
    }
    const button = this.keyboard.find((b) => (typeof b === "string" ? b : b.text) === label);
    if (button === undefined) throw this.unexpected(`no button «${label}» on the keyboard (${this.labels().join(" | ")})`);
    if (typeof button !== "string" && button.request_contact) {
      this.act({ kind: "contact", phoneNumber: `+98${String(9_120_000_000 + (this.chatId % 9_999_999))}` });
      return;
    }
    this.say(label);
  }

  /** Labels of the current reply keyboard and of the last message's inline buttons. */
  labels(): string[] {
    const inline = this.last?.replyMarkup?.inline_keyboard?.flat().map((b) => b.text) ?? [];
    return [...this.keyboard.map((b) => (typeof b === "string" ? b : b.text)), ...inline];
  }

  /** A URL button of the last message. */
  urlButton(): string {
    const url = this.last?.replyMarkup?.inline_keyboard?.flat().find((b) => b.url)?.url;
    if (!url) throw this.unexpected("no URL button");
    return url;
  }

  /** The bot's next new message (edits are read past: they change earlier messages). */
  async next(): Promise<BotEvent> {
    for (;;) {
      const event = await this.api.waitForEvent(this.chatId, this.cursor, REPLY_TIMEOUT_MS);
      this.cursor++;
      if (this.timing && this.cursor > this.timing.firstEvent) {
        this.latencies.reply.push(event.at - this.timing.at);
        this.timing = undefined;
      }
      if (event.kind === "edit") continue;
      const markup = event.replyMarkup;
      if (markup?.keyboard) this.keyboard = markup.keyboard.flat();
      else if (markup?.remove_keyboard) this.keyboard = [];
      this.last = event;
      return event;
    }
  }

  /** An error naming the chat, what the bot said last, and why it was not what the citizen expected. */
  unexpected(why: string): Error {
    return new Error(`chat ${this.chatId}: ${why}; the bot's last message: ${JSON.stringify(withoutBidiMarks(this.last?.text ?? "(none)"))}`);
  }
}
