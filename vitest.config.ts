// Test runner configuration: unit, integration (real PostgreSQL/Redis) and end-to-end (real bot over HTTP).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Files run in parallel; each integration/e2e file gets its own database and Redis key prefix.
    pool: "forks",
    // End-to-end tests drive real processes; on a loaded 2-core machine a journey can take a while.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
