// Webhook delivery as Intuit does it: both payload formats (exact shapes, signed), retries after a 500 or a timeout on
// the scaled schedule, later notifications held while one fails, dropped deliveries (recovered through CDC).
import { describe, expect, it } from "vitest";
import { ACME, BIRCH, admin, connectQbo, mustQbo } from "./helpers";
import { startWebhookReceiver, useWebhookEmulator } from "./webhook-receiver";

const VERIFIER = "delivery-verifier-token";
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const ctx = useWebhookEmulator(VERIFIER, { webhookDelayMs: 10 }, async ({ emu }) => {
  await admin(emu, "POST", "/config", { webhookRetryScale: 0.001, webhookTimeoutMs: 300, webhookHoldOnFailure: true });
  await admin(emu, "POST", "/tokens", { realmId: ACME });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function getDeliveries(): Promise<any[]> {
  return (await admin(ctx.emu, "GET", "/webhooks")).deliveries;
}

describe("payload formats", () => {
  it("legacy: exactly Intuit's eventNotifications shape, signed; a merge carries deletedId", async () => {
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/void`);
    await ctx.receiver.waitFor((all) => all.length === 1);
    const [first] = ctx.receiver.received;
    expect(first?.isSignatureValid).toBe(true);
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(first?.body).toEqual({
      eventNotifications: [{
        realmId: ACME,
        dataChangeEvent: { entities: [{ name: "Invoice", id: "1", operation: "Void", lastUpdated: expect.stringMatching(ISO_MS) }] },
      }],
    });
    await admin(ctx.emu, "POST", `/realms/${ACME}/customers/2/merge`, { into: "3" });
    await ctx.receiver.waitFor((all) => all.length === 2);
    expect(ctx.receiver.received[1]?.body.eventNotifications[0].dataChangeEvent.entities).toEqual([
      { name: "Customer", id: "3", operation: "Merge", lastUpdated: expect.stringMatching(ISO_MS), deletedId: "2" },
    ]);
  });

  it("CloudEvents: an array of Intuit's events, signed the same way; merged → data.deletedid", async () => {
    await admin(ctx.emu, "POST", "/webhooks", { url: ctx.receiver.url, verifierToken: VERIFIER, format: "cloudevents" });
    await admin(ctx.emu, "POST", `/realms/${ACME}/items/3/merge`, { into: "4" });
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/send`, {});
    await ctx.receiver.waitFor((all) => all.flatMap((r) => r.body).length >= 2);
    expect(ctx.receiver.received.every((r) => r.isSignatureValid)).toBe(true);
    const events = ctx.receiver.received.flatMap((r) => r.body);
    expect(events[0]).toEqual({
      specversion: "1.0", id: expect.stringMatching(/^[0-9a-f-]{36}-Item-4$/), source: expect.stringMatching(/^intuit\./),
      type: "qbo.item.merged.v1", datacontenttype: "application/json", time: expect.stringMatching(ISO_MS),
      intuitentityid: "4", intuitaccountid: ACME, data: { deletedid: "3" },
    });
    expect(events[1]).toMatchObject({ type: "qbo.invoice.emailed.v1", intuitentityid: "2", data: {} });
    expect(new Set(events.map((e: any) => e.id)).size).toBe(events.length);
  });
});

describe("retries", () => {
  it("a 500 is retried with the byte-identical signed body on Intuit's schedule (scaled), then marked delivered", async () => {
    await admin(ctx.emu, "POST", "/config", { webhookRetryScale: 0.01 });
    ctx.receiver.answerNext(500, 500, 503);
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/void`);
    await ctx.receiver.waitFor((all) => all.length === 4, 5000);
    const r = ctx.receiver.received;
    expect(new Set(r.map((x) => x.raw)).size).toBe(1);
    expect(r.every((x) => x.isSignatureValid)).toBe(true);
    // 10 s, 20 s, 30 s scaled by 0.01 (timers never fire early).
    expect(r[1]!.at - r[0]!.at).toBeGreaterThanOrEqual(98);
    expect(r[2]!.at - r[1]!.at).toBeGreaterThanOrEqual(198);
    expect(r[3]!.at - r[2]!.at).toBeGreaterThanOrEqual(298);
    await sleep(20);
    const [delivery] = await getDeliveries();
    expect(delivery).toMatchObject({ attempts: 4, status: 200, state: "delivered", events: ["Invoice:1:Void"], realmId: ACME });
    expect(delivery.verifierToken).toBeUndefined();
  });

  it("a receiver that does not answer within the timeout gets the delivery again", async () => {
    ctx.receiver.answerNext("hang");
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/delete`);
    await ctx.receiver.waitFor((all) => all.length === 2);
    expect(ctx.receiver.received[1]?.raw).toBe(ctx.receiver.received[0]?.raw);
    expect(ctx.receiver.received[1]!.at - ctx.receiver.received[0]!.at).toBeGreaterThanOrEqual(300);
    await sleep(20);
    expect((await getDeliveries())[0]).toMatchObject({ attempts: 2, state: "delivered" });
  });

  it("while a delivery fails, later notifications wait behind it and then arrive in order", async () => {
    await admin(ctx.emu, "POST", "/config", { webhookRetryScale: 0.03 });
    ctx.receiver.answerNext(500);
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/void`);
    await ctx.receiver.waitFor((all) => all.length === 1);
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/delete`);
    await sleep(120);
    expect(ctx.receiver.events()).toEqual(["Invoice:1:Void"]);
    const deliveries = await getDeliveries();
    expect(deliveries.map((d) => d.state)).toEqual(["retrying", "queued"]);
    expect(deliveries[0].nextAttemptAt).toBeTruthy();
    await ctx.receiver.waitFor((all) => all.length === 3);
    expect(ctx.receiver.events()).toEqual(["Invoice:1:Void", "Invoice:1:Void", "Invoice:2:Delete"]);
  });

  it("with webhookHoldOnFailure off, later notifications are not held", async () => {
    await admin(ctx.emu, "POST", "/config", { webhookRetryScale: 1, webhookHoldOnFailure: false });
    ctx.receiver.answerNext(500);
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/void`);
    await ctx.receiver.waitFor((all) => all.length === 1);
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/delete`);
    await ctx.receiver.waitFor((all) => all.length === 2);
    expect(ctx.receiver.events()).toEqual(["Invoice:1:Void", "Invoice:2:Delete"]);
    expect((await admin(ctx.emu, "POST", "/webhooks/retry")).retried).toBe(1);
    await ctx.receiver.waitFor((all) => all.length === 3);
  });

  it("retries follow a re-registered URL; unregistering drops what is pending", async () => {
    const other = await startWebhookReceiver("new-verifier");
    try {
      await admin(ctx.emu, "POST", "/config", { webhookRetryScale: 1 });
      ctx.receiver.answerNext(500);
      await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/void`);
      await ctx.receiver.waitFor((all) => all.length === 1);
      await admin(ctx.emu, "POST", "/webhooks", { url: other.url, verifierToken: "new-verifier" });
      await admin(ctx.emu, "POST", "/webhooks/retry");
      await other.waitFor((all) => all.length === 1);
      expect(other.received[0]).toMatchObject({ raw: ctx.receiver.received[0]?.raw, isSignatureValid: true });
      other.answerNext(500);
      await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/void`);
      await other.waitFor((all) => all.length === 2);
      await admin(ctx.emu, "DELETE", "/webhooks");
      await admin(ctx.emu, "POST", "/webhooks/retry");
      await sleep(20);
      expect((await getDeliveries()).map((d) => d.state)).toEqual(["delivered", "dropped"]);
    } finally {
      await other.close();
    }
  });

  it("POST /webhooks/retry retries failing deliveries now instead of at their time", async () => {
    await admin(ctx.emu, "POST", "/config", { webhookRetryScale: 1 });
    ctx.receiver.answerNext(500);
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/payments`, { amount: 10 });
    await ctx.receiver.waitFor((all) => all.length === 1);
    await sleep(20);
    expect((await admin(ctx.emu, "POST", "/webhooks/retry")).retried).toBe(1);
    await ctx.receiver.waitFor((all) => all.length === 2);
    expect(ctx.receiver.received[1]?.raw).toBe(ctx.receiver.received[0]?.raw);
  });
});

describe("dropped deliveries", () => {
  it("drops the next N deliveries (never sent, never retried); CDC still returns the change", async () => {
    const since = new Date(Date.now() - 1000);
    await admin(ctx.emu, "POST", "/webhooks/drop", { count: 1, realmId: BIRCH });
    const { drop } = await admin(ctx.emu, "POST", "/webhooks/drop", { count: 1 });
    expect(drop).toEqual([{ remaining: 1, realmId: BIRCH }, { remaining: 1 }]);
    await fetch(`${ctx.emu.url}/app/${ACME}/invoices/1/void`, { method: "POST", redirect: "manual" });
    await sleep(100);
    expect(ctx.receiver.received).toHaveLength(0);
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/delete`);
    await ctx.receiver.waitFor((all) => all.length === 1);
    expect(ctx.receiver.events()).toEqual(["Invoice:2:Delete"]);
    const state = await admin(ctx.emu, "GET", "/webhooks");
    expect(state.deliveries.map((d: any) => [d.state, d.attempts, d.events])).toEqual([
      ["dropped", 0, ["Invoice:1:Void"]], ["delivered", 1, ["Invoice:2:Delete"]],
    ]);
    expect(state.drop).toEqual([{ remaining: 1, realmId: BIRCH }]);
    const qbo = await connectQbo(ctx.emu, ACME);
    const cdc = await mustQbo(qbo, "changeDataCapture", ["Invoice"], since);
    const rows = cdc.CDCResponse[0].QueryResponse[0].Invoice;
    expect(rows.find((r: any) => r.Id === "1")).toMatchObject({ TotalAmt: 0, PrivateNote: "Voided" });
    expect(rows.find((r: any) => r.Id === "2")).toMatchObject({ status: "Deleted" });
    await admin(ctx.emu, "DELETE", "/webhooks/drop");
    expect((await admin(ctx.emu, "GET", "/webhooks")).drop).toEqual([]);
  });

  it("config reports the webhook settings; reset clears drop rules", async () => {
    const config = await admin(ctx.emu, "POST", "/config", { webhookTimeoutMs: 3000, deactivationOperation: "Update" });
    expect(config).toMatchObject({ webhookRetryScale: 0.001, webhookTimeoutMs: 3000, webhookHoldOnFailure: true, deactivationOperation: "Update" });
    await admin(ctx.emu, "POST", "/config", { deactivationOperation: "Delete" });
    await admin(ctx.emu, "POST", "/webhooks/drop", { count: 5 });
    await admin(ctx.emu, "POST", "/reset");
    expect((await admin(ctx.emu, "GET", "/webhooks")).drop).toEqual([]);
  });
});
