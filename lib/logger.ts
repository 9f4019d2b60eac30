import pino from "pino";

/**
 * Structured logs. Log ids, never payloads: tokens, codes, states, passwords and
 * customer details are redacted wherever they appear by name.
 */
export const logger = pino({
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
    ],
    censor: "[redacted]",
  },
  base: undefined,
});

export function getLogger(module: string) {
  return logger.child({ module });
}
