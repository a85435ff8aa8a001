// Process entry point: read config (exit with a clear message if it is wrong), start, stop on signals.
import { existsSync } from "node:fs";
import { type AppConfig, ConfigError, loadConfig } from "./config/config.js";
import { startApp } from "./app.js";
import { createLogger } from "./infrastructure/logging/logger.js";
import { installTestClock } from "./config/test-clock.js";

// A .env file is a convenience for local runs; real deployments set the environment itself.
if (existsSync(".env") && process.env.IDCARD_IGNORE_DOTENV !== "1") process.loadEnvFile(".env");

let config: AppConfig;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`${error.message}\nSee .env.example and the README's configuration table.`);
  process.exit(2);
}

// Tests and local trials only (loadConfig refuses it for a real platform).
if (config.testNow) installTestClock(config.testNow);
const logger = createLogger(config.logLevel, config.logFormat);
const starting = startApp(config, logger).then(
  (app) => {
    // The one thing a person trying the bot needs, as a plain line rather than inside a JSON log entry.
    if (config.botApi.kind === "local") process.stderr.write(`\n  try the bot in a browser: ${app.httpUrl}/\n\n`);
    return app;
  },
  (error: unknown) => {
    logger.fatal({ err: error }, "could not start");
    logger.flush();
    process.exit(1);
  },
);

// Registered before start-up finishes, so a signal during start-up also ends in an orderly stop.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "signal received");
    starting
      .then((app) => app.stop())
      .then(
        () => {
          logger.flush();
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
  });
}
