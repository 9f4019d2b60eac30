// Payments linking invoices: balances, 620 cross-customer, over-application, void/delete restore, multi-currency.
import { describe, expect, it } from "vitest";
import { ACME, buildInvoiceBody, callQbo, getFaultBody, getFaultCode, mustQbo, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

function paymentBody(customerId: string, total: number, lines: [string, number][]): Record<string, unknown> {
  return {
    CustomerRef: { value: customerId },
    TotalAmt: total,
    Line: lines.map(([id, amount]) => ({ Amount: amount, LinkedTxn: [{ TxnId: id, TxnType: "Invoice" }] })),
  };
}

describe("payments", () => {
  it("links two invoices and brings both balances to 0", async () => {
    const a = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 100));
    const b = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 250.5));
    const before = await mustQbo(ctx.qbo, "getCustomer", "1");
    expect(before.Balance).toBe(350.5);
    const payment = await mustQbo(ctx.qbo, "createPayment", paymentBody("1", 350.5, [[a.Id, 100], [b.Id, 250.5]]));
    expect(payment.TotalAmt).toBe(350.5);
    expect(payment.UnappliedAmt).toBe(0);
    expect(payment.DepositToAccountRef.name).toBe("Undeposited Funds");
    expect(payment.Line).toHaveLength(2);
    expect(payment.Line[0].LinkedTxn).toEqual([{ TxnId: a.Id, TxnType: "Invoice" }]);
    const names = payment.Line[0].LineEx.any.map((x: { value: { Name: string } }) => x.value.Name);
    expect(names).toEqual(["txnId", "txnOpenBalance", "txnReferenceNumber"]);
    const paidA = await mustQbo(ctx.qbo, "getInvoice", a.Id);
    const paidB = await mustQbo(ctx.qbo, "getInvoice", b.Id);
    expect(paidA.Balance).toBe(0);
    expect(paidB.Balance).toBe(0);
    expect(paidA.LinkedTxn).toEqual([{ TxnId: payment.Id, TxnType: "Payment" }]);
    expect(Number(paidA.SyncToken)).toBeGreaterThan(Number(a.SyncToken));
    expect((await mustQbo(ctx.qbo, "getCustomer", "1")).Balance).toBe(0);
  });

  it("leaves the remainder unapplied and supports partial payment", async () => {
    const a = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 100));
    const p = await mustQbo(ctx.qbo, "createPayment", paymentBody("1", 65, [[a.Id, 55]]));
    expect(p.UnappliedAmt).toBe(10);
    expect((await mustQbo(ctx.qbo, "getInvoice", a.Id)).Balance).toBe(45);
  });

  it("rejects linking another customer's invoice with 620", async () => {
    const other = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("2", 100));
    const { err } = await callQbo(ctx.qbo, "createPayment", paymentBody("1", 100, [[other.Id, 100]]));
    expect(getFaultCode(err)).toBe("620");
    expect(getFaultBody(err).Fault.Error[0].element).toBe("Payment.Line.LinkedTxn.TxnId");
    expect((await mustQbo(ctx.qbo, "getInvoice", other.Id)).Balance).toBe(100);
  });

  it("rejects over-application of an invoice and lines exceeding TotalAmt (6000)", async () => {
    const a = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 100));
    const over = await callQbo(ctx.qbo, "createPayment", paymentBody("1", 150, [[a.Id, 150]]));
    expect(getFaultCode(over.err)).toBe("6000");
    const tooMuch = await callQbo(ctx.qbo, "createPayment", paymentBody("1", 50, [[a.Id, 80]]));
    expect(getFaultCode(tooMuch.err)).toBe("6000");
    await mustQbo(ctx.qbo, "createPayment", paymentBody("1", 60, [[a.Id, 60]]));
    const second = await callQbo(ctx.qbo, "createPayment", paymentBody("1", 50, [[a.Id, 50]]));
    expect(getFaultCode(second.err)).toBe("6000");
    expect((await mustQbo(ctx.qbo, "getInvoice", a.Id)).Balance).toBe(40);
  });

  it("links to a deleted invoice → 610, a voided one → 620", async () => {
    const del = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10));
    await mustQbo(ctx.qbo, "deleteInvoice", { Id: del.Id, SyncToken: del.SyncToken });
    const deleted = await callQbo(ctx.qbo, "createPayment", paymentBody("1", 10, [[del.Id, 10]]));
    expect(getFaultCode(deleted.err)).toBe("610");
    const voi = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 10));
    await mustQbo(ctx.qbo, "voidInvoice", { Id: voi.Id, SyncToken: voi.SyncToken });
    const voided = await callQbo(ctx.qbo, "createPayment", paymentBody("1", 10, [[voi.Id, 10]]));
    expect(getFaultCode(voided.err)).toBe("620");
  });

  it("requires TotalAmt and CustomerRef (2020)", async () => {
    const noTotal = await callQbo(ctx.qbo, "createPayment", { CustomerRef: { value: "1" } });
    expect(getFaultCode(noTotal.err)).toBe("2020");
    const noCustomer = await callQbo(ctx.qbo, "createPayment", { TotalAmt: 5 });
    expect(getFaultCode(noCustomer.err)).toBe("2020");
  });

  it("voiding the payment restores the invoice balance", async () => {
    const a = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 100));
    const p = await mustQbo(ctx.qbo, "createPayment", paymentBody("1", 100, [[a.Id, 100]]));
    const voided = await mustQbo(ctx.qbo, "voidPayment", { Id: p.Id, SyncToken: p.SyncToken });
    expect(voided.TotalAmt).toBe(0);
    expect(voided.Line).toEqual([]);
    expect(voided.PrivateNote).toBe("Voided");
    const inv = await mustQbo(ctx.qbo, "getInvoice", a.Id);
    expect(inv.Balance).toBe(100);
    expect(inv.LinkedTxn).toEqual([]);
  });

  it("deleting the payment restores the invoice balance", async () => {
    const a = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 100));
    const p = await mustQbo(ctx.qbo, "createPayment", paymentBody("1", 100, [[a.Id, 100]]));
    await mustQbo(ctx.qbo, "deletePayment", { Id: p.Id, SyncToken: p.SyncToken });
    expect((await mustQbo(ctx.qbo, "getInvoice", a.Id)).Balance).toBe(100);
    expect(getFaultCode((await callQbo(ctx.qbo, "getPayment", p.Id)).err)).toBe("610");
  });

  it("a sparse update with Line replaces the allocations (re-opening the old invoice)", async () => {
    const a = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 100));
    const b = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 100));
    const p = await mustQbo(ctx.qbo, "createPayment", paymentBody("1", 100, [[a.Id, 100]]));
    const updated = await mustQbo(ctx.qbo, "updatePayment", { Id: p.Id, SyncToken: p.SyncToken, Line: [{ Amount: 100, LinkedTxn: [{ TxnId: b.Id, TxnType: "Invoice" }] }] });
    expect(updated.SyncToken).toBe("1");
    expect((await mustQbo(ctx.qbo, "getInvoice", a.Id)).Balance).toBe(100);
    expect((await mustQbo(ctx.qbo, "getInvoice", b.Id)).Balance).toBe(0);
  });

  it("a paid invoice can't be voided or deleted through the API (6000); voided in the company UI, its payment is unlinked", async () => {
    const a = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody("1", 100));
    const p = await mustQbo(ctx.qbo, "createPayment", paymentBody("1", 100, [[a.Id, 100]]));
    const fresh = await mustQbo(ctx.qbo, "getInvoice", a.Id);
    for (const method of ["voidInvoice", "deleteInvoice"]) {
      const refused = await callQbo(ctx.qbo, method, { Id: a.Id, SyncToken: fresh.SyncToken });
      expect(getFaultCode(refused.err)).toBe("6000");
      expect(getFaultBody(refused.err).Fault.Error[0].Detail).toContain(`linked to payment ${p.Id}`);
    }
    expect((await mustQbo(ctx.qbo, "getInvoice", a.Id)).SyncToken).toBe(fresh.SyncToken);
    const res = await fetch(`${ctx.emu.url}/app/${ACME}/invoices/${a.Id}/void`, { method: "POST", redirect: "manual" });
    expect(res.headers.get("location")).toContain("notice=");
    const after = await mustQbo(ctx.qbo, "getPayment", p.Id);
    expect(after.UnappliedAmt).toBe(100);
    expect(after.Line).toEqual([]);
    expect((await mustQbo(ctx.qbo, "getInvoice", a.Id)).PrivateNote).toBe("Voided");
  });
});

