// GET /healthz: whether this instance can reach its database and Redis (for load balancers and probes).
import { Hono } from "hono";

export type HealthCheck = () => Promise<void>;

export function healthRoutes(checks: Record<string, HealthCheck>): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await check();
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
