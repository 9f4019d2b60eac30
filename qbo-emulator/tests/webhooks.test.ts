// Signed webhooks (legacy eventNotifications) for changes made in the company UI, admin API and Accounting API.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildDepositBody, buildLinkedLine, createUndepositedPayment } from "./deposit-helpers";
import { ACME, BIRCH, admin, buildInvoiceBody, connectQbo, mustQbo } from "./helpers";
import { type ReceivedWebhook, useWebhookEmulator } from "./webhook-receiver";

const VERIFIER = "verifier-token-for-tests";
const ctx = useWebhookEmulator(VERIFIER, { webhookDelayMs: 10 }, async ({ emu }) => {
  await admin(emu, "POST", "/tokens", { realmId: ACME });
});
function waitForDeliveries(count: number): Promise<void> {
  return ctx.receiver.waitFor((all) => all.length >= count);
}

function parse(r: ReceivedWebhook): any {
  return r.body;
}

describe("webhooks", () => {
  it("a void in the company UI is POSTed with a verifiable intuit-signature", async () => {
    const res = await fetch(`${ctx.emu.url}/app/${ACME}/invoices/1/void`, { method: "POST", redirect: "manual" });
    expect(res.status).toBe(303);
    await waitForDeliveries(1);
    const delivery = ctx.receiver.received[0]!;
    const expected = createHmac("sha256", VERIFIER).update(delivery.raw).digest("base64");
    expect(delivery.headers["intuit-signature"]).toBe(expected);
    expect(delivery.headers["content-type"]).toContain("application/json");
    const body = parse(delivery);
    expect(body.eventNotifications).toHaveLength(1);
    expect(body.eventNotifications[0].realmId).toBe(ACME);
    const entities = body.eventNotifications[0].dataChangeEvent.entities;
    expect(entities).toContainEqual(expect.objectContaining({ name: "Invoice", id: "1", operation: "Void" }));
    expect(entities[0].lastUpdated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const wrong = createHmac("sha256", "other-token").update(delivery.raw).digest("base64");
    expect(delivery.headers["intuit-signature"]).not.toBe(wrong);
  });

  it("payments received and deletes through the admin API are notified", async () => {
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/payments`, {});
    await waitForDeliveries(1);
    const names = ctx.receiver.received.flatMap((r) => parse(r).eventNotifications[0].dataChangeEvent.entities.map((e: any) => `${e.name}:${e.operation}`));
    expect(names).toContain("Payment:Create");
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/delete`);
    await waitForDeliveries(2);
    const all = ctx.receiver.received.flatMap((r) => parse(r).eventNotifications[0].dataChangeEvent.entities.map((e: any) => `${e.name}:${e.id}:${e.operation}`));
    expect(all).toContain("Invoice:1:Delete");
  });

  it("edits through the API are notified too", async () => {
    const qbo = await connectQbo(ctx.emu, ACME);
    const inv = await mustQbo(qbo, "createInvoice", buildInvoiceBody("1", 10));
    await waitForDeliveries(1);
    const entities = ctx.receiver.received.flatMap((r) => parse(r).eventNotifications[0].dataChangeEvent.entities);
    expect(entities).toContainEqual(expect.objectContaining({ name: "Invoice", id: inv.Id, operation: "Create" }));
  });

  it("deposits are notified (Create, Update, Delete), with the payments they record and created accounts", async () => {
    const qbo = await connectQbo(ctx.emu, ACME);
    const payment = await createUndepositedPayment(qbo, "1", 80);
    const deposit = await mustQbo(qbo, "createDeposit", buildDepositBody([buildLinkedLine(payment)]));
    const updated = await mustQbo(qbo, "updateDeposit", { Id: deposit.Id, SyncToken: deposit.SyncToken, DepositToAccountRef: { value: "1" }, PrivateNote: "memo" });
    await mustQbo(qbo, "deleteDeposit", { Id: deposit.Id, SyncToken: updated.SyncToken });
    const account = await mustQbo(qbo, "createAccount", { Name: "FastPay Fees", AccountType: "Expense" });
    const expected = ["Create", "Update", "Delete"].map((op) => `Deposit:${deposit.Id}:${op}`).concat(`Payment:${payment.Id}:Update`, `Account:${account.Id}:Create`);
    const seen = (): string[] => ctx.receiver.received.flatMap((r) => parse(r).eventNotifications[0].dataChangeEvent.entities.map((e: any) => `${e.name}:${e.id}:${e.operation}`));
    for (let i = 0; i < 200 && !expected.every((e) => seen().includes(e)); i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(seen()).toEqual(expect.arrayContaining(expected));
  });

  it("sends nothing for a company the app is not connected to", async () => {
    await fetch(`${ctx.emu.url}/app/${BIRCH}/invoices/1/void`, { method: "POST", redirect: "manual" });
    await fetch(`${ctx.emu.url}/app/${ACME}/invoices/2/void`, { method: "POST", redirect: "manual" });
    await waitForDeliveries(1);
    expect(ctx.receiver.received.map((r) => parse(r).eventNotifications[0].realmId)).toEqual([ACME]);
  });

  it("sends CloudEvents when registered with format cloudevents (same signature)", async () => {
    await admin(ctx.emu, "POST", "/webhooks", { url: ctx.receiver.url, verifierToken: VERIFIER, format: "cloudevents" });
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/void`);
    await waitForDeliveries(1);
    const delivery = ctx.receiver.received[0]!;
    expect(delivery.headers["intuit-signature"]).toBe(createHmac("sha256", VERIFIER).update(delivery.raw).digest("base64"));
    const events = parse(delivery);
    expect(Array.isArray(events)).toBe(true);
    expect(events).toContainEqual(
      expect.objectContaining({ specversion: "1.0", type: "qbo.invoice.voided.v1", intuitentityid: "1", intuitaccountid: ACME, datacontenttype: "application/json" }),
    );
  });

  it("records failed deliveries for retry", async () => {
    ctx.receiver.answerNext(500);
    await fetch(`${ctx.emu.url}/app/${ACME}/invoices/1/void`, { method: "POST", redirect: "manual" });
    await waitForDeliveries(1);
    let deliveries: any[] = [];
    for (let i = 0; i < 100 && deliveries[0]?.status !== 500; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      ({ deliveries } = await admin(ctx.emu, "GET", "/webhooks"));
    }
    expect(deliveries[0]).toMatchObject({ status: 500, attempts: 1, error: "HTTP 500" });
  });
});
