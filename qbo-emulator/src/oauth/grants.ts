// Authorization codes, grants, access and refresh tokens (rotation on every refresh, optional grace window).
import { now } from "../clock";
import { buildAccessToken, buildAuthCode, buildRefreshToken, randomToken } from "../ids";

export const CODE_TTL_MS = 5 * 60_000;
export const REFRESH_TOKEN_TTL_SECONDS = 8_726_400;
export const REFRESH_TOKEN_HARD_TTL_SECONDS = 5 * 365 * 86_400;
/** Expired access tokens are still recognized ("Token expired") for a day. */
const ACCESS_TOKEN_MEMORY_MS = 86_400_000;

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  realmId: string;
  scope: string;
  expiresAt: number;
  isUsed: boolean;
}

export interface Grant {
  id: string;
  clientId: string;
  realmId: string;
  scope: string;
  createdAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
  hardExpiresAt: number;
  previous: { token: string; supersededAt: number }[];
  isRevoked: boolean;
}

export interface AccessTokenRec {
  token: string;
  grantId: string;
  expiresAt: number;
}

export interface GrantState {
  grants: Record<string, Grant>;
  accessTokens: Record<string, AccessTokenRec>;
}

export interface IssuedTokens {
  grant: Grant;
  accessToken: AccessTokenRec;
}

export type AccessCheck =
  | { ok: true; grant: Grant }
  | { ok: false; reason: "missing" | "invalid" | "expired" | "revoked" };

export class GrantStore {
  private codes = new Map<string, AuthCode>();
  state: GrantState = { grants: {}, accessTokens: {} };

  constructor(private readonly getAccessTtlSeconds: () => number) {}

  issueCode(c: Omit<AuthCode, "code" | "expiresAt" | "isUsed">): AuthCode {
    const code: AuthCode = { ...c, code: buildAuthCode(), expiresAt: now() + CODE_TTL_MS, isUsed: false };
    this.codes.set(code.code, code);
    return code;
  }

  /** A code is single-use: the second exchange (or an expired code) returns undefined. */
  consumeCode(value: string): AuthCode | undefined {
    const code = this.codes.get(value);
    if (!code || code.isUsed || code.expiresAt < now()) return undefined;
    code.isUsed = true;
    return code;
  }

  createGrant(clientId: string, realmId: string, scope: string): IssuedTokens {
    const at = now();
    const grant: Grant = {
      id: randomToken(12), clientId, realmId, scope, createdAt: at, refreshToken: buildRefreshToken(),
      refreshExpiresAt: at + REFRESH_TOKEN_TTL_SECONDS * 1000, hardExpiresAt: at + REFRESH_TOKEN_HARD_TTL_SECONDS * 1000,
      previous: [], isRevoked: false,
    };
    this.state.grants[grant.id] = grant;
    return { grant, accessToken: this.issueAccessToken(grant) };
  }

  issueAccessToken(grant: Grant): AccessTokenRec {
    const rec: AccessTokenRec = { token: buildAccessToken(), grantId: grant.id, expiresAt: now() + this.getAccessTtlSeconds() * 1000 };
    this.state.accessTokens[rec.token] = rec;
    this.pruneAccessTokens();
    return rec;
  }

  /** Forgets access tokens that expired long ago, so the state file does not grow without bound. */
  private pruneAccessTokens(): void {
    const cutoff = now() - ACCESS_TOKEN_MEMORY_MS;
    for (const [token, rec] of Object.entries(this.state.accessTokens)) {
      if (rec.expiresAt < cutoff) delete this.state.accessTokens[token];
    }
  }

  /** Rotates on every refresh; a superseded token is accepted only within the grace window (and gets the current one). */
  refresh(token: string, clientId: string, graceSeconds: number): IssuedTokens | undefined {
    const at = now();
    for (const grant of Object.values(this.state.grants)) {
      if (grant.isRevoked || grant.clientId !== clientId || grant.hardExpiresAt < at) continue;
      if (grant.refreshToken === token) {
        if (grant.refreshExpiresAt < at) return undefined;
        grant.previous.push({ token: grant.refreshToken, supersededAt: at });
        grant.previous = grant.previous.slice(-5);
        grant.refreshToken = buildRefreshToken();
        grant.refreshExpiresAt = at + REFRESH_TOKEN_TTL_SECONDS * 1000;
        return { grant, accessToken: this.issueAccessToken(grant) };
      }
      const old = grant.previous.find((p) => p.token === token);
      if (old && graceSeconds > 0 && at - old.supersededAt <= graceSeconds * 1000) {
        return { grant, accessToken: this.issueAccessToken(grant) };
      }
    }
    return undefined;
  }

  /** Revoking either token of a grant revokes the grant (its access and refresh tokens). */
  revoke(token: string, clientId: string): boolean {
    const access = this.state.accessTokens[token];
    const grant = access
      ? this.state.grants[access.grantId]
      : Object.values(this.state.grants).find((g) => g.refreshToken === token || g.previous.some((p) => p.token === token));
    if (!grant || grant.clientId !== clientId) return false;
    grant.isRevoked = true;
    return true;
  }

  checkAccessToken(token: string | undefined): AccessCheck {
    if (!token) return { ok: false, reason: "missing" };
    const rec = this.state.accessTokens[token];
    const grant = rec ? this.state.grants[rec.grantId] : undefined;
    if (!rec || !grant) return { ok: false, reason: "invalid" };
    if (grant.isRevoked) return { ok: false, reason: "revoked" };
    if (rec.expiresAt <= now()) return { ok: false, reason: "expired" };
    return { ok: true, grant };
  }

  expireAccessTokens(realmId: string): number {
    let count = 0;
    for (const rec of Object.values(this.state.accessTokens)) {
      const grant = this.state.grants[rec.grantId];
      if (grant?.realmId === realmId && rec.expiresAt > now()) {
        rec.expiresAt = now() - 1;
        count += 1;
      }
    }
    return count;
  }

  /** Revokes every live grant of the company (optionally only one app's). */
  revokeRealm(realmId: string, clientId?: string): number {
    let count = 0;
    for (const g of Object.values(this.state.grants)) {
      if (g.realmId === realmId && !g.isRevoked && (clientId === undefined || g.clientId === clientId)) {
        g.isRevoked = true;
        count += 1;
      }
    }
    return count;
  }

  /** Realms with a live grant for the app (webhooks are only sent for connected companies). */
  isConnected(clientId: string, realmId: string): boolean {
    return Object.values(this.state.grants).some((g) => g.clientId === clientId && g.realmId === realmId && !g.isRevoked);
  }

  clear(): void {
    this.codes.clear();
    this.state = { grants: {}, accessTokens: {} };
  }
}