describe("multi-currency", () => {
  it("bills the CAD customer in CAD with an exchange rate and home amounts", async () => {
    const customers = await mustQbo(ctx.qbo, "findCustomers", { DisplayName: "Maple Leaf Robotics" });
    const maple = customers.QueryResponse.Customer[0];
    expect(maple.CurrencyRef).toEqual({ value: "CAD", name: "Canadian Dollar" });
    const inv = await mustQbo(ctx.qbo, "createInvoice", buildInvoiceBody(maple.Id, 1000));
    expect(inv.CurrencyRef.value).toBe("CAD");
    expect(inv.ExchangeRate).toBe(0.72);
    expect(inv.HomeTotalAmt).toBe(720);
    const wrong = await callQbo(ctx.qbo, "createInvoice", buildInvoiceBody(maple.Id, 10, { CurrencyRef: { value: "USD" } }));
    expect(getFaultCode(wrong.err)).toBe("6000");
    const p = await mustQbo(ctx.qbo, "createPayment", { ...paymentBody(maple.Id, 1000, [[inv.Id, 1000]]), CurrencyRef: { value: "CAD" } });
    expect(p.CurrencyRef.value).toBe("CAD");
    expect((await mustQbo(ctx.qbo, "getInvoice", inv.Id)).Balance).toBe(0);
  });
});
