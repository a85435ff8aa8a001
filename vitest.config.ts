// Test runner configuration: unit, integration (real PostgreSQL/Redis) and end-to-end (real bot over HTTP).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Files run in parallel; each integration/e2e file gets its own database and Redis key prefix.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
