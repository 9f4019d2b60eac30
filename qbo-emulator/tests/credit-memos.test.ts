// CreditMemo through node-quickbooks: create/read/find, requestid replay, sparse update (5010), void, delete, send,
// batch; applying a credit to an invoice through a Payment (Intuit's two-line form, TotalAmt = Σ invoices − Σ credits).
import { describe, expect, it } from "vitest";
import {
  ACME, admin, buildInvoiceBody, callQbo, expectStaleObjectFault, getFaultBody, getFaultCode, mustQbo, rawApi, useTestEmulator,
} from "./helpers";

const ctx = useTestEmulator();

function buildCreditMemoBody(customerId: string, amount: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    CustomerRef: { value: customerId },
    PrivateNote: "Workcenter job J-1 · wc:credit-1",
    Line: [{ Amount: amount, DetailType: "SalesItemLineDetail", Description: "Price reduced", SalesItemLineDetail: { ItemRef: { value: "2" } } }],
    ...extra,
  };
}

function link(txnId: string, txnType: "Invoice" | "CreditMemo", amount: number): Record<string, unknown> {
  return { Amount: amount, LinkedTxn: [{ TxnId: txnId, TxnType: txnType }] };
}

describe("credit memos", () => {
  it("creates one (customer, item line, PrivateNote), reads and finds it; the customer's balance drops", async () => {
    const created = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("2", 150));
    expect(created).toMatchObject({
      domain: "QBO", SyncToken: "0", DocNumber: "1003", TotalAmt: 150, Balance: 150, RemainingCredit: 150,
      CustomerRef: { value: "2", name: "Great Lakes Aerospace" }, PrivateNote: "Workcenter job J-1 · wc:credit-1",
      EmailStatus: "NotSet", PrintStatus: "NeedToPrint", CurrencyRef: { value: "USD", name: "United States Dollar" },
    });
    expect(created.Line).toEqual([
      expect.objectContaining({ Id: "1", LineNum: 1, Amount: 150, DetailType: "SalesItemLineDetail", Description: "Price reduced" }),
      { Amount: 150, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} },
    ]);
    expect(created.DueDate).toBeUndefined();
    expect(await mustQbo(ctx.qbo, "getCreditMemo", created.Id)).toEqual(created);
    const found = await mustQbo(ctx.qbo, "findCreditMemos", [{ field: "CustomerRef", value: "2" }]);
    expect(found.QueryResponse.CreditMemo.map((c: any) => c.Id)).toEqual([created.Id]);
    const open = await mustQbo(ctx.qbo, "findCreditMemos", [{ field: "Balance", value: "0", operator: ">" }]);
    expect(open.QueryResponse.CreditMemo).toHaveLength(1);
    const customer = await mustQbo(ctx.qbo, "getCustomer", "2");
    expect(customer.Balance).toBe(1250 + 480.5 - 150);
  });

  it("replays a create sent again with the same requestid, writing one credit memo", async () => {
    const body = () => ({ ...buildCreditMemoBody("1", 40), requestId: "wc-credit-7-1" });
    const first = await mustQbo(ctx.qbo, "createCreditMemo", body());
    const second = await mustQbo(ctx.qbo, "createCreditMemo", body());
    expect(second).toEqual(first);
    const { items } = await admin(ctx.emu, "GET", `/realms/${ACME}/entities/CreditMemo`);
    expect(items.map((c: any) => c.Id)).toEqual([first.Id]);
  });

  it("sparse update with the current SyncToken; a stale one → 5010 with Intuit's Fault shape, nothing written", async () => {
    const cm = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("1", 40));
    const updated = await mustQbo(ctx.qbo, "updateCreditMemo", { Id: cm.Id, SyncToken: cm.SyncToken, PrivateNote: "rev B" });
    expect(updated).toMatchObject({ SyncToken: "1", PrivateNote: "rev B", TotalAmt: 40 });
    const stale = await callQbo(ctx.qbo, "updateCreditMemo", { Id: cm.Id, SyncToken: "0", PrivateNote: "lost" });
    expectStaleObjectFault(stale.err);
    expect((await mustQbo(ctx.qbo, "getCreditMemo", cm.Id)).PrivateNote).toBe("rev B");
  });

  it("voids (updateCreditMemo with void:true, or ?operation=void): amounts 0, Voided prepended, no credit left", async () => {
    const a = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("1", 40));
    const voided = await mustQbo(ctx.qbo, "updateCreditMemo", { Id: a.Id, SyncToken: a.SyncToken, void: true });
    expect(voided).toMatchObject({ TotalAmt: 0, Balance: 0, RemainingCredit: 0, SyncToken: "1", DocNumber: a.DocNumber });
    expect(voided.PrivateNote).toBe("Voided - Workcenter job J-1 · wc:credit-1");
    const again = await callQbo(ctx.qbo, "updateCreditMemo", { Id: a.Id, SyncToken: "1", PrivateNote: "x" });
    expect(getFaultCode(again.err)).toBe("6000");
    const b = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("1", 25, { PrivateNote: undefined }));
    const t = ctx.emu.issueTokens(ACME);
    const raw = await rawApi(ctx.emu, t.access_token, "POST", `/v3/company/${ACME}/creditmemo?operation=void`, JSON.stringify({ Id: b.Id, SyncToken: "0" }));
    expect(raw.json.CreditMemo).toMatchObject({ TotalAmt: 0, PrivateNote: "Voided" });
  });

  it("deletes: {status:Deleted}, then 610", async () => {
    const cm = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("1", 40));
    const res = await mustQbo(ctx.qbo, "deleteCreditMemo", { Id: cm.Id, SyncToken: cm.SyncToken });
    expect(res.CreditMemo).toEqual({ domain: "QBO", status: "Deleted", Id: cm.Id });
    expect(getFaultCode((await callQbo(ctx.qbo, "getCreditMemo", cm.Id)).err)).toBe("610");
  });

  it("sends: EmailStatus EmailSent, DeliveryInfo, BillEmail from sendTo", async () => {
    const cm = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("1", 40));
    const sent = await mustQbo(ctx.qbo, "sendCreditMemoPdf", cm.Id, "ap@xometry.example.com");
    expect(sent).toMatchObject({ EmailStatus: "EmailSent", BillEmail: { Address: "ap@xometry.example.com" }, SyncToken: "1" });
    expect(sent.DeliveryInfo).toEqual({ DeliveryType: "Email", DeliveryTime: expect.stringMatching(/-0[78]:00$/) });
  });

  it("works in a batch (create, query)", async () => {
    const res = await mustQbo(ctx.qbo, "batch", [
      { bId: "c1", operation: "create", CreditMemo: buildCreditMemoBody("1", 12.34) },
      { bId: "q1", Query: "select * from CreditMemo where TotalAmt > '10'" },
    ]);
    expect(res.BatchItemResponse[0].CreditMemo.TotalAmt).toBe(12.34);
    expect(res.BatchItemResponse[1].QueryResponse.CreditMemo).toHaveLength(1);
  });
});

