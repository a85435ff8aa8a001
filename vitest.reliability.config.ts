// The reliability runs (npm run test:fuzz, npm run test:faults): bounded, loopback only, not part of `npm test`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/reliability/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    hookTimeout: 300_000,
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
