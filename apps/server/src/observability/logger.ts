import pino, { type DestinationStream, type Logger } from "pino";

/** Keys whose values never reach a log line, at any depth. */
const SECRET_KEYS = new Set([
  "apikey",
  "secret",
  "password",
  "passwordhash",
  "token",
  "encrypted",
  "cookie",
  "set-cookie",
  "authorization",
  "x-mbx-apikey",
  "signature",
]);
const REDACTED = "[redacted]";

function scrub(value: unknown, depth: number): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Error) return { type: value.name, message: value.message };
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : scrub(v, depth + 1);
  }
  return out;
}

/**
 * The server's pino logger. Secrets are removed twice: pino's fast path redaction for the usual
 * request fields, and a recursive scrub of every logged object for nested API keys and secrets.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
        censor: REDACTED,
      },
      formatters: { log: (object) => scrub(object, 0) as Record<string, unknown> },
      serializers: { err: (e: Error) => ({ type: e.name, message: e.message }) },
    },
    destination ?? pino.destination(1),
  );
}
