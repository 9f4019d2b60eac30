// Lifetimes driven by the clock: authorization codes (5 min), access tokens (expires_in), refresh grace window.
import OAuthClient from "intuit-oauth";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningEmulator } from "../src/index";
import { ACME, admin, createOAuthClient, rawApi, startTestEmulator } from "./helpers";
import { runConsentFlow } from "./oauth-flow";

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the (shared, in-process) clock forward; only Date is faked so sockets and timers keep working. */
function travel(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + ms);
}

describe("clock-driven expiry", () => {
  it("an authorization code older than 5 minutes is rejected with invalid_grant", async () => {
    const client = createOAuthClient(emu);
    const callback = await runConsentFlow(emu, client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: "t1" }), ACME);
    travel(5 * 60_000 + 5_000);
    const err = await client.createToken(callback).then(() => undefined, (e: unknown) => e as Record<string, unknown>);
    expect(err?.error).toBe("invalid_grant");
  });

  it("an access token stops working after expires_in seconds", async () => {
    const tokens = emu.issueTokens(ACME);
    expect((await rawApi(emu, tokens.access_token, "GET", `/v3/company/${ACME}/preferences`)).status).toBe(200);
    travel(3600 * 1000 + 5_000);
    const res = await rawApi(emu, tokens.access_token, "GET", `/v3/company/${ACME}/preferences`);
    expect(res.status).toBe(401);
    expect(res.json.fault.error[0].detail).toContain("Token expired");
  });

  it("the refresh grace window closes", async () => {
    await admin(emu, "POST", "/config", { refreshTokenGraceSeconds: 60 });
    const client = createOAuthClient(emu);
    const callback = await runConsentFlow(emu, client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: "t2" }), ACME);
    await client.createToken(callback);
    const old = client.getToken().refresh_token;
    await client.refresh();
    travel(61_000);
    const other = createOAuthClient(emu);
    const err = await other.refreshUsingToken(old).then(() => undefined, (e: unknown) => e as Record<string, unknown>);
    expect(err?.error).toBe("invalid_grant");
  });
});
