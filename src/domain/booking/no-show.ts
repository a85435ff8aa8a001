// The no-show sweep: active appointments whose time passed without check-in become no-shows and bar booking for 3 days.
import type { MissedAppointment } from "./appointment.js";
import { missedIfStartedBefore } from "./booking-policy.js";
import type { BookingDeps } from "./booking-deps.js";

/** How many appointments one store call marks; the sweep repeats until a batch comes back short. */
export const NO_SHOW_BATCH_SIZE = 500;

/**
 * Marks every active appointment that started more than the grace period before `now` (1 hour by
 * default) as a no-show and its application no_show; booking reopens 3 days after each missed start.
 * Meant for a scheduled job: idempotent, and safe when several instances run it together (each
 * appointment is marked by exactly one of them). Returns the appointments it marked, to notify.
 */
export async function sweepNoShows(deps: BookingDeps, request: { readonly now: Date; readonly batchSize?: number }): Promise<MissedAppointment[]> {
  const policy = deps.policy;
  const limit = request.batchSize ?? NO_SHOW_BATCH_SIZE;
  const startedBefore = missedIfStartedBefore(request.now, policy);
  const marked: MissedAppointment[] = [];
  for (;;) {
    const batch = await deps.store.markNoShows({ startedBefore, banMs: policy.noShowBanMs, now: request.now, limit });
    marked.push(...batch);
    if (batch.length < limit) return marked;
  }
}