describe("applying a credit memo to an invoice through a Payment", () => {
  it("Intuit's two-line $0 payment: invoice Balance and CreditMemo Balance both drop by the credit", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 300));
    const cm = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("1", 100));
    const p = await mustQbo(ctx.qbo, "createPayment", { CustomerRef: { value: "1" }, TotalAmt: 0, Line: [link(inv.Id, "Invoice", 100), link(cm.Id, "CreditMemo", 100)] });
    expect(p).toMatchObject({ TotalAmt: 0, UnappliedAmt: 0 });
    expect(p.Line.map((l: any) => l.LinkedTxn[0])).toEqual([{ TxnId: inv.Id, TxnType: "Invoice" }, { TxnId: cm.Id, TxnType: "CreditMemo" }]);
    const invAfter = await mustQbo(ctx.qbo, "getInvoice", inv.Id);
    expect(invAfter).toMatchObject({ Balance: 200, SyncToken: "1", LinkedTxn: [{ TxnId: p.Id, TxnType: "Payment" }] });
    const cmAfter = await mustQbo(ctx.qbo, "getCreditMemo", cm.Id);
    expect(cmAfter).toMatchObject({ Balance: 0, RemainingCredit: 0, TotalAmt: 100, SyncToken: "1", LinkedTxn: [{ TxnId: p.Id, TxnType: "Payment" }] });
    // Money and credit together: TotalAmt 50 = 80 applied to the invoice − 30 of credit.
    const inv2 = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 80));
    const cm2 = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("1", 30));
    const mixed = await mustQbo(ctx.qbo, "createPayment", { CustomerRef: { value: "1" }, TotalAmt: 50, Line: [link(inv2.Id, "Invoice", 80), link(cm2.Id, "CreditMemo", 30)] });
    expect(mixed.UnappliedAmt).toBe(0);
    expect((await mustQbo(ctx.qbo, "getInvoice", inv2.Id)).Balance).toBe(0);
    // Deleting the payment gives the credit back and re-opens the invoice.
    await mustQbo(ctx.qbo, "deletePayment", { Id: p.Id, SyncToken: p.SyncToken });
    expect((await mustQbo(ctx.qbo, "getCreditMemo", cm.Id)).Balance).toBe(100);
    expect((await mustQbo(ctx.qbo, "getInvoice", inv.Id)).Balance).toBe(300);
  });

  it("accepts the one-line form (both LinkedTxn in one line)", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 60));
    const cm = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("1", 60));
    const line = { Amount: 60, LinkedTxn: [{ TxnId: inv.Id, TxnType: "Invoice" }, { TxnId: cm.Id, TxnType: "CreditMemo" }] };
    await mustQbo(ctx.qbo, "createPayment", { CustomerRef: { value: "1" }, TotalAmt: 0, Line: [line] });
    expect((await mustQbo(ctx.qbo, "getInvoice", inv.Id)).Balance).toBe(0);
    expect((await mustQbo(ctx.qbo, "getCreditMemo", cm.Id)).Balance).toBe(0);
  });

  it("refuses: more credit than left or than the invoices (6000), another customer's memo (620), voiding an applied memo (6000)", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 300));
    const cm = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("1", 100));
    const body = (credit: number, invoice: number, total = invoice - credit) =>
      ({ CustomerRef: { value: "1" }, TotalAmt: total, Line: [link(inv.Id, "Invoice", invoice), link(cm.Id, "CreditMemo", credit)] });
    expect(getFaultCode((await callQbo(ctx.qbo, "createPayment", body(100.01, 200))).err)).toBe("6000");
    expect(getFaultCode((await callQbo(ctx.qbo, "createPayment", body(100, 50, 0))).err)).toBe("6000");
    const other = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("3", 10));
    const cross = await callQbo(ctx.qbo, "createPayment", { CustomerRef: { value: "1" }, TotalAmt: 0, Line: [link(inv.Id, "Invoice", 10), link(other.Id, "CreditMemo", 10)] });
    expect(getFaultCode(cross.err)).toBe("620");
    const p = await mustQbo(ctx.qbo, "createPayment", body(100, 100, 0));
    const current = await mustQbo(ctx.qbo, "getCreditMemo", cm.Id);
    const refused = await callQbo(ctx.qbo, "updateCreditMemo", { Id: cm.Id, SyncToken: current.SyncToken, void: true });
    expect(getFaultCode(refused.err)).toBe("6000");
    expect(getFaultBody(refused.err).Fault.Error[0].Detail).toContain(`linked to payment ${p.Id}`);
    const shrink = await callQbo(ctx.qbo, "updateCreditMemo", { Id: cm.Id, SyncToken: current.SyncToken, Line: [{ Amount: 50, DetailType: "SalesItemLineDetail", SalesItemLineDetail: {} }] });
    expect(getFaultCode(shrink.err)).toBe("6000");
  });

  it("the company UI voids an applied credit memo: the payment gives up the credit and the invoice re-opens", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 300));
    const cm = await mustQbo(ctx.qbo, "createCreditMemo", buildCreditMemoBody("1", 100));
    const applied = await admin(ctx.emu, "POST", `/realms/${ACME}/invoices/${inv.Id}/apply-credit`, { creditMemoId: cm.Id });
    expect(applied.Payment).toMatchObject({ TotalAmt: 0 });
    expect((await mustQbo(ctx.qbo, "getInvoice", inv.Id)).Balance).toBe(200);
    const res = await fetch(`${ctx.emu.url}/app/${ACME}/credit-memos/${cm.Id}/void`, { method: "POST", redirect: "manual" });
    expect(res.headers.get("location")).toContain("notice=");
    expect((await mustQbo(ctx.qbo, "getInvoice", inv.Id)).Balance).toBe(300);
    const payment = await mustQbo(ctx.qbo, "getPayment", applied.Payment.Id);
    expect(payment).toMatchObject({ TotalAmt: 0, UnappliedAmt: 0, Line: [] });
  });
});
