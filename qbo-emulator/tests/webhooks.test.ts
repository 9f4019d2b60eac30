// Signed webhooks (legacy eventNotifications) for changes made in the company UI, admin API and Accounting API.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import { buildDepositBody, buildLinkedLine, createUndepositedPayment } from "./deposit-helpers";
import { ACME, BIRCH, admin, buildInvoiceBody, connectQbo, mustQbo, startTestEmulator } from "./helpers";

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
}

const VERIFIER = "verifier-token-for-tests";
let emu: RunningEmulator;
let receiver: http.Server;
let receiverUrl: string;
let received: Received[] = [];
let waiters: (() => void)[] = [];
let nextStatus = 200;

function waitForDeliveries(count: number): Promise<void> {
  if (received.length >= count) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => (received.length >= count ? resolve() : waiters.push(check));
    waiters.push(check);
  });
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(nextStatus).end();
      const pending = waiters;
      waiters = [];
      for (const w of pending) w();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/quickbooks`;
  emu = await startTestEmulator({ webhookDelayMs: 10 });
});
afterAll(async () => {
  await emu.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
beforeEach(async () => {
  await admin(emu, "POST", "/reset");
  received = [];
  nextStatus = 200;
  await admin(emu, "POST", "/webhooks", { url: receiverUrl, verifierToken: VERIFIER });
  await admin(emu, "POST", "/tokens", { realmId: ACME });
});

function parse(r: Received): any {
  return JSON.parse(r.raw);
}

describe("webhooks", () => {
  it("a void in the company UI is POSTed with a verifiable intuit-signature", async () => {
    const res = await fetch(`${emu.url}/app/${ACME}/invoices/1/void`, { method: "POST", redirect: "manual" });
    expect(res.status).toBe(303);
    await waitForDeliveries(1);
    const delivery = received[0]!;
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
    await admin(emu, "POST", `/realms/${ACME}/invoices/2/payments`, {});
    await waitForDeliveries(1);
    const names = received.flatMap((r) => parse(r).eventNotifications[0].dataChangeEvent.entities.map((e: any) => `${e.name}:${e.operation}`));
    expect(names).toContain("Payment:Create");
    await admin(emu, "POST", `/realms/${ACME}/invoices/1/delete`);
    await waitForDeliveries(2);
    const all = received.flatMap((r) => parse(r).eventNotifications[0].dataChangeEvent.entities.map((e: any) => `${e.name}:${e.id}:${e.operation}`));
    expect(all).toContain("Invoice:1:Delete");
  });

  it("edits through the API are notified too", async () => {
    const qbo = await connectQbo(emu, ACME);
    const inv = await mustQbo(qbo, "createInvoice", buildInvoiceBody("1", 10));
    await waitForDeliveries(1);
    const entities = received.flatMap((r) => parse(r).eventNotifications[0].dataChangeEvent.entities);
    expect(entities).toContainEqual(expect.objectContaining({ name: "Invoice", id: inv.Id, operation: "Create" }));
  });

  it("deposits are notified (Create, Update, Delete), with the payments they record and created accounts", async () => {
    const qbo = await connectQbo(emu, ACME);
    const payment = await createUndepositedPayment(qbo, "1", 80);
    const deposit = await mustQbo(qbo, "createDeposit", buildDepositBody([buildLinkedLine(payment)]));
    const updated = await mustQbo(qbo, "updateDeposit", { Id: deposit.Id, SyncToken: deposit.SyncToken, DepositToAccountRef: { value: "1" }, PrivateNote: "memo" });
    await mustQbo(qbo, "deleteDeposit", { Id: deposit.Id, SyncToken: updated.SyncToken });
    const account = await mustQbo(qbo, "createAccount", { Name: "FastPay Fees", AccountType: "Expense" });
    const expected = ["Create", "Update", "Delete"].map((op) => `Deposit:${deposit.Id}:${op}`).concat(`Payment:${payment.Id}:Update`, `Account:${account.Id}:Create`);
    const seen = (): string[] => received.flatMap((r) => parse(r).eventNotifications[0].dataChangeEvent.entities.map((e: any) => `${e.name}:${e.id}:${e.operation}`));
    for (let i = 0; i < 200 && !expected.every((e) => seen().includes(e)); i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(seen()).toEqual(expect.arrayContaining(expected));
  });

  it("sends nothing for a company the app is not connected to", async () => {
    await fetch(`${emu.url}/app/${BIRCH}/invoices/1/void`, { method: "POST", redirect: "manual" });
    await fetch(`${emu.url}/app/${ACME}/invoices/2/void`, { method: "POST", redirect: "manual" });
    await waitForDeliveries(1);
    expect(received.map((r) => parse(r).eventNotifications[0].realmId)).toEqual([ACME]);
  });

  it("sends CloudEvents when registered with format cloudevents (same signature)", async () => {
    await admin(emu, "POST", "/webhooks", { url: receiverUrl, verifierToken: VERIFIER, format: "cloudevents" });
    await admin(emu, "POST", `/realms/${ACME}/invoices/1/void`);
    await waitForDeliveries(1);
    const delivery = received[0]!;
    expect(delivery.headers["intuit-signature"]).toBe(createHmac("sha256", VERIFIER).update(delivery.raw).digest("base64"));
    const events = parse(delivery);
    expect(Array.isArray(events)).toBe(true);
    expect(events).toContainEqual(
      expect.objectContaining({ specversion: "1.0", type: "qbo.invoice.voided.v1", intuitentityid: "1", intuitaccountid: ACME, datacontenttype: "application/json" }),
    );
  });

  it("records failed deliveries for retry", async () => {
    nextStatus = 500;
    await fetch(`${emu.url}/app/${ACME}/invoices/1/void`, { method: "POST", redirect: "manual" });
    await waitForDeliveries(1);
    let deliveries: any[] = [];
    for (let i = 0; i < 100 && deliveries[0]?.status !== 500; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      ({ deliveries } = await admin(emu, "GET", "/webhooks"));
    }
    expect(deliveries[0]).toMatchObject({ status: 500, attempts: 1, error: "HTTP 500" });
  });
});
