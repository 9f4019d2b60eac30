// The OAuth 2.0 code flow, refresh-token rotation, grace mode, revoke — with the real intuit-oauth and node-quickbooks.
import OAuthClient from "intuit-oauth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import { ACME, BIRCH, REDIRECT_URI, admin, callQbo, createOAuthClient, createQbo, getStatus, rawApi, startTestEmulator } from "./helpers";
import { consent, openSignIn, runConsentFlow, signIn } from "./oauth-flow";

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await admin(emu, "POST", "/reset");
  await admin(emu, "POST", "/config", { refreshTokenGraceSeconds: 0 });
});

async function connect(client: OAuthClient, realmId = ACME): Promise<string> {
  const uri = client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: "csrf-state-123" });
  const callback = await runConsentFlow(emu, uri, realmId);
  await client.createToken(callback);
  return callback;
}

describe("authorization code flow", () => {
  it("signs in, shows both companies, redirects with code/state/realmId, and createToken gets tokens", async () => {
    const client = createOAuthClient(emu);
    const uri = client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: "csrf-state-123" });
    expect(uri.startsWith(`${emu.url}/connect/oauth2?`)).toBe(true);
    const page = await openSignIn(uri);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Sign in");
    const consentPage = await signIn(emu, page.flow);
    expect(consentPage.status).toBe(200);
    expect(consentPage.html).toContain("Workcenter");
    expect(consentPage.html).toContain("Acme Precision Machining");
    expect(consentPage.html).toContain("Birch Fabrication");
    const callback = await consent(emu, page.flow, "connect", BIRCH);
    const url = new URL(callback);
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT_URI);
    expect(url.searchParams.get("state")).toBe("csrf-state-123");
    expect(url.searchParams.get("realmId")).toBe(BIRCH);
    expect(url.searchParams.get("code")).toBeTruthy();

    const auth = await client.createToken(callback);
    const token = auth.getJson() as Record<string, unknown>;
    expect(token.token_type).toBe("bearer");
    expect(token.expires_in).toBe(3600);
    expect(token.x_refresh_token_expires_in).toBe(8726400);
    expect(typeof token.access_token).toBe("string");
    expect(String(token.refresh_token)).toMatch(/^RT1-/);
    expect(client.getToken().realmId).toBe(BIRCH);

    const qbo = createQbo(emu, BIRCH, String(token.access_token));
    const { err, data } = await callQbo(qbo, "getCompanyInfo", BIRCH);
    expect(err).toBeFalsy();
    expect(data.CompanyName).toBe("Birch Fabrication");
  });

  it("rejects a wrong password on the sign-in page", async () => {
    const client = createOAuthClient(emu);
    const page = await openSignIn(client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: "s" }));
    const res = await signIn(emu, page.flow, "wrong");
    expect(res.status).toBe(401);
    expect(res.html).toContain("Incorrect email or password");
  });

  it("redirects with error=access_denied when the user cancels", async () => {
    const client = createOAuthClient(emu);
    const page = await openSignIn(client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: "st" }));
    await signIn(emu, page.flow);
    const location = new URL(await consent(emu, page.flow, "cancel"));
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("st");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("refuses unknown clients and unregistered redirect URIs without redirecting", async () => {
    const bad = await fetch(`${emu.url}/connect/oauth2?client_id=nope&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&response_type=code&scope=com.intuit.quickbooks.accounting&state=x`, { redirect: "manual" });
    expect(bad.status).toBe(400);
    const client = createOAuthClient(emu);
    const uri = client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: "x" }).replace(encodeURIComponent(REDIRECT_URI), encodeURIComponent("http://evil.example/cb"));
    const res = await fetch(uri, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });

  it("redirects with invalid_scope / unsupported_response_type / invalid_request (no state)", async () => {
    const base = `${emu.url}/connect/oauth2?client_id=workcenter-emulator-client&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`;
    const scope = await fetch(`${base}&response_type=code&scope=bogus&state=a`, { redirect: "manual" });
    expect(new URL(scope.headers.get("location") ?? "").searchParams.get("error")).toBe("invalid_scope");
    const type = await fetch(`${base}&response_type=token&scope=com.intuit.quickbooks.accounting&state=a`, { redirect: "manual" });
    expect(new URL(type.headers.get("location") ?? "").searchParams.get("error")).toBe("unsupported_response_type");
    const state = await fetch(`${base}&response_type=code&scope=com.intuit.quickbooks.accounting`, { redirect: "manual" });
    expect(new URL(state.headers.get("location") ?? "").searchParams.get("error")).toBe("invalid_request");
  });

  it("accepts an authorization code only once (second exchange → invalid_grant)", async () => {
    const client = createOAuthClient(emu);
    const callback = await connect(client);
    const second = createOAuthClient(emu);
    const err = await second.createToken(callback).then(() => undefined, (e: unknown) => e as Record<string, unknown>);
    expect(err?.error).toBe("invalid_grant");
  });

  it("rejects bad client credentials with invalid_client", async () => {
    const res = await fetch(`${emu.url}/oauth2/v1/tokens/bearer`, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from("workcenter-emulator-client:wrong").toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=refresh_token&refresh_token=x",
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("invalid_client");
  });
});

