// GET /healthz: whether this instance can reach its database and Redis (for load balancers and probes).
import { Hono } from "hono";

export type HealthCheck = () => Promise<void>;

/** A probe must get an answer fast: a check that has not answered in this time counts as failing. */
export const HEALTH_CHECK_TIMEOUT_MS = 1000;

export function healthRoutes(checks: Record<string, HealthCheck>, timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), timeoutMs);
          return [name, "ok"] as const;
        } catch {
          return [name, "failing"] as const;
        }
      }),
    );
    const healthy = results.every(([, state]) => state === "ok");
    return c.json({ status: healthy ? "ok" : "failing", checks: Object.fromEntries(results) }, healthy ? 200 : 503);
  });
  return app;
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
