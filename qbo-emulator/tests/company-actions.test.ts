// What a person does in QuickBooks (company UI forms and the admin API), each visible through the API and announced
// by a webhook: line amounts, e-mail, payments, voids and deletes, credit memos, customers and items (inactive, merge).
import { describe, expect, it } from "vitest";
import type QuickBooks from "node-quickbooks";
import { ACME, admin, connectQbo, mustQbo } from "./helpers";
import { useWebhookEmulator } from "./webhook-receiver";

const VERIFIER = "company-actions-verifier";
let qbo: QuickBooks;
const ctx = useWebhookEmulator(VERIFIER, { webhookDelayMs: 5 }, async ({ emu }) => {
  qbo = await connectQbo(emu, ACME);
});

/** Submits a company UI form; returns the notice (or fails with the page's error). */
async function submit(path: string, fields: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${ctx.emu.url}/app/${ACME}/${path}`, {
    method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields),
  });
  const location = new URL(res.headers.get("location") ?? "", ctx.emu.url);
  if (res.status !== 303 || !location.searchParams.get("notice")) throw new Error(`${path}: ${res.status} ${location.searchParams.get("error")}`);
  return location.searchParams.get("notice") ?? "";
}

async function expectEvents(...events: string[]): Promise<void> {
  await ctx.receiver.waitFor(() => events.every((e) => ctx.receiver.events().includes(e)));
}

describe("invoices", () => {
  it("UI: changing a line amount updates the invoice (Update webhook); the rate follows the quantity", async () => {
    expect(await submit("invoices/1/edit", { "amount-1": "1,100.00", DocNumber: "1001", PrivateNote: "re-priced" })).toBe("Invoice saved.");
    const inv = await mustQbo(qbo, "getInvoice", "1");
    expect(inv).toMatchObject({ TotalAmt: 1100, Balance: 1100, SyncToken: "1", PrivateNote: "re-priced" });
    expect(inv.Line[0].SalesItemLineDetail).toMatchObject({ Qty: 1, UnitPrice: 1100 });
    await expectEvents("Invoice:1:Update");
  });

  it("admin: amount (the only line) or lines[] change amounts; below the payments applied → 6000", async () => {
    expect((await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2`, { amount: 500 })).Invoice.TotalAmt).toBe(500);
    expect((await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1`, { lines: [{ id: "1", amount: 1000 }] })).Invoice.TotalAmt).toBe(1000);
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/payments`, { amount: 600 });
    const res = await fetch(`${ctx.emu.url}/__emulator/realms/${ACME}/invoices/1`, { method: "POST", body: JSON.stringify({ amount: 500 }) });
    expect(res.status).toBe(400);
    expect((await res.json()).Fault.Error[0].code).toBe("6000");
    await expectEvents("Invoice:2:Update", "Invoice:1:Update", "Payment:3:Create");
  });

  it("UI and admin e-mail the invoice: EmailSent, DeliveryInfo, BillEmail (the customer's address by default), Emailed", async () => {
    expect(await submit("invoices/1/send", {})).toBe("Invoice sent.");
    const inv = await mustQbo(qbo, "getInvoice", "1");
    expect(inv).toMatchObject({ EmailStatus: "EmailSent", BillEmail: { Address: "ap@greatlakesaerospace.example.com" }, SyncToken: "1" });
    expect(inv.DeliveryInfo).toMatchObject({ DeliveryType: "Email" });
    const sent = await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/send`, { sendTo: "billing@example.com" });
    expect(sent.Invoice.BillEmail).toEqual({ Address: "billing@example.com" });
    await expectEvents("Invoice:1:Emailed", "Invoice:2:Emailed");
  });

  it("UI receives a partial payment; admin voids and deletes payments (Payment Create/Void/Delete, invoices Update)", async () => {
    await submit("invoices/1/receive-payment", { amount: "250" });
    expect((await mustQbo(qbo, "getInvoice", "1")).Balance).toBe(1000);
    const second = await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/payments`, {});
    const voided = await admin(ctx.emu, "POST", `/realms/${ACME}/payments/3/void`);
    expect(voided.Payment).toMatchObject({ TotalAmt: 0, PrivateNote: "Voided" });
    expect((await admin(ctx.emu, "POST", `/realms/${ACME}/payments/${second.Payment.Id}/delete`)).Payment.status).toBe("Deleted");
    await expect(submit(`payments/${second.Payment.Id}/delete`)).rejects.toThrow("Object Not Found");
    await expectEvents("Payment:3:Create", "Payment:3:Void", `Payment:${second.Payment.Id}:Delete`, "Invoice:1:Update", "Invoice:2:Update");
  });
});

