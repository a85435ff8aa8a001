// Drives the web chat page like a person: type, press buttons, wait for the bot's answer in the page.
import type { Locator, Page } from "playwright-core";

const defaultTimeoutMs = 15_000;

export class ChatPage {
  constructor(readonly page: Page) {}

  /** The newest message shown (either side), so a wait can ask for something that comes after it. */
  async lastMessageId(): Promise<number> {
    const ids = await this.messageIds(this.page.locator("#messages .row"));
    return Math.max(0, ...ids);
  }

  /** The first bot message after `after` whose text contains `text`. */
  async waitForBot(text: string, after: number, timeoutMs = defaultTimeoutMs): Promise<Locator> {
    const deadline = Date.now() + timeoutMs;
    const candidates = this.page.locator('#messages .row[data-sender="bot"]').filter({ hasText: text });
    for (;;) {
      const found = (await this.messageIds(candidates)).find((id) => id > after);
      if (found !== undefined) return this.message(found);
      if (Date.now() >= deadline) {
        const recent = await this.recentBotTexts();
        throw new Error(
          `no bot message after #${after} containing ${JSON.stringify(text)} within ${timeoutMs} ms.\nLast bot messages:\n  ${recent.join("\n  ")}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  message(messageId: number): Locator {
    return this.page.locator(`#messages .row[data-message-id="${messageId}"]`);
  }

  /** Types into the message box, sends with Enter, and waits for the bot's answer containing `expect`. */
  async type(text: string, expect: string): Promise<Locator> {
    const after = await this.lastMessageId();
    await this.page.locator("#text").fill(text);
    await this.page.locator("#text").press("Enter");
    return this.waitForBot(expect, after);
  }

  /** A button of the reply keyboard under the input. */
  replyButton(label: string): Locator {
    return this.page.locator("#reply-keyboard").getByRole("button", { name: label, exact: true });
  }

  /** Presses a reply-keyboard button and waits for the bot's answer containing `expect`. */
  async tap(label: string, expect: string): Promise<Locator> {
    const after = await this.lastMessageId();
    await this.replyButton(label).click();
    return this.waitForBot(expect, after);
  }

  /**
   * Where each of `groups` (consecutive parts of one run of text, e.g. a code's groups) starts on screen,
   * left to right in pixels: what the reader sees, after the browser's bidi reordering.
   */
  async renderedLeftEdges(message: Locator, groups: string[]): Promise<number[]> {
    // Evaluated in the page; the project's TypeScript has no DOM library, hence the loose types.
    return message.locator(".text").evaluate((element, parts: string[]) => {
      const document = element.ownerDocument;
      const walker = document.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
      const whole = parts.join("");
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = String(node.textContent);
        const at = text.indexOf(parts[0]!);
        if (at < 0) continue;
        // The run as written, possibly with isolates or joiners between the groups: find each group in turn.
        const edges: number[] = [];
        let from = at;
        for (const part of parts) {
          const start = text.indexOf(part, from);
          if (start < 0) break;
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + 1);
          edges.push(Number(range.getBoundingClientRect().left));
          from = start + part.length;
        }
        if (edges.length === parts.length) return edges;
      }
      throw new Error(`no text ${whole} in the message`);
    }, groups);
  }

  async replyButtonLabels(): Promise<string[]> {
    return this.page.locator("#reply-keyboard button").allTextContents();
  }

  private messageIds(rows: Locator): Promise<number[]> {
    // Evaluated in the page; the project's TypeScript has no DOM library, so only attributes are read.
    return rows.evaluateAll((elements) => elements.map((element) => Number(element.getAttribute("data-message-id"))));
  }

  private async recentBotTexts(): Promise<string[]> {
    const texts = await this.page
      .locator('#messages .row[data-sender="bot"] .bubble')
      .allTextContents()
      .catch(() => []);
    return texts.slice(-4).map((text) => JSON.stringify(text.slice(0, 200)));
  }
}
