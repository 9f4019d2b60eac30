// Options accepted by startEmulator, and their defaults.

export interface WebhookConfig {
  url: string;
  verifierToken: string;
  /** Payload format: Intuit's legacy `eventNotifications` (default) or the CloudEvents array. */
  format?: "legacy" | "cloudevents";
}

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  appName: string;
  redirectUris: string[];
  webhook?: WebhookConfig;
}

export type LatencyProfile =
  | { kind: "none" }
  | { kind: "fixed"; ms: number }
  | { kind: "lognormal"; medianMs: number; sigma: number };

export interface Limits {
  /** Requests per minute per realm (Intuit: 500). */
  perMinute: number;
  /** Requests in flight per realm and app (Intuit: 10). */
  concurrent: number;
  /** Batch requests per minute per realm and app (Intuit: 40). */
  batchPerMinute: number;
  /** Batch requests per minute per realm, all apps together (Intuit: 120); never below `batchPerMinute`. */
  batchPerMinuteAllApps: number;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  stateFile?: string;
  apps?: OAuthApp[];
  /** Redirect URIs for the default app when `apps` is not given. */
  redirectUris?: string[];
  accessTokenTtlSeconds?: number;
  refreshTokenGraceSeconds?: number;
  limits?: Partial<Limits>;
  latency?: LatencyProfile | null;
  /** Delay before webhook notifications are delivered (batches events). Default 50 ms. */
  webhookDelayMs?: number;
  /** Multiplies Intuit's retry delays (10 s, 20 s, 30 s, 5 min, …); e.g. 0.001 for tests. Default 1. */
  webhookRetryScale?: number;
  /** A delivery not answered 2xx within this time fails (Intuit: 3 s). Default 3000. */
  webhookTimeoutMs?: number;
  /** While a delivery to an app is failing, its later notifications wait behind it (Intuit). Default true. */
  webhookHoldOnFailure?: boolean;
  /** The webhook operation for a Customer/Item made inactive (Intuit unconfirmed). Default "Delete". */
  deactivationOperation?: "Delete" | "Update";
  quiet?: boolean;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  stateFile: string | undefined;
  apps: OAuthApp[];
  accessTokenTtlSeconds: number;
  refreshTokenGraceSeconds: number;
  limits: Limits;
  latency: LatencyProfile;
  webhookDelayMs: number;
  webhookRetryScale: number;
  webhookTimeoutMs: number;
  webhookHoldOnFailure: boolean;
  deactivationOperation: "Delete" | "Update";
  quiet: boolean;
}

export const DEFAULT_CLIENT_ID = "workcenter-emulator-client";
export const DEFAULT_CLIENT_SECRET = "workcenter-emulator-secret";
export const DEFAULT_APP_NAME = "Workcenter";
export const DEFAULT_REDIRECT_URI = "http://localhost:3000/api/integrations/quickbooks/callback";
export const DEFAULT_LIMITS: Limits = { perMinute: 500, concurrent: 10, batchPerMinute: 40, batchPerMinuteAllApps: 120 };

function getEnvRedirectUris(): string[] | undefined {
  const raw = process.env.EMULATOR_REDIRECT_URIS;
  if (!raw) return undefined;
  const uris = raw.split(",").map((u) => u.trim()).filter(Boolean);
  return uris.length > 0 ? uris : undefined;
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const redirectUris = options.redirectUris ?? getEnvRedirectUris() ?? [DEFAULT_REDIRECT_URI];
  const apps = options.apps && options.apps.length > 0
    ? options.apps
    : [{ clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, appName: DEFAULT_APP_NAME, redirectUris }];
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    stateFile: options.stateFile,
    apps: apps.map((a) => ({ ...a, redirectUris: [...a.redirectUris] })),
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshTokenGraceSeconds: options.refreshTokenGraceSeconds ?? 0,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    latency: options.latency ?? { kind: "none" },
    webhookDelayMs: options.webhookDelayMs ?? 50,
    webhookRetryScale: options.webhookRetryScale ?? 1,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 3000,
    webhookHoldOnFailure: options.webhookHoldOnFailure ?? true,
    deactivationOperation: options.deactivationOperation ?? "Delete",
    quiet: options.quiet ?? false,
  };
}
