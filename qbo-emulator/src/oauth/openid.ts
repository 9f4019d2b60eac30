// OpenID Connect: the discovery document (Intuit's shape, endpoints on the emulator), the JWKS, and the id_token
// issued with the `openid` scope.
import type { Emulator } from "../emulator";
import { type EmuRequest, type EmuResponse, buildPlainJson, getHeader } from "../http";
import { SANDBOX_USER } from "../store/seed";

/** Intuit's issuer. Kept as is (not the emulator's URL): intuit-oauth's validateIdToken accepts no other. */
export const INTUIT_ISSUER = "https://oauth.platform.intuit.com/op/v1";
export const JWKS_PATH = "/op/v1/jwks";
/** Where clients look: the OIDC standard path, and Intuit's production and sandbox documents (with or without "/"). */
export const DISCOVERY_PATHS = new Set(
  ["/.well-known/openid-configuration", "/.well-known/openid_configuration", "/.well-known/openid_sandbox_configuration"]
    .flatMap((p) => [p, `${p}/`]),
);
const ID_TOKEN_TTL_SECONDS = 3600;

/** The emulator as the client reached it (its Host header), so the endpoints work from a container too. */
function getPublicBaseUrl(emu: Emulator, req: EmuRequest): string {
  const host = getHeader(req, "host");
  return host && /^[A-Za-z0-9.[\]:-]+$/.test(host) ? `http://${host}` : emu.baseUrl;
}

export function handleDiscovery(emu: Emulator, req: EmuRequest): EmuResponse {
  const base = getPublicBaseUrl(emu, req);
  return buildPlainJson(200, {
    issuer: INTUIT_ISSUER,
    authorization_endpoint: `${base}/connect/oauth2`,
    token_endpoint: `${base}/oauth2/v1/tokens/bearer`,
    userinfo_endpoint: `${base}/v1/openid_connect/userinfo`,
    revocation_endpoint: `${base}/oauth2/v1/tokens/revoke`,
    jwks_uri: `${base}${JWKS_PATH}`,
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "email", "profile", "address", "phone"],
    token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
    claims_supported: ["aud", "exp", "iat", "iss", "realmid", "sub"],
  });
}

export function handleJwks(emu: Emulator): EmuResponse {
  return buildPlainJson(200, emu.signingKey.buildJwks());
}

export function isOpenIdScope(scope: string): boolean {
  return scope.split(" ").includes("openid");
}

/** Intuit's id_token claims: `aud` is an array, `realmid` names the company connected. */
export function buildIdToken(emu: Emulator, grant: { clientId: string; realmId: string; createdAt: number }): string {
  const iat = Math.floor(Date.now() / 1000);
  return emu.signingKey.signJwt({
    sub: SANDBOX_USER.sub,
    aud: [grant.clientId],
    realmid: grant.realmId,
    auth_time: Math.floor(grant.createdAt / 1000),
    iss: INTUIT_ISSUER,
    exp: iat + ID_TOKEN_TTL_SECONDS,
    iat,
  });
}