describe("credit memos", () => {
  it("admin issues, applies, voids and deletes credit memos (CreditMemo Create/Update/Void/Delete)", async () => {
    const { CreditMemo: cm } = await admin(ctx.emu, "POST", `/realms/${ACME}/credit-memos`, { customerId: "2", amount: 80, privateNote: "goodwill" });
    expect(cm).toMatchObject({ TotalAmt: 80, Balance: 80, PrivateNote: "goodwill" });
    await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/apply-credit`, { creditMemoId: cm.Id, amount: 30 });
    expect((await mustQbo(qbo, "getCreditMemo", cm.Id)).Balance).toBe(50);
    expect(await submit("credit-memos/new", { customerId: "2", amount: "12.50", description: "Scrap" })).toBe("Credit memo saved.");
    await admin(ctx.emu, "POST", `/realms/${ACME}/credit-memos/${cm.Id}/void`);
    const del = await admin(ctx.emu, "POST", `/realms/${ACME}/credit-memos/${Number(cm.Id) + 2}/delete`);
    expect(del.CreditMemo.status).toBe("Deleted");
    await expectEvents(`CreditMemo:${cm.Id}:Create`, `CreditMemo:${cm.Id}:Update`, `CreditMemo:${cm.Id}:Void`, `CreditMemo:${Number(cm.Id) + 2}:Delete`);
    const page = await (await fetch(`${ctx.emu.url}/app/${ACME}/credit-memos`)).text();
    expect(page).toContain("Voided");
  });
});

describe("customers and items", () => {
  it("made inactive → Delete webhook (configurable to Update); the record still reads, Active false, name (deleted)", async () => {
    await submit("customers/4/deactivate");
    const c = await mustQbo(qbo, "getCustomer", "4");
    expect(c).toMatchObject({ Active: false, DisplayName: "Summit Automation Inc. (deleted)", SyncToken: "1" });
    await admin(ctx.emu, "POST", `/realms/${ACME}/customers/4/reactivate`);
    await admin(ctx.emu, "POST", "/config", { deactivationOperation: "Update" });
    await admin(ctx.emu, "POST", `/realms/${ACME}/items/6/deactivate`);
    await admin(ctx.emu, "POST", "/config", { deactivationOperation: "Delete" });
    await mustQbo(qbo, "updateItem", { Id: "7", SyncToken: "0", Active: false });
    expect((await mustQbo(qbo, "getItem", "6")).Active).toBe(false);
    await expectEvents("Customer:4:Delete", "Customer:4:Update", "Item:6:Update", "Item:7:Delete");
    expect(ctx.receiver.events()).not.toContain("Item:6:Delete");
  });

  it("edits names and prices (UI and admin) → Update", async () => {
    await submit("customers/3/edit", { DisplayName: "Ridgeline Medical" });
    await admin(ctx.emu, "POST", `/realms/${ACME}/items/5`, { UnitPrice: 175, Name: "Setup" });
    await submit("items/4/edit", { Name: "Tooling & Fixtures", UnitPrice: "12.5" });
    expect((await mustQbo(qbo, "getCustomer", "3")).DisplayName).toBe("Ridgeline Medical");
    expect(await mustQbo(qbo, "getItem", "5")).toMatchObject({ Name: "Setup", UnitPrice: 175 });
    expect(await mustQbo(qbo, "getItem", "4")).toMatchObject({ Name: "Tooling & Fixtures", UnitPrice: 12.5 });
    await expectEvents("Customer:3:Update", "Item:5:Update", "Item:4:Update");
  });

  it("merging a customer moves its invoices to the survivor; one Merge event (id = survivor, deletedId = merged)", async () => {
    expect(await submit("customers/merge", { from: "2", into: "3" })).toBe("Customers merged.");
    const inv = await mustQbo(qbo, "getInvoice", "1");
    expect(inv).toMatchObject({ CustomerRef: { value: "3", name: "Ridgeline Medical Devices" }, SyncToken: "1" });
    expect(await mustQbo(qbo, "getCustomer", "2")).toMatchObject({ Active: false, DisplayName: "Great Lakes Aerospace (deleted)" });
    expect((await mustQbo(qbo, "getCustomer", "3")).Balance).toBe(1730.5);
    await expectEvents("Customer:3:Merge");
    expect(ctx.receiver.events().filter((e) => e.startsWith("Invoice:"))).toEqual([]);
    const maple = await fetch(`${ctx.emu.url}/__emulator/realms/${ACME}/customers/5/merge`, { method: "POST", body: JSON.stringify({ into: "1" }) });
    expect(maple.status).toBe(400);
  });

  it("merging an item re-points invoice lines; the UI pages offer the actions", async () => {
    const res = await admin(ctx.emu, "POST", `/realms/${ACME}/items/3/merge`, { into: "4" });
    expect(res.Item.Id).toBe("4");
    expect(res.mergedAway).toMatchObject({ Id: "3", Active: false });
    expect((await mustQbo(qbo, "getInvoice", "1")).Line[0].SalesItemLineDetail.ItemRef).toEqual({ value: "4", name: "Tooling" });
    await expectEvents("Item:4:Merge");
    const items = await (await fetch(`${ctx.emu.url}/app/${ACME}/items`)).text();
    expect(items).toContain(`action="/app/${ACME}/items/merge"`);
    expect(items).toContain(`action="/app/${ACME}/items/4/deactivate"`);
    const customers = await (await fetch(`${ctx.emu.url}/app/${ACME}/customers`)).text();
    expect(customers).toContain(`action="/app/${ACME}/customers/1/edit"`);
  });
});

describe("deposits", () => {
  it("admin deletes a deposit → Deposit Delete", async () => {
    const paid = await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/2/payments`, {});
    const deposit = await mustQbo(qbo, "createDeposit", {
      DepositToAccountRef: { value: "1" },
      Line: [{ Amount: 480.5, LinkedTxn: [{ TxnId: paid.Payment.Id, TxnType: "Payment", TxnLineId: "0" }] }],
    });
    expect((await admin(ctx.emu, "POST", `/realms/${ACME}/deposits/${deposit.Id}/delete`)).Deposit.status).toBe("Deleted");
    await expectEvents(`Deposit:${deposit.Id}:Create`, `Deposit:${deposit.Id}:Delete`);
  });
});
