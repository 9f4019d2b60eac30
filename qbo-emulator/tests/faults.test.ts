// Injected faults: 500/502/503/429, timeouts (hang, delayed 504, commit then hang) and commit_then_fail.
import OAuthClient from "intuit-oauth";
import { describe, expect, it } from "vitest";
import { ACME, admin, BIRCH, buildInvoiceBody, callQbo, connectQbo, createOAuthClient, getFaultBody, getFaultCode, getStatus, mustQbo, rawApi, useTestEmulator } from "./helpers";
import { runConsentFlow } from "./oauth-flow";

const ctx = useTestEmulator();

async function countInvoices(): Promise<number> {
  const { items } = await admin(ctx.emu, "GET", `/realms/${ACME}/entities/Invoice`);
  return items.length;
}

describe("status faults", () => {
  it("answers the next N matching requests with the status, then recovers", async () => {
    await admin(ctx.emu, "POST", "/faults", { method: "POST", path: "/invoice$", status: 500, count: 2 });
    const reads = await callQbo(ctx.qbo, "getPreferences");
    expect(reads.err).toBeFalsy();
    const first = await callQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10));
    expect(getStatus(first.err)).toBe(500);
    expect(getFaultBody(first.err).Fault.type).toBe("SystemFault");
    const second = await callQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10));
    expect(getStatus(second.err)).toBe(500);
    expect(await countInvoices()).toBe(2);
    const third = await callQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10));
    expect(third.err).toBeFalsy();
    expect(await countInvoices()).toBe(3);
  });

  it.each([502, 503])("answers %i like a gateway (HTML body)", async (status) => {
    await admin(ctx.emu, "POST", "/faults", { status });
    const res = await callQbo(ctx.qbo, "getPreferences");
    expect(getStatus(res.err)).toBe(status);
    expect(String(res.err.response.data)).toContain(`${status}`);
  });

  it("injects 429 with fault 3001", async () => {
    await admin(ctx.emu, "POST", "/faults", { status: 429 });
    const res = await callQbo(ctx.qbo, "getPreferences");
    expect(getStatus(res.err)).toBe(429);
    expect(getFaultCode(res.err)).toBe("3001");
  });

  it("matches by realm", async () => {
    await admin(ctx.emu, "POST", "/faults", { realmId: BIRCH, status: 503 });
    expect((await callQbo(ctx.qbo, "getPreferences")).err).toBeFalsy();
    const birch = await connectQbo(ctx.emu, BIRCH);
    expect(getStatus((await callQbo(birch, "getPreferences")).err)).toBe(503);
    expect((await admin(ctx.emu, "GET", "/faults")).faults).toEqual([]);
  });

  it("applies to the token endpoint too (intuit-oauth retries a 503)", async () => {
    const client = createOAuthClient(ctx.emu);
    const uri = client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: "s1" });
    const callback = await runConsentFlow(ctx.emu, uri, ACME);
    await admin(ctx.emu, "DELETE", "/requests");
    await admin(ctx.emu, "POST", "/faults", { path: "^/oauth2/v1/tokens/bearer$", status: 503 });
    await client.createToken(callback);
    expect(client.getToken().access_token).toBeTruthy();
    const { requests } = await admin(ctx.emu, "GET", "/requests");
    const statuses = requests.filter((r: { path: string }) => r.path === "/oauth2/v1/tokens/bearer").map((r: { status: number }) => r.status);
    expect(statuses).toEqual([503, 200]);
  });
});

describe("timeouts", () => {
  it("hangs until the client gives up, without writing", async () => {
    const t = ctx.emu.issueTokens(ACME);
    await admin(ctx.emu, "POST", "/faults", { method: "POST", path: "/invoice$", kind: "timeout" });
    const aborted = await fetch(`${ctx.emu.url}/v3/company/${ACME}/invoice`, {
      method: "POST",
      headers: { Authorization: `Bearer ${t.access_token}`, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(buildInvoiceBody("1", 10)),
      signal: AbortSignal.timeout(300),
    }).then(() => "answered", (e: Error) => e.name);
    expect(aborted).toBe("TimeoutError");
    expect(await countInvoices()).toBe(2);
    expect((await callQbo(ctx.qbo, "getPreferences")).err).toBeFalsy();
  });

  it("with commit: the write happens although the client never gets an answer", async () => {
    const t = ctx.emu.issueTokens(ACME);
    await admin(ctx.emu, "POST", "/faults", { method: "POST", path: "/invoice$", kind: "timeout", commit: true });
    const outcome = await fetch(`${ctx.emu.url}/v3/company/${ACME}/invoice?requestid=ambiguous-1`, {
      method: "POST",
      headers: { Authorization: `Bearer ${t.access_token}`, "Content-Type": "application/json" },
      body: JSON.stringify(buildInvoiceBody("1", 10, { PrivateNote: "marker-77" })),
      signal: AbortSignal.timeout(300),
    }).then(() => "answered", (e: Error) => e.name);
    expect(outcome).toBe("TimeoutError");
    expect(await countInvoices()).toBe(3);
    const retry = await rawApi(ctx.emu, t.access_token, "POST", `/v3/company/${ACME}/invoice?requestid=ambiguous-1`, JSON.stringify(buildInvoiceBody("1", 10, { PrivateNote: "marker-77" })));
    expect(retry.status).toBe(200);
    expect(await countInvoices()).toBe(3);
  });

  it("with delayMs: answers 504 after the delay", async () => {
    await admin(ctx.emu, "POST", "/faults", { kind: "timeout", delayMs: 50 });
    const res = await callQbo(ctx.qbo, "getPreferences");
    expect(getStatus(res.err)).toBe(504);
  });
});

describe("commit_then_fail", () => {
  it("performs the write, answers 502, and a retry with the same requestid gets the original response", async () => {
    await admin(ctx.emu, "POST", "/faults", { method: "POST", path: "/invoice$", kind: "commit_then_fail" });
    const failed = await callQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 64, { requestId: "job-9-invoice" }));
    expect(getStatus(failed.err)).toBe(502);
    expect(await countInvoices()).toBe(3);
    const retried = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 64, { requestId: "job-9-invoice" }));
    expect(retried.TotalAmt).toBe(64);
    expect(await countInvoices()).toBe(3);
    const { requests } = await admin(ctx.emu, "GET", "/requests");
    expect(requests.some((r: { note?: string }) => r.note?.includes("commit_then_fail"))).toBe(true);
  });

  it("rejects an invalid fault rule", async () => {
    const res = await fetch(`${ctx.emu.url}/__emulator/faults`, { method: "POST", body: JSON.stringify({ status: 418 }) });
    expect(res.status).toBe(400);
  });
});
