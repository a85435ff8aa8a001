// Creates the structured (pino) logger; every line passes through the personal-data mask before it is written.
import { pino, type DestinationStream, type Logger } from "pino";
import { maskPersonalData } from "./mask-personal-data.js";

export type { Logger } from "pino";

/** A JSON-lines logger whose output never carries unmasked national IDs, phones or birth dates. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "smart-id-card-bot" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The mask runs on the serialized line, so nothing a caller logs (messages, errors, objects) escapes it.
      hooks: { streamWrite: maskPersonalData },
      redact: { paths: ["token", "*.token", "secret", "*.secret"], censor: "[secret]" },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
