// Launches Debian's Chromium through playwright-core with the flags these machines need (no browser download).
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** From platform.md: headless, no sandbox (root in CI), and nothing that phones home. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Why the browser tests are skipped here, or undefined when they run. Only a developer's machine
 * without Chromium may skip them: in CI (.ci/run installs the package) a missing browser is a failure.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH) || process.env.CI) return undefined;
  return `${CHROMIUM_PATH} is missing (apt-get install -y chromium); CI runs these tests`;
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is required for the browser tests but ${CHROMIUM_PATH} is missing: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}