describe("refresh token rotation", () => {
  it("rotates on every refresh and rejects the superseded refresh token with invalid_grant", async () => {
    const client = createOAuthClient(emu);
    await connect(client);
    const first = client.getToken().refresh_token;
    const firstAccess = client.getToken().access_token;
    await client.refresh();
    const second = client.getToken().refresh_token;
    expect(second).not.toBe(first);
    expect(client.getToken().access_token).not.toBe(firstAccess);
    const err = await client.refreshUsingToken(first).then(() => undefined, (e: unknown) => e as Record<string, unknown>);
    expect(err?.error).toBe("invalid_grant");
    expect(err?.error_description).toBe("Incorrect or invalid refresh token");
    await client.refreshUsingToken(second);
    expect(client.getToken().refresh_token).not.toBe(second);
  });

  it("accepts the previous refresh token within the grace window and returns the current one", async () => {
    await admin(emu, "POST", "/config", { refreshTokenGraceSeconds: 3600 });
    const client = createOAuthClient(emu);
    await connect(client);
    const first = client.getToken().refresh_token;
    await client.refresh();
    const current = client.getToken().refresh_token;
    const other = createOAuthClient(emu);
    await other.refreshUsingToken(first);
    expect(other.getToken().refresh_token).toBe(current);
    expect(other.getToken().access_token).toBeTruthy();
  });

  it("node-quickbooks refreshAccessToken rotates too", async () => {
    const t = emu.issueTokens(ACME);
    const qbo = createQbo(emu, ACME, t.access_token, t.refresh_token);
    const { err, data } = await callQbo(qbo, "refreshAccessToken");
    expect(err).toBeFalsy();
    expect(data.refresh_token).not.toBe(t.refresh_token);
    expect(qbo.refreshToken).toBe(data.refresh_token);
    const again = await callQbo(createQbo(emu, ACME, t.access_token, t.refresh_token), "refreshAccessToken");
    expect(getStatus(again.err)).toBe(400);
    expect(again.err.response.data.error).toBe("invalid_grant");
  });

  it("401 after expire-tokens, then a refresh gets a working access token", async () => {
    const client = createOAuthClient(emu);
    await connect(client);
    const qbo = createQbo(emu, ACME, client.getToken().access_token);
    await admin(emu, "POST", `/realms/${ACME}/expire-tokens`);
    const expired = await callQbo(qbo, "getPreferences");
    expect(getStatus(expired.err)).toBe(401);
    expect(expired.err.response.data.fault.error[0].code).toBe("3200");
    expect(expired.err.response.data.fault.error[0].detail).toContain("Token expired");
    await client.refresh();
    const fresh = await callQbo(createQbo(emu, ACME, client.getToken().access_token), "getPreferences");
    expect(fresh.err).toBeFalsy();
  });

  it("revoke-grant makes the next refresh fail with invalid_grant", async () => {
    const client = createOAuthClient(emu);
    await connect(client);
    await admin(emu, "POST", `/realms/${ACME}/revoke-grant`);
    const err = await client.refresh().then(() => undefined, (e: unknown) => e as Record<string, unknown>);
    expect(err?.error).toBe("invalid_grant");
  });

  it("honours a short access-token lifetime set at run time", async () => {
    await admin(emu, "POST", "/config", { accessTokenTtlSeconds: 120 });
    const t = emu.issueTokens(ACME);
    expect(t.expires_in).toBe(120);
    await admin(emu, "POST", "/config", { accessTokenTtlSeconds: 3600 });
  });
});

