// A simulated user for end-to-end tests: talks to the bot through the local Bot API server, waits for answers.

import { buttonLabels } from "../../src/infrastructure/bot-api-server/keyboards.js";
import type { SimActionResult } from "../../src/infrastructure/bot-api-server/simulated-user-actions.js";
import type { Transcript, TranscriptMessage } from "../../src/infrastructure/bot-api-server/transcript.js";

/** A substring of the text (or caption), a pattern, or any test on the message. */
export type MessageMatch = string | RegExp | ((message: TranscriptMessage) => boolean);

export interface WaitOptions {
  /** Only bot messages with a larger message_id count (default: the last one seen, see nextBotMessage). */
  after?: number;
  timeoutMs?: number;
}

export interface UserProfile {
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

const pollIntervalMs = 25;
const defaultTimeoutMs = Number(process.env.SIM_WAIT_MS ?? 20_000);

/**
 * Reads like a chat: `await user.say("/start"); const menu = await user.nextBotMessage();`.
 * It remembers the newest message it has seen (its own last action or the last bot message it
 * returned), so `nextBotMessage()` always means "the bot's answer to what just happened".
 */
export class SimulatedUser {
  private seenUpTo = 0;

  constructor(
    private readonly serverUrl: string,
    readonly userId: number,
    private readonly token?: string,
    private readonly profile: UserProfile = {},
  ) {}

  say(text: string): Promise<SimActionResult> {
    return this.act("message", { ...this.profile, text });
  }

  /** Presses a reply or inline button by its label; `messageId` picks an older inline keyboard. */
  press(label: string, opts: { messageId?: number; phoneNumber?: string; latitude?: number; longitude?: number } = {}) {
    return this.act("press", {
      label,
      message_id: opts.messageId,
      phone_number: opts.phoneNumber,
      latitude: opts.latitude,
      longitude: opts.longitude,
    });
  }

  /** Shares the user's own contact, or someone else's when `userId` differs. */
  shareContact(phoneNumber?: string, opts: { userId?: number; firstName?: string; lastName?: string } = {}) {
    return this.act("contact", {
      phone_number: phoneNumber,
      user_id: opts.userId,
      first_name: opts.firstName,
      last_name: opts.lastName,
    });
  }

  shareLocation(latitude: number, longitude: number) {
    return this.act("location", { ...this.profile, latitude, longitude });
  }

  sendPhoto(caption?: string) {
    return this.act("photo", { ...this.profile, caption });
  }

  sendSticker() {
    return this.act("sticker", { ...this.profile });
  }

  editMessage(messageId: number, text: string) {
    return this.act("edit", { message_id: messageId, text });
  }

  /** Sends callback data the bot never attached, as a modified client could, on bot message `messageId`. */
  forgeCallback(messageId: number, data: string) {
    return this.act("callback", { message_id: messageId, data });
  }

  /** Presses "Pay" on an invoice: the bot gets a pre_checkout_query. */
  pay(messageId: number) {
    return this.act("pay", { message_id: messageId });
  }

  block() {
    return this.act("block", {});
  }

  unblock() {
    return this.act("unblock", {});
  }

  async transcript(): Promise<Transcript> {
    const query = this.token ? `?token=${encodeURIComponent(this.token)}` : "";
    const response = await fetch(`${this.serverUrl}/sim/users/${this.userId}/transcript${query}`);
    if (!response.ok) throw new Error(`transcript failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as Transcript;
  }

  /** The bot's messages that are still in the chat, oldest first. */
  async botMessages(): Promise<TranscriptMessage[]> {
    return (await this.transcript()).messages.filter((message) => message.sender === "bot" && !message.deleted);
  }

  async lastBotMessage(): Promise<TranscriptMessage> {
    const last = (await this.botMessages()).at(-1);
    if (!last) throw new Error(`user ${this.userId} has no message from the bot`);
    return last;
  }

  /** The first bot message after `after` (default: what this user last saw) that matches. */
  async waitForBotMessage(match: MessageMatch, opts: WaitOptions = {}): Promise<TranscriptMessage> {
    const after = opts.after ?? this.seenUpTo;
    const found = await this.poll(
      (messages) => messages.find((message) => message.message_id > after && matches(message, match)),
      `a bot message after #${after} matching ${describe(match)}`,
      opts.timeoutMs,
    );
    this.seenUpTo = Math.max(this.seenUpTo, found.message_id);
    return found;
  }

  /** The bot's next message after the last user action or the last message returned here. */
  nextBotMessage(opts: Omit<WaitOptions, "after"> = {}): Promise<TranscriptMessage> {
    return this.waitForBotMessage(() => true, opts);
  }

  /** Waits until the bot has edited message `messageId` so that it matches. */
  waitForEdit(messageId: number, match: MessageMatch = () => true, opts: Omit<WaitOptions, "after"> = {}) {
    return this.poll(
      (messages) => messages.find((message) => message.message_id === messageId && message.edits > 0 && matches(message, match)),
      `an edit of message #${messageId} matching ${describe(match)}`,
      opts.timeoutMs,
    );
  }

  /** Labels of the message's reply or inline keyboard, row by row. */
  buttons(message: TranscriptMessage): string[] {
    return buttonLabels(message.reply_markup);
  }

  private async act(action: string, body: Record<string, unknown>): Promise<SimActionResult> {
    const response = await fetch(`${this.serverUrl}/sim/users/${this.userId}/${action}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, ...(this.token ? { token: this.token } : {}) }),
    });
    const result = (await response.json()) as SimActionResult | { error: string };
    if (!response.ok || "error" in result) {
      throw new Error(`user ${this.userId} ${action} failed (${response.status}): ${JSON.stringify(result)}`);
    }
    this.seenUpTo = Math.max(this.seenUpTo, result.last_message_id);
    return result;
  }

  private async poll(
    find: (botMessages: TranscriptMessage[]) => TranscriptMessage | undefined,
    what: string,
    timeoutMs = defaultTimeoutMs,
  ): Promise<TranscriptMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const messages = await this.botMessages();
      const found = find(messages);
      if (found) return found;
      if (Date.now() >= deadline) {
        const recent = messages.slice(-5).map(summarize).join("\n  ") || "(none)";
        throw new Error(`user ${this.userId} waited ${timeoutMs} ms for ${what}. Last bot messages:\n  ${recent}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
    }
  }
}

function matches(message: TranscriptMessage, match: MessageMatch): boolean {
  if (typeof match === "function") return match(message);
  const text = message.text ?? "";
  return typeof match === "string" ? text.includes(match) : match.test(text);
}

function describe(match: MessageMatch): string {
  return typeof match === "function" ? "the predicate" : JSON.stringify(String(match));
}

function summarize(message: TranscriptMessage): string {
  const buttons = buttonLabels(message.reply_markup);
  const text = message.text ?? `<${message.kind}>`;
  return `#${message.message_id} ${JSON.stringify(text)}${buttons.length ? ` [${buttons.join(" | ")}]` : ""}${message.edits ? ` (edited ${message.edits}×)` : ""}`;
}
