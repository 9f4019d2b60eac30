// OpenID Connect: discovery documents (Intuit's shape, endpoints on the emulator), the JWKS, and an id_token that
// intuit-oauth's validateIdToken accepts against the emulator's keys.
import { createPublicKey, verify } from "node:crypto";
import OAuthClient from "intuit-oauth";
import { describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_ID } from "../src/index";
import { ACME, createOAuthClient, useTestEmulator } from "./helpers";
import { runConsentFlow } from "./oauth-flow";

const INTUIT_ISSUER = "https://oauth.platform.intuit.com/op/v1";
const DISCOVERY_PATHS = [
  "/.well-known/openid-configuration",
  "/.well-known/openid_configuration/",
  "/.well-known/openid_sandbox_configuration/",
  "/.well-known/openid_sandbox_configuration",
];

const ctx = useTestEmulator();

async function getJson(path: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${ctx.emu.url}${path}`);
  return { status: res.status, json: await res.json() };
}

function decodeSegment(segment: string | undefined): any {
  return JSON.parse(Buffer.from(segment ?? "", "base64url").toString("utf8"));
}

/** A full code flow through the emulator's pages; returns the connected intuit-oauth client. */
async function connectWithScopes(scope: string[]): Promise<OAuthClient> {
  const client = createOAuthClient(ctx.emu);
  const callback = await runConsentFlow(ctx.emu, client.authorizeUri({ scope, state: "oidc-state" }), ACME);
  await client.createToken(callback);
  return client;
}

describe("discovery", () => {
  it("serves Intuit's discovery document at the standard and Intuit's paths, endpoints on the emulator", async () => {
    for (const path of DISCOVERY_PATHS) {
      const { status, json } = await getJson(path);
      expect(status, path).toBe(200);
      expect(json).toEqual({
        issuer: INTUIT_ISSUER,
        authorization_endpoint: `${ctx.emu.url}/connect/oauth2`,
        token_endpoint: `${ctx.emu.url}/oauth2/v1/tokens/bearer`,
        userinfo_endpoint: `${ctx.emu.url}/v1/openid_connect/userinfo`,
        revocation_endpoint: `${ctx.emu.url}/oauth2/v1/tokens/revoke`,
        jwks_uri: `${ctx.emu.url}/op/v1/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        scopes_supported: ["openid", "email", "profile", "address", "phone"],
        token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
        claims_supported: ["aud", "exp", "iat", "iss", "realmid", "sub"],
      });
    }
  });

  it("publishes one RSA signing key at jwks_uri, the same on every call", async () => {
    const discovery = (await getJson("/.well-known/openid-configuration")).json;
    const first = await fetch(discovery.jwks_uri).then((r) => r.json());
    const second = await fetch(discovery.jwks_uri).then((r) => r.json());
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0]).toMatchObject({ kty: "RSA", e: "AQAB", use: "sig", alg: "RS256" });
    expect(first.keys[0].kid).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(Buffer.from(first.keys[0].n, "base64url").length).toBe(256);
    expect(second).toEqual(first);
  });
});

describe("id_token", () => {
  it("an openid code flow returns an id_token that intuit-oauth validates against the emulator's JWKS", async () => {
    const client = await connectWithScopes([OAuthClient.scopes.Accounting, OAuthClient.scopes.OpenId, OAuthClient.scopes.Email]);
    const idToken = client.getToken().id_token;
    expect(idToken.split(".")).toHaveLength(3);
    const discovery = (await getJson("/.well-known/openid_sandbox_configuration/")).json;
    OAuthClient.jwks_uri = discovery.jwks_uri;
    await expect(client.validateIdToken()).resolves.toBe(true);

    const [header, payload] = idToken.split(".");
    const keys = (await getJson("/op/v1/jwks")).json.keys;
    expect(decodeSegment(header)).toEqual({ alg: "RS256", kid: keys[0].kid });
    const claims = decodeSegment(payload);
    expect(claims).toMatchObject({ iss: INTUIT_ISSUER, aud: [DEFAULT_CLIENT_ID], realmid: ACME });
    expect(claims.exp - claims.iat).toBe(3600);
    expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(60);
    const info = (await client.getUserInfo()).getJson() as { sub: string };
    expect(claims.sub).toBe(info.sub);
  });

  it("a tampered id_token fails the signature check", async () => {
    const client = await connectWithScopes([OAuthClient.scopes.Accounting, OAuthClient.scopes.OpenId]);
    OAuthClient.jwks_uri = `${ctx.emu.url}/op/v1/jwks`;
    const [header, payload, signature] = client.getToken().id_token.split(".");
    const claims = decodeSegment(payload);
    const forged = Buffer.from(JSON.stringify({ ...claims, realmid: "1" })).toString("base64url");
    const key = createPublicKey({ key: (await getJson("/op/v1/jwks")).json.keys[0], format: "jwk" });
    const sig = Buffer.from(signature ?? "", "base64url");
    expect(verify("sha256", Buffer.from(`${header}.${payload}`), key, sig)).toBe(true);
    expect(verify("sha256", Buffer.from(`${header}.${forged}`), key, sig)).toBe(false);
    client.getToken().id_token = `${header}.${forged}.${signature}`;
    await expect(client.validateIdToken()).rejects.toMatchObject({ originalMessage: "invalid signature" });
  });

  it("is issued only when the openid scope was asked for, and not on refresh", async () => {
    const plain = await connectWithScopes([OAuthClient.scopes.Accounting]);
    expect(plain.getToken().access_token).toBeTruthy();
    expect(plain.getToken().id_token).toBe("");
    const oidc = await connectWithScopes([OAuthClient.scopes.Accounting, OAuthClient.scopes.OpenId]);
    const refreshed = (await oidc.refresh()).getJson() as Record<string, unknown>;
    expect(refreshed.access_token).toBeTruthy();
    expect(refreshed.id_token).toBeUndefined();
  });
});
