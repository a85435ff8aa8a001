// One bot's unconfirmed updates, handed out by getUpdates (long polling) or the webhook pusher.

import type { Update } from "grammy/types";
import type { BotApiError } from "./bot-api-error.js";

export type NewUpdate = Omit<Update, "update_id">;

interface PendingPoll {
  finish(error?: BotApiError): void;
}

/**
 * Updates stay queued until confirmed (getUpdates offset) or delivered (webhook 2xx).
 * update_ids only grow, even across a reset, so a running bot's offset never hides new updates.
 */
export class UpdateQueue {
  private updates: Update[] = [];
  private lastUpdateId = 0;
  private poll: PendingPoll | undefined;

  get size(): number {
    return this.updates.length;
  }

  push(update: NewUpdate): Update {
    const queued = { update_id: ++this.lastUpdateId, ...update } as Update;
    this.updates.push(queued);
    this.poll?.finish();
    return queued;
  }

  /** getUpdates' offset: a positive one confirms all earlier updates, a negative one keeps the last -offset. */
  applyOffset(offset: number): void {
    if (offset > 0) this.updates = this.updates.filter((update) => update.update_id >= offset);
    else if (offset < 0) this.updates = this.updates.slice(offset);
  }

  list(limit = Infinity): Update[] {
    return this.updates.slice(0, limit);
  }

  remove(updateId: number): void {
    this.updates = this.updates.filter((update) => update.update_id !== updateId);
  }

  clear(): void {
    this.updates = [];
  }

  /**
   * Waits until an update is queued, `timeoutMs` passes or `signal` aborts (the client left).
   * Only one poll may wait: another getUpdates or a setWebhook ends it with their 409.
   */
  waitForUpdates(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.updates.length > 0 || timeoutMs <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const poll: PendingPoll = {
        finish: (error) => {
          if (done) return;
          done = true;
          if (this.poll === poll) this.poll = undefined;
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          if (error) reject(error);
          else resolve();
        },
      };
      const onAbort = () => poll.finish();
      const timer = setTimeout(() => poll.finish(), timeoutMs);
      signal?.addEventListener("abort", onAbort);
      this.poll = poll;
    });
  }

  /** Ends the waiting poll, if any: with an error (409 Conflict) or, without one, with what is queued. */
  endPoll(error?: BotApiError): void {
    this.poll?.finish(error);
  }
}
