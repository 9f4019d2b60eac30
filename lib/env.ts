import { z } from "zod";

/** Every environment variable the app reads, validated once. The README lists them. */
const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  XOMETRY_WEBHOOK_SECRET: z.string().min(16, "XOMETRY_WEBHOOK_SECRET must be at least 16 characters"),
  WORKER: z.enum(["on", "off"]).default("on"),
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(5, "SESSION_IDLE_TIMEOUT_MINUTES must be at least 5").max(20_160).default(720),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // Notifications by email (lib/notifications): off without SMTP_URL; blank counts as unset.
  SMTP_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must be an smtp:// or smtps:// URL").optional()),
  MAIL_FROM: z.string().min(3).optional(),
});

export type TEnv = z.infer<typeof ZEnvSchema> & { APP_URL: string };

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  if (cached) return cached;
  const parsed = ZEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${reasons}`);
  }
  cached = { ...parsed.data, APP_URL: parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}` };
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
