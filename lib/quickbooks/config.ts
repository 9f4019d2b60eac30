import { z } from "zod";

/** Intuit's endpoints; with QBO_BASE_URL (the emulator) every one lives under that base instead. */
const INTUIT = {
  authorize: "https://appcenter.intuit.com/connect/oauth2",
  token: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
  revoke: "https://developer.api.intuit.com/v2/oauth2/tokens/revoke",
  api: { sandbox: "https://sandbox-quickbooks.api.intuit.com", production: "https://quickbooks.api.intuit.com" },
} as const;

export const QUICKBOOKS_SCOPES = ["com.intuit.quickbooks.accounting"] as const;
export const QUICKBOOKS_MINOR_VERSION = 75;

const ZQuickBooksEnvSchema = z.object({
  QBO_CLIENT_ID: z.string().min(1, "QBO_CLIENT_ID is required"),
  QBO_CLIENT_SECRET: z.string().min(1, "QBO_CLIENT_SECRET is required"),
  QBO_REDIRECT_URI: z.string().url().optional(),
  QBO_ENVIRONMENT: z.enum(["sandbox", "production"]).default("sandbox"),
  QBO_BASE_URL: z.string().url().optional(),
  APP_URL: z.string().url().optional(),
});

export type TQuickBooksConfig = {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  environment: "sandbox" | "production";
  isEmulator: boolean;
  endpoints: { authorize: string; token: string; revoke: string; userInfo: string; apiBase: string };
};

export function getQuickBooksConfig(env: NodeJS.ProcessEnv = process.env): TQuickBooksConfig {
  const parsed = ZQuickBooksEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`QuickBooks is not configured: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  const value = parsed.data;
  const appUrl = value.APP_URL ?? `http://localhost:${env.PORT ?? 3000}`;
  const base = value.QBO_BASE_URL?.replace(/\/$/, "");
  return {
    clientId: value.QBO_CLIENT_ID,
    clientSecret: value.QBO_CLIENT_SECRET,
    redirectUri: value.QBO_REDIRECT_URI ?? `${appUrl}/api/integrations/quickbooks/callback`,
    environment: value.QBO_ENVIRONMENT,
    isEmulator: Boolean(base),
    endpoints: base
      ? {
          authorize: `${base}/connect/oauth2`,
          token: `${base}/oauth2/v1/tokens/bearer`,
          revoke: `${base}/oauth2/v1/tokens/revoke`,
          userInfo: `${base}/v1/openid_connect/userinfo`,
          apiBase: base,
        }
      : { ...INTUIT, userInfo: "https://accounts.platform.intuit.com/v1/openid_connect/userinfo", apiBase: INTUIT.api[value.QBO_ENVIRONMENT] },
  };
}
