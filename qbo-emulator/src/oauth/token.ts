// POST /oauth2/v1/tokens/bearer (authorization_code, refresh_token) and POST /oauth2/v1/tokens/revoke.
import type { Emulator } from "../emulator";
import { type EmuRequest, type EmuResponse, buildPlainJson, getHeader, safeDecode } from "../http";
import { buildIntuitTid } from "../ids";
import type { OAuthApp } from "../options";
import { type IssuedTokens, REFRESH_TOKEN_TTL_SECONDS } from "./grants";
import { buildIdToken, isOpenIdScope } from "./openid";

function buildOAuthJson(status: number, body: unknown): EmuResponse {
  return buildPlainJson(status, body, { intuit_tid: buildIntuitTid(), "Cache-Control": "no-store", Pragma: "no-cache" });
}

function buildOAuthError(status: number, error: string, description: string): EmuResponse {
  return buildOAuthJson(status, { error, error_description: description });
}

/** Parses a form or JSON body (intuit-oauth revoke sends JSON; everything else is form-encoded). */
export function parseParams(req: EmuRequest): URLSearchParams {
  const type = getHeader(req, "content-type") ?? "";
  const text = req.rawBody.toString("utf8");
  if (type.includes("application/json")) {
    try {
      const value: unknown = JSON.parse(text || "{}");
      const out = new URLSearchParams();
      if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) if (typeof v === "string") out.set(k, v);
      }
      return out;
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(text);
}

/** Client authentication: HTTP Basic (client_secret_basic) or form fields (client_secret_post). */
export function authenticateClient(emu: Emulator, req: EmuRequest, params: URLSearchParams): OAuthApp | undefined {
  const header = getHeader(req, "authorization") ?? "";
  let id = params.get("client_id") ?? undefined;
  let secret = params.get("client_secret") ?? undefined;
  const m = /^Basic\s+(.+)$/i.exec(header);
  if (m?.[1]) {
    const decoded = Buffer.from(m[1], "base64").toString("utf8");
    const sep = decoded.indexOf(":");
    if (sep < 0) return undefined;
    const rawId = decoded.slice(0, sep);
    const rawSecret = decoded.slice(sep + 1);
    id = safeDecode(rawId) ?? rawId;
    secret = safeDecode(rawSecret) ?? rawSecret;
  }
  const app = emu.findApp(id);
  return app && app.clientSecret === secret ? app : undefined;
}

export function buildTokenJson(emu: Emulator, issued: IssuedTokens, includeHardExpiry: boolean): Record<string, unknown> {
  const nowMs = Date.now();
  return {
    token_type: "bearer",
    expires_in: Math.max(0, Math.round((issued.accessToken.expiresAt - nowMs) / 1000)),
    refresh_token: issued.grant.refreshToken,
    x_refresh_token_expires_in: Math.min(REFRESH_TOKEN_TTL_SECONDS, Math.round((issued.grant.refreshExpiresAt - nowMs) / 1000)),
    ...(includeHardExpiry ? { x_refresh_token_hard_expires_in: Math.round((issued.grant.hardExpiresAt - nowMs) / 1000) } : {}),
    access_token: issued.accessToken.token,
  };
}

/** The code exchange's answer; with the `openid` scope it carries an id_token (refreshes do not). */
function buildCodeExchangeJson(emu: Emulator, issued: IssuedTokens, includeHardExpiry: boolean): Record<string, unknown> {
  const json = buildTokenJson(emu, issued, includeHardExpiry);
  return isOpenIdScope(issued.grant.scope) ? { ...json, id_token: buildIdToken(emu, issued.grant) } : json;
}

export function handleToken(emu: Emulator, req: EmuRequest): EmuResponse {
  const params = parseParams(req);
  const app = authenticateClient(emu, req, params);
  if (!app) return buildOAuthError(401, "invalid_client", "Client authentication failed");
  const includeHard = getHeader(req, "x-include-refresh-token-hard-expires-in") === "true";
  const grantType = params.get("grant_type");
  if (grantType === "authorization_code") {
    const value = params.get("code");
    if (!value) return buildOAuthError(400, "invalid_request", "code is required");
    const code = emu.grants.consumeCode(value);
    if (!code || code.clientId !== app.clientId) return buildOAuthError(400, "invalid_grant", "Invalid authorization code");
    if (params.get("redirect_uri") !== code.redirectUri) return buildOAuthError(400, "invalid_grant", "Redirect URI mismatch");
    const issued = emu.grants.createGrant(app.clientId, code.realmId, code.scope);
    emu.scheduleSave();
    return buildOAuthJson(200, buildCodeExchangeJson(emu, issued, includeHard));
  }
  if (grantType === "refresh_token") {
    const token = params.get("refresh_token");
    if (!token) return buildOAuthError(400, "invalid_request", "refresh_token is required");
    const issued = emu.grants.refresh(token, app.clientId, emu.options.refreshTokenGraceSeconds);
    if (!issued) return buildOAuthError(400, "invalid_grant", "Incorrect or invalid refresh token");
    emu.scheduleSave();
    return buildOAuthJson(200, buildTokenJson(emu, issued, includeHard));
  }
  return buildOAuthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
}

export function handleRevoke(emu: Emulator, req: EmuRequest): EmuResponse {
  const params = parseParams(req);
  const app = authenticateClient(emu, req, params);
  if (!app) return buildOAuthError(401, "invalid_client", "Client authentication failed");
  const token = params.get("token");
  if (!token) return buildOAuthError(400, "invalid_request", "token is required");
  emu.grants.revoke(token, app.clientId);
  emu.scheduleSave();
  return { status: 200, headers: { intuit_tid: buildIntuitTid(), "Content-Length": "0" }, body: "" };
}
