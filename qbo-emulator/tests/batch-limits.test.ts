// Intuit's batch limits and each item's own outcome, through node-quickbooks' `batch`: ≤ 30 items, 40 batch requests
// a minute per realm + app (each also one of the realm's requests), per-item faults and whole-batch failures.
import { describe, expect, it } from "vitest";
import { DEFAULT_APP_NAME, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "../src/options";
import { ACME, admin, BIRCH, buildInvoiceBody, callQbo, connectQbo, createQbo, getFaultBody, getFaultCode, getStatus, mustQbo, REDIRECT_URI, startTestEmulator, useTestEmulator } from "./helpers";

const ctx = useTestEmulator({
  afterReset: (emu) => admin(emu, "POST", "/config", { limits: { perMinute: 500, concurrent: 10, batchPerMinute: 40 }, latency: { kind: "none" } }),
});

const creates = (n: number, note = "batch") =>
  Array.from({ length: n }, (_, i) => ({ bId: `b${i}`, operation: "create", Invoice: buildInvoiceBody("1", 10 + i, { PrivateNote: `${note} ${i}` }) }));

async function countInvoices(note: string): Promise<number> {
  const res = await mustQbo(ctx.qbo, "findInvoices", [{ field: "TxnDate", value: "2000-01-01", operator: ">" }, { field: "limit", value: 1000 }]);
  return (res.QueryResponse.Invoice ?? []).filter((invoice: { PrivateNote?: string }) => invoice.PrivateNote?.startsWith(note)).length;
}

async function loggedBatches() {
  const { requests } = await admin(ctx.emu, "GET", "/requests");
  return requests.filter((r: { path: string }) => r.path.endsWith("/batch"));
}

describe("batch limits", () => {
  it("takes 30 creates in one request and refuses 31 with the documented fault, writing nothing", async () => {
    const thirty = await mustQbo(ctx.qbo, "batch", creates(30, "thirty"));
    expect(thirty.BatchItemResponse.map((r: { bId: string; Invoice?: unknown }) => [r.bId, Boolean(r.Invoice)])).toEqual(creates(30).map((c) => [c.bId, true]));
    const { err } = await callQbo(ctx.qbo, "batch", creates(31, "thirty-one"));
    expect(getStatus(err)).toBe(400);
    expect(getFaultCode(err)).toBe("6000");
    expect(getFaultBody(err).Fault.Error[0].Detail).toContain("maximum number of batch items in a single request is 30");
    expect(await countInvoices("thirty-one")).toBe(0);
    expect((await loggedBatches()).map((r: { batchItems?: number; status: number }) => [r.batchItems, r.status])).toEqual([[30, 200], [31, 400]]);
  });

  it("answers the 41st batch request in a minute with 429 / 3001, per realm and app; single requests still pass", async () => {
    const query = [{ bId: "q", Query: "select count(*) from Item" }];
    for (let i = 0; i < 40; i += 1) expect((await callQbo(ctx.qbo, "batch", query)).err).toBeFalsy();
    const throttled = await callQbo(ctx.qbo, "batch", query);
    expect(getStatus(throttled.err)).toBe(429);
    expect(getFaultCode(throttled.err)).toBe("3001");
    expect((await callQbo(ctx.qbo, "getPreferences")).err).toBeFalsy();
    expect((await callQbo(await connectQbo(ctx.emu, BIRCH), "batch", query)).err).toBeFalsy();
    const { requests } = await admin(ctx.emu, "GET", "/requests");
    expect(requests.filter((r: { note?: string }) => r.note === "throttled (batchPerMinute)")).toHaveLength(1);
  });

  it("limits a company's batch requests of all apps together (Intuit: 120 a minute) besides each app's", async () => {
    const app = (clientId: string) => ({ clientId, clientSecret: DEFAULT_CLIENT_SECRET, appName: DEFAULT_APP_NAME, redirectUris: [REDIRECT_URI] });
    const emu = await startTestEmulator({ apps: [app(DEFAULT_CLIENT_ID), app("second-app")], limits: { batchPerMinute: 3, batchPerMinuteAllApps: 4 } });
    try {
      const first = await connectQbo(emu);
      const second = createQbo(emu, ACME, emu.issueTokens(ACME, "second-app").access_token);
      const query = [{ bId: "q", Query: "select count(*) from Item" }];
      const statuses = async (qbo: typeof first, n: number) => {
        const seen: number[] = [];
        for (let i = 0; i < n; i += 1) seen.push(getStatus((await callQbo(qbo, "batch", query)).err) ?? 200);
        return seen;
      };
      expect(await statuses(first, 4)).toEqual([200, 200, 200, 429]);
      expect(await statuses(second, 2)).toEqual([200, 429]);
      const { requests } = await admin(emu, "GET", "/requests");
      expect(requests.map((r: { note?: string }) => r.note).filter(Boolean)).toEqual(["throttled (batchPerMinute)", "throttled (batchPerMinuteAllApps)"]);
    } finally {
      await emu.close();
    }
  });

  it("counts each batch request as one of the realm's requests per minute", async () => {
    await admin(ctx.emu, "POST", "/config", { limits: { perMinute: 3 } });
    expect((await callQbo(ctx.qbo, "batch", creates(30, "budget"))).err).toBeFalsy();
    expect((await callQbo(ctx.qbo, "getPreferences")).err).toBeFalsy();
    expect((await callQbo(ctx.qbo, "batch", creates(2, "budget-2"))).err).toBeFalsy();
    expect(getStatus((await callQbo(ctx.qbo, "getPreferences")).err)).toBe(429);
    await admin(ctx.emu, "POST", "/config", { limits: { perMinute: 500 } });
    expect(await countInvoices("budget")).toBe(32);
  });
});

describe("batch items, each on its own", () => {
  it("an injected item fault answers for that item only; the others are written", async () => {
    await admin(ctx.emu, "POST", "/faults", { kind: "batch_item", bId: "b1" });
    await admin(ctx.emu, "POST", "/faults", { kind: "batch_item", bId: "b2", code: "6000" });
    const res = await mustQbo(ctx.qbo, "batch", creates(4, "items"));
    const [b0, b1, b2, b3] = res.BatchItemResponse;
    expect(b0.Invoice.Id).toBeTruthy();
    expect(b1.Fault).toMatchObject({ type: "SystemFault", Error: [{ code: "10000" }] });
    expect(b2.Fault).toMatchObject({ type: "ValidationFault", Error: [{ code: "6000" }] });
    expect(b3.Invoice.Id).toBeTruthy();
    expect(await countInvoices("items")).toBe(2);
  });

  it("an item fault with commit writes the item, then answers the fault (an outcome the client cannot see)", async () => {
    await admin(ctx.emu, "POST", "/faults", { kind: "batch_item", bId: "b0", commit: true });
    const res = await mustQbo(ctx.qbo, "batch", creates(2, "ambiguous"));
    expect(res.BatchItemResponse[0].Fault.Error[0].code).toBe("10000");
    expect(await countInvoices("ambiguous")).toBe(2);
  });

  it("a real item fault (unknown customer) leaves the rest of the batch written", async () => {
    const items = creates(3, "partial");
    items[1]!.Invoice = buildInvoiceBody("999999", 5, { PrivateNote: "partial x" });
    const res = await mustQbo(ctx.qbo, "batch", items);
    expect(res.BatchItemResponse[1].Fault.Error[0].code).toBe("2500");
    expect(await countInvoices("partial")).toBe(2);
  });

  it("item rules leave whole requests alone, and request rules leave items alone", async () => {
    await admin(ctx.emu, "POST", "/faults", { kind: "batch_item", realmId: BIRCH });
    expect((await mustQbo(ctx.qbo, "batch", creates(1, "untouched"))).BatchItemResponse[0].Invoice).toBeTruthy();
    expect((await callQbo(ctx.qbo, "getPreferences")).err).toBeFalsy();
    const { faults } = await admin(ctx.emu, "GET", "/faults");
    expect(faults).toHaveLength(1);
  });
});

describe("whole-batch failures", () => {
  it("5xx: nothing written", async () => {
    await admin(ctx.emu, "POST", "/faults", { path: "/batch$", status: 503 });
    expect(getStatus((await callQbo(ctx.qbo, "batch", creates(5, "down"))).err)).toBe(503);
    expect(await countInvoices("down")).toBe(0);
  });

  it("commit then fail: every item written, the client sees a 502", async () => {
    await admin(ctx.emu, "POST", "/faults", { path: "/batch$", kind: "commit_then_fail" });
    expect(getStatus((await callQbo(ctx.qbo, "batch", creates(5, "committed"))).err)).toBe(502);
    expect(await countInvoices("committed")).toBe(5);
  });
});

it("keeps ACME's realm id in the log of batch requests", async () => {
  await mustQbo(ctx.qbo, "batch", creates(1, "logged"));
  expect((await loggedBatches())[0]).toMatchObject({ realmId: ACME, batchItems: 1, status: 200 });
});
