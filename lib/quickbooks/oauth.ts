import OAuthClient from "intuit-oauth";
import { z } from "zod";
import { QUICKBOOKS_SCOPES, type TQuickBooksConfig } from "./config";

/**
 * intuit-oauth, pointed at Intuit or the emulator. Its endpoint settings are process-wide
 * statics, set here from the one config every call uses.
 */
function createOAuthClient(config: TQuickBooksConfig): OAuthClient {
  const client = new OAuthClient({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    environment: config.environment,
    redirectUri: config.redirectUri,
    logging: false,
  });
  client.setAuthorizeURLs({
    authorizeEndpoint: config.endpoints.authorize,
    tokenEndpoint: config.endpoints.token,
    revokeEndpoint: config.endpoints.revoke,
    userInfoEndpoint: config.endpoints.userInfo,
  });
  if (config.isEmulator) {
    (OAuthClient as unknown as { environment: Record<string, string> }).environment = {
      sandbox: `${config.endpoints.apiBase}/`,
      production: `${config.endpoints.apiBase}/`,
    };
  }
  return client;
}

/** @link https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0 */
const ZTokenResponseSchema = z.object({
  token_type: z.string(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
  x_refresh_token_expires_in: z.coerce.number().int().positive(),
  x_refresh_token_hard_expires_in: z.coerce.number().int().positive().optional(),
});

export type TTokenSet = {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
  refreshTokenHardExpiresAt: Date | null;
};

function toTokenSet(json: unknown, now = Date.now()): TTokenSet {
  const token = ZTokenResponseSchema.parse(json);
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    accessTokenExpiresAt: new Date(now + token.expires_in * 1000),
    refreshTokenExpiresAt: new Date(now + token.x_refresh_token_expires_in * 1000),
    refreshTokenHardExpiresAt: token.x_refresh_token_hard_expires_in ? new Date(now + token.x_refresh_token_hard_expires_in * 1000) : null,
  };
}

/** The token endpoint's OAuth error (`invalid_grant`, `invalid_client`, …) or null for other failures. */
export function oauthErrorCodeOf(error: unknown): string | null {
  if (!error || typeof error !== "object") return null;
  const record = error as { error?: unknown; authResponse?: { json?: { error?: unknown } }; response?: { data?: { error?: unknown } } };
  const code = record.error ?? record.authResponse?.json?.error ?? record.response?.data?.error;
  return typeof code === "string" ? code : null;
}

export function buildAuthorizeUrl(config: TQuickBooksConfig, state: string): string {
  return createOAuthClient(config).authorizeUri({ scope: [...QUICKBOOKS_SCOPES], state });
}

export async function exchangeAuthorizationCode(config: TQuickBooksConfig, code: string, realmId: string): Promise<TTokenSet> {
  const client = createOAuthClient(config);
  const callback = `${config.redirectUri}?${new URLSearchParams({ code, realmId }).toString()}`;
  const response = await client.createToken(callback);
  return toTokenSet((response as unknown as { json: unknown }).json);
}

export async function refreshTokenSet(config: TQuickBooksConfig, refreshToken: string): Promise<TTokenSet> {
  const client = createOAuthClient(config);
  const response = await client.refreshUsingToken(refreshToken);
  return toTokenSet((response as unknown as { json: unknown }).json);
}

/** Revokes the grant at Intuit (revoking the refresh token ends the whole grant). */
export async function revokeToken(config: TQuickBooksConfig, refreshToken: string): Promise<void> {
  await createOAuthClient(config).revoke({ refresh_token: refreshToken });
}
