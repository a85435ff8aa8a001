// Time source of the local Bot API server, replaceable so tests can pin message dates.

/** Anything that tells the current time: milliseconds since the epoch or a Date (a domain clock fits). */
export interface Clock {
  now(): number | Date;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Telegram dates are whole unix seconds. */
export function unixSeconds(clock: Clock): number {
  const now = clock.now();
  const ms = typeof now === "number" ? now : now.getTime();
  return Math.floor(ms / 1000);
}
