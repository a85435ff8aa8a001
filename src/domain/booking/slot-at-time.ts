// A typed time of day picks a slot: the first one listed that starts then on a Tehran clock.
import type { ClockTime } from "../time/clock-time.js";
import { tehranWallTimeOf } from "../time/tehran-clock.js";

/**
 * The first of `options` (in their order: earliest first, nearer office first) whose start reads `time`
 * on a Tehran clock, or undefined when none does.
 */
export function firstStartingAt<T extends { readonly startsAt: string | Date }>(options: readonly T[], time: ClockTime): T | undefined {
  return options.find((option) => {
    const wall = tehranWallTimeOf(new Date(option.startsAt));
    return wall.hour === time.hour && wall.minute === time.minute;
  });
}
