// Throttling (429 / 3001: 10 in flight, per-minute, batch per minute) and requestid replay.
import { describe, expect, it } from "vitest";
import { ACME, admin, buildInvoiceBody, callQbo, connectQbo, getFaultBody, getStatus, mustQbo, rawApi, startTestEmulator, useTestEmulator } from "./helpers";

const ctx = useTestEmulator({
  afterReset: (emu) => admin(emu, "POST", "/config", { limits: { perMinute: 500, concurrent: 10, batchPerMinute: 40 }, latency: { kind: "none" } }),
});

describe("throttling", () => {
  it("answers the 11th concurrent request with 429 and fault 3001", async () => {
    await admin(ctx.emu, "POST", "/config", { latency: { kind: "fixed", ms: 1000 } });
    const results = await Promise.all(Array.from({ length: 11 }, () => callQbo(ctx.qbo, "getPreferences")));
    const throttled = results.filter((r) => getStatus(r.err) === 429);
    const ok = results.filter((r) => !r.err);
    expect(throttled).toHaveLength(1);
    expect(ok).toHaveLength(10);
    const fault = getFaultBody(throttled[0]?.err).Fault;
    expect(fault.Error[0].code).toBe("3001");
    expect(fault.Error[0].Message).toBe("message=ThrottleExceeded; errorCode=003001; statusCode=429");
    expect(fault.type).toBe("SERVICE");
    // Slots are released: the next request goes through.
    expect((await callQbo(ctx.qbo, "getPreferences")).err).toBeFalsy();
  });

  it("enforces the per-minute limit per realm", async () => {
    await admin(ctx.emu, "POST", "/config", { limits: { perMinute: 5 } });
    const results = [];
    for (let i = 0; i < 7; i += 1) results.push(await callQbo(ctx.qbo, "getPreferences"));
    expect(results.slice(0, 5).every((r) => !r.err)).toBe(true);
    expect(results.slice(5).map((r) => getStatus(r.err))).toEqual([429, 429]);
    const other = await connectQbo(ctx.emu, "9130357766900002");
    expect((await callQbo(other, "getPreferences")).err).toBeFalsy();
    const { requests } = await admin(ctx.emu, "GET", "/requests");
    expect(requests.filter((r: { status: number }) => r.status === 429).length).toBe(2);
  });

  it("limits batch requests per minute", async () => {
    await admin(ctx.emu, "POST", "/config", { limits: { batchPerMinute: 2 } });
    const items = [{ bId: "q1", Query: "select count(*) from Item" }];
    expect((await callQbo(ctx.qbo, "batch", items)).err).toBeFalsy();
    expect((await callQbo(ctx.qbo, "batch", items)).err).toBeFalsy();
    expect(getStatus((await callQbo(ctx.qbo, "batch", items)).err)).toBe(429);
    expect((await callQbo(ctx.qbo, "getPreferences")).err).toBeFalsy();
  });

  it("is configurable through startEmulator options", async () => {
    const small = await startTestEmulator({ limits: { perMinute: 1 } });
    try {
      const q = await connectQbo(small, ACME);
      expect((await callQbo(q, "getPreferences")).err).toBeFalsy();
      expect(getStatus((await callQbo(q, "getPreferences")).err)).toBe(429);
    } finally {
      await small.close();
    }
  });
});

describe("requestid", () => {
  it("replays the first response for the same requestid, with one write", async () => {
    const first = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 99, { requestId: "wc-job-42-invoice" }));
    const second = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 99, { requestId: "wc-job-42-invoice" }));
    expect(second.Id).toBe(first.Id);
    expect(second.DocNumber).toBe(first.DocNumber);
    const count = await mustQbo(ctx.qbo, "findInvoices", { count: true });
    expect(count.QueryResponse.totalCount).toBe(3);
    const other = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 99, { requestId: "wc-job-43-invoice" }));
    expect(other.Id).not.toBe(first.Id);
    const { requests } = await admin(ctx.emu, "GET", "/requests");
    expect(requests.some((r: { note?: string }) => r.note === "requestid replay")).toBe(true);
  });

  it("replays an error response too, and is scoped per realm", async () => {
    const t = ctx.emu.issueTokens(ACME);
    const path = `/v3/company/${ACME}/customer?requestid=dup-name-1`;
    const a = await rawApi(ctx.emu, t.access_token, "POST", path, JSON.stringify({ DisplayName: "Xometry" }));
    const b = await rawApi(ctx.emu, t.access_token, "POST", path, JSON.stringify({ DisplayName: "Brand New Name" }));
    expect(a.json.Fault.Error[0].code).toBe("6240");
    expect(b.text).toBe(a.text);
    const birch = ctx.emu.issueTokens("9130357766900002");
    const c = await rawApi(ctx.emu, birch.access_token, "POST", `/v3/company/9130357766900002/customer?requestid=dup-name-1`, JSON.stringify({ DisplayName: "Brand New Name" }));
    expect(c.status).toBe(200);
  });

  it("concurrent requests with the same requestid perform one write", async () => {
    await admin(ctx.emu, "POST", "/config", { latency: { kind: "fixed", ms: 100 } });
    const results = await Promise.all(
      Array.from({ length: 3 }, () => mustQbo(ctx.qbo, "createCustomer", { DisplayName: "Concurrent Customer", requestId: "same-id" })),
    );
    expect(new Set(results.map((r) => r.Id)).size).toBe(1);
  });

  it("rejects a requestid longer than 50 characters", async () => {
    const t = ctx.emu.issueTokens(ACME);
    const res = await rawApi(ctx.emu, t.access_token, "GET", `/v3/company/${ACME}/preferences?requestid=${"x".repeat(51)}`);
    expect(res.status).toBe(400);
    expect(res.json.Fault.Error[0].code).toBe("2050");
  });
});
