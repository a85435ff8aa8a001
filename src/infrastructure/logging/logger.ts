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
      // A GrammyError carries the call's payload (the message text, with names and dates): never logged.
      serializers: { err: serializeError },
      redact: { paths: ["token", "*.token", "secret", "*.secret"], censor: "[secret]" },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** Keys of an error that hold what was sent or received, not what went wrong. */
const BODY_KEYS = new Set(["payload", "body", "text", "caption", "request", "response", "config"]);

/** pino's error serializer, without message bodies, and with a nested cause told as text (not "[object Object]"). */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of Object.keys(serialized)) if (BODY_KEYS.has(key)) delete serialized[key];
  const inner = (error as { error?: unknown }).error ?? error.cause;
  delete serialized.error;
  if (inner !== undefined) serialized.cause = inner instanceof Error ? serializeError(inner) : String(JSON.stringify(inner) ?? inner);
  return serialized;
}
