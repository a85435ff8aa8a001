// Test runner configuration: unit, integration (real PostgreSQL/Redis) and end-to-end (real bot over HTTP).
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The reliability runs have their own config and scripts (npm run test:fuzz, npm run test:faults).
    exclude: [...configDefaults.exclude, "tests/reliability/**"],
    // Files run in parallel; each integration/e2e file gets its own database and Redis key prefix.
    pool: "forks",
    // End-to-end tests drive real processes; on a loaded 2-core machine a journey can take a while.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
