// Counts updates being handled, so shutdown can wait for them to finish.
import type { MiddlewareFn } from "grammy";

/** Tracks in-flight updates; `drained(ms)` resolves when none remain or the time is up. */
export class InFlightUpdates {
  private count = 0;
  private waiters: Array<() => void> = [];

  readonly middleware: MiddlewareFn = async (_ctx, next) => {
    this.count++;
    try {
      await next();
    } finally {
      this.count--;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  };

  get size(): number {
    return this.count;
  }

  /** Resolves true when every update finished, false when `timeoutMs` passed first. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
