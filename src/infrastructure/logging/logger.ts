// Creates the structured (pino) logger; every line passes through the personal-data mask before it is written.
import { createRequire } from "node:module";
import { pino, type DestinationStream, type Logger } from "pino";
import { maskPersonalData } from "./mask-personal-data.js";

export type { Logger } from "pino";

/**
 * A logger whose output never carries unmasked national IDs, phones or birth dates: JSON lines for log
 * collectors, or readable lines when a person watches a terminal (pino-pretty, when it is installed).
 */
export function createLogger(level: string, destination?: DestinationStream | "json" | "auto"): Logger {
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
    typeof destination === "object" ? destination : terminalOrJsonDestination(destination ?? "auto"),
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
  // The conversations plugin rebuilds a failed call's error as `new Error(<object>)`: "[object Object]" says nothing.
  const meaningless = inner instanceof Error && inner.message === "[object Object]";
  if (inner !== undefined && !meaningless) serialized.cause = inner instanceof Error ? serializeError(inner) : String(JSON.stringify(inner) ?? inner);
  return serialized;
}

/** Readable lines on an interactive terminal (format "auto"), JSON lines everywhere else. */
function terminalOrJsonDestination(format: "json" | "auto"): DestinationStream {
  const wantsPretty = format === "auto" && process.stdout.isTTY === true;
  if (wantsPretty) {
    const pretty = loadPinoPretty();
    if (pretty) return pretty({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,service", sync: true });
  }
  return pino.destination({ dest: 1, sync: false });
}

type PrettyFactory = (options: Record<string, unknown>) => DestinationStream;

/** pino-pretty is a development dependency: a production install without it simply logs JSON. */
function loadPinoPretty(): PrettyFactory | undefined {
  try {
    return createRequire(import.meta.url)("pino-pretty") as PrettyFactory;
  } catch {
    return undefined;
  }
}