describe("revoke", () => {
  it("intuit-oauth revoke (JSON body) kills the refresh and access tokens", async () => {
    const client = createOAuthClient(emu);
    await connect(client);
    const { access_token, refresh_token } = client.getToken();
    await client.revoke({ refresh_token });
    const api = await rawApi(emu, access_token, "GET", `/v3/company/${ACME}/preferences`);
    expect(api.status).toBe(401);
    expect(api.json.fault.error[0].detail).toContain("revoked");
    const err = await client.refreshUsingToken(refresh_token).then(() => undefined, (e: unknown) => e as Record<string, unknown>);
    expect(err?.error).toBe("invalid_grant");
  });

  it("node-quickbooks revokeAccess (form body) returns 200 and revokes", async () => {
    const t = emu.issueTokens(ACME);
    const qbo = createQbo(emu, ACME, t.access_token, t.refresh_token);
    const { err, data } = await callQbo(qbo, "revokeAccess", true);
    expect(err).toBeFalsy();
    expect(data.status).toBe(200);
    const api = await rawApi(emu, t.access_token, "GET", `/v3/company/${ACME}/preferences`);
    expect(api.status).toBe(401);
  });
});

describe("intuit-oauth API helpers", () => {
  it("makeApiCall with a relative URL reaches the emulator; userinfo returns the sandbox user", async () => {
    const client = createOAuthClient(emu);
    await connect(client);
    const res = await client.makeApiCall({ url: `v3/company/${ACME}/companyinfo/${ACME}?minorversion=75` });
    const json = (res as { json: { CompanyInfo: { CompanyName: string } } }).json;
    expect(json.CompanyInfo.CompanyName).toBe("Acme Precision Machining");
    const info = await client.getUserInfo();
    expect((info.getJson() as { email: string }).email).toBe("sandbox@workcenter.test");
  });

  it("makeApiCall surfaces a 400 Fault and a 401", async () => {
    const client = createOAuthClient(emu);
    await connect(client);
    const fault = await client.makeApiCall({ url: `${emu.url}/v3/company/${ACME}/invoice/abc` }).then(() => undefined, (e: unknown) => e as Record<string, any>);
    expect(fault?.code).toBe("2030");
    expect(fault?.fault).toMatchObject({ type: "ValidationFault", errors: [{ code: "2030", message: "Invalid ID" }] });
    await admin(emu, "POST", `/realms/${ACME}/expire-tokens`);
    const unauthorized = await client.makeApiCall({ url: `${emu.url}/v3/company/${ACME}/preferences` }).then(() => undefined, (e: unknown) => e as Record<string, any>);
    expect(String(unauthorized?.code)).toBe("401");
  });
});

describe("request log", () => {
  it("records token calls with grant_type and never token values", async () => {
    await admin(emu, "DELETE", "/requests");
    const client = createOAuthClient(emu);
    await connect(client);
    await client.refresh();
    const { requests } = await admin(emu, "GET", "/requests");
    const tokenCalls = requests.filter((r: { path: string }) => r.path === "/oauth2/v1/tokens/bearer");
    expect(tokenCalls.map((r: { grantType: string }) => r.grantType)).toEqual(["authorization_code", "refresh_token"]);
    const text = JSON.stringify(requests);
    expect(text).not.toContain(client.getToken().refresh_token);
    expect(text).not.toContain(client.getToken().access_token);
    const authorize = requests.find((r: { path: string }) => r.path === "/connect/oauth2");
    expect(authorize.query.state).toBe("csrf-state-123");
  });
});
