import pino from "pino";

/**
 * Structured logs. Log ids, never payloads: tokens, codes, states, passwords and
 * customer details are redacted wherever they appear by name.
 */
/**
 * Errors are logged as type, message, code and stack only: SDK errors carry whole HTTP exchanges
 * (request bodies with refresh tokens, Basic client credentials) that must never reach a log.
 */
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, ...(typeof code === "string" || typeof code === "number" ? { code } : {}), stack: error.stack };
}

export function createLogger(destination?: pino.DestinationStream) {
  return pino({
  serializers: { err: serializeError, error: serializeError },
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: {
    paths: [
      "access_token",
      "refresh_token",
      "*.access_token",
      "*.refresh_token",
      "*.accessToken",
      "*.refreshToken",
      "code",
      "state",
      "*.code",
      "*.state",
      "password",
      "*.password",
      "authorization",
      "*.authorization",
      "headers.cookie",
      "*.headers.cookie",
      "*.config.data",
      "*.config.headers",
      "*.authResponse",
    ],
    censor: "[redacted]",
  },
  base: undefined,
  }, destination);
}

export const logger = createLogger();

export function getLogger(module: string) {
  return logger.child({ module });
}
