// A clock set to a chosen instant, for tests and local trials only: dates in journeys (ages, booking days)
// stay right whatever year the tests run in.
/**
 * Shifts the process clock so that now is `startsAt` (it then runs on at real speed). Every `Date.now()`
 * and `new Date()` of the process sees it, the conversations' recorded clock included.
 */
export function installTestClock(startsAt: Date): void {
  const offset = startsAt.getTime() - Date.now();
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

/** Loopback hosts: a bot talking to one of these is a test or a local trial, never a real deployment. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return false;
  }
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}
