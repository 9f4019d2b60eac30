// Change Data Capture over every entity the app reads back — Invoice, Payment, CreditMemo, Customer, Item, Deposit —
// with voids as updated objects, deletes as {status:"Deleted"}, and the 30-day look-back.
import { describe, expect, it } from "vitest";
import { ACME, admin, buildInvoiceBody, callQbo, getFaultCode, getStatus, mustQbo, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();
const ENTITIES = ["Invoice", "Payment", "CreditMemo", "Customer", "Item", "Deposit"];

function byEntity(res: any): Record<string, any[]> {
  const out: Record<string, any[]> = {};
  for (const block of res.CDCResponse[0].QueryResponse) {
    for (const [key, value] of Object.entries(block)) if (Array.isArray(value)) out[key] = value;
  }
  return out;
}

const row = (rows: any[] | undefined, id: string) => rows?.find((r) => r.Id === id);

describe("change data capture coverage", () => {
  it("returns every change to the six entities: creates, updates, voids (as updates) and deletes", async () => {
    const since = new Date(Date.now() - 1000);
    const qbo = ctx.qbo;
    const inv = await mustQbo(qbo, "createInvoice", buildInvoiceBody("1", 90));
    await mustQbo(qbo, "voidInvoice", { Id: inv.Id, SyncToken: inv.SyncToken });
    const pay = await mustQbo(qbo, "createPayment", { CustomerRef: { value: "2" }, TotalAmt: 100, Line: [{ Amount: 100, LinkedTxn: [{ TxnId: "2", TxnType: "Invoice" }] }] });
    const cm = await mustQbo(qbo, "createCreditMemo", { CustomerRef: { value: "1" }, Line: [{ Amount: 5, DetailType: "SalesItemLineDetail", SalesItemLineDetail: {} }] });
    const gone = await mustQbo(qbo, "createCreditMemo", { CustomerRef: { value: "1" }, Line: [{ Amount: 6, DetailType: "SalesItemLineDetail", SalesItemLineDetail: {} }] });
    await mustQbo(qbo, "deleteCreditMemo", { Id: gone.Id, SyncToken: gone.SyncToken });
    await admin(ctx.emu, "POST", `/realms/${ACME}/customers/6/deactivate`);
    await admin(ctx.emu, "POST", `/realms/${ACME}/items/7`, { UnitPrice: 40 });
    const other = await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/1/payments`, { amount: 10 });
    const deposit = await mustQbo(qbo, "createDeposit", { DepositToAccountRef: { value: "1" }, Line: [{ Amount: 10, LinkedTxn: [{ TxnId: other.Payment.Id, TxnType: "Payment" }] }] });
    await mustQbo(qbo, "deleteDeposit", { Id: deposit.Id, SyncToken: deposit.SyncToken });

    const res = await mustQbo(qbo, "changeDataCapture", ENTITIES, since);
    expect(res.CDCResponse[0].QueryResponse).toHaveLength(6);
    const rows = byEntity(res);
    expect(row(rows.Invoice, inv.Id)).toMatchObject({ TotalAmt: 0, PrivateNote: "Voided", SyncToken: "1" });
    expect(row(rows.Invoice, "2")).toMatchObject({ Balance: 380.5 });
    expect(row(rows.Payment, pay.Id)).toMatchObject({ TotalAmt: 100 });
    expect(row(rows.CreditMemo, cm.Id)).toMatchObject({ TotalAmt: 5, RemainingCredit: 5 });
    expect(row(rows.CreditMemo, gone.Id)).toEqual({ domain: "QBO", status: "Deleted", Id: gone.Id, MetaData: expect.objectContaining({ LastUpdatedTime: expect.any(String) }) });
    expect(row(rows.Customer, "6")).toMatchObject({ Active: false, DisplayName: "Amy's Bird Sanctuary (deleted)" });
    expect(row(rows.Item, "7")).toMatchObject({ UnitPrice: 40 });
    expect(row(rows.Deposit, deposit.Id)).toMatchObject({ status: "Deleted" });
    expect(row(rows.Invoice, "1")).toBeDefined();
    expect(row(rows.Item, "1")).toBeUndefined();
  });

  it("a merge shows both customers and the moved invoices", async () => {
    const since = new Date(Date.now() - 1000);
    await admin(ctx.emu, "POST", `/realms/${ACME}/customers/2/merge`, { into: "4" });
    const rows = byEntity(await mustQbo(ctx.qbo, "changeDataCapture", ["Customer", "Invoice"], since));
    expect(row(rows.Customer, "2")).toMatchObject({ Active: false });
    expect(row(rows.Customer, "4")).toBeDefined();
    expect(rows.Invoice?.map((r) => [r.Id, r.CustomerRef.value])).toEqual([["1", "4"], ["2", "4"]]);
  });

  it("looks back at most 30 days: 29 days answers, 31 days → 400 (6000)", async () => {
    const day = 86_400_000;
    const ok = await mustQbo(ctx.qbo, "changeDataCapture", ["CreditMemo", "Deposit"], new Date(Date.now() - 29 * day));
    expect(ok.CDCResponse[0].QueryResponse).toEqual([{}, {}]);
    const old = await callQbo(ctx.qbo, "changeDataCapture", ["Invoice"], new Date(Date.now() - 31 * day));
    expect(getStatus(old.err)).toBe(400);
    expect(getFaultCode(old.err)).toBe("6000");
  });
});
