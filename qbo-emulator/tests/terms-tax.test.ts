// Terms, due dates and US sales tax through node-quickbooks: Term/TaxCode/TaxRate lists, customers' terms and
// tax settings, invoices' DueDate from their terms and TxnTaxDetail from their taxable lines (half-up cents).
import { describe, expect, it } from "vitest";
import { ACME, admin, callQbo, getFaultCode, mustQbo, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

// Seeded Acme customers: 1 Xometry (no terms), 2 Great Lakes (Net 30), 3 Ridgeline (Net 60), 4 Summit (Net 15,
// taxable), 5 Maple Leaf (Due on receipt), 6 Amy's (no terms, taxable).
function line(amount: number, taxCode?: "TAX" | "NON", extra: Record<string, unknown> = {}) {
  return {
    Amount: amount, DetailType: "SalesItemLineDetail",
    SalesItemLineDetail: { ItemRef: { value: "3" }, ...(taxCode ? { TaxCodeRef: { value: taxCode } } : {}) }, ...extra,
  };
}

describe("terms and tax lists", () => {
  it("queries and reads the seeded terms, tax codes and tax rate", async () => {
    const terms = (await mustQbo(ctx.qbo, "findTerms", {})).QueryResponse.Term;
    expect(terms.map((t: { Name: string; DueDays: number }) => [t.Name, t.DueDays])).toEqual([
      ["Due on receipt", 0], ["Net 15", 15], ["Net 30", 30], ["Net 60", 60],
    ]);
    expect(await mustQbo(ctx.qbo, "getTerm", "3")).toMatchObject({ Id: "3", Name: "Net 30", DueDays: 30, Type: "STANDARD", Active: true });

    const codes = (await mustQbo(ctx.qbo, "findTaxCodes", {})).QueryResponse.TaxCode;
    expect(codes.map((c: { Id: string }) => c.Id).sort()).toEqual(["2", "NON", "TAX"]);
    const salesTax = await mustQbo(ctx.qbo, "getTaxCode", "2");
    expect(salesTax).toMatchObject({ Name: "Sales Tax", Taxable: true, TaxGroup: true });
    expect(salesTax.SalesTaxRateList.TaxRateDetail).toEqual([{ TaxRateRef: { value: "1", name: "Sales Tax 8.25%" }, TaxTypeApplicable: "TaxOnAmount", TaxOrder: 0 }]);
    expect(await mustQbo(ctx.qbo, "getTaxCode", "NON")).toMatchObject({ Id: "NON", Taxable: false });
    expect(await mustQbo(ctx.qbo, "getTaxRate", "1")).toMatchObject({ Id: "1", RateValue: 8.25, Active: true });
    expect(getFaultCode((await callQbo(ctx.qbo, "getTerm", "99")).err)).toBe("610");
  });
});

describe("customers' terms and tax settings", () => {
  it("reads the seeded settings", async () => {
    expect(await mustQbo(ctx.qbo, "getCustomer", "4")).toMatchObject({ Taxable: true, DefaultTaxCodeRef: { value: "2" }, SalesTermRef: { value: "2" } });
    const lakes = await mustQbo(ctx.qbo, "getCustomer", "2");
    expect(lakes).toMatchObject({ Taxable: false, SalesTermRef: { value: "3" } });
    expect(lakes.DefaultTaxCodeRef).toBeUndefined();
    expect((await mustQbo(ctx.qbo, "getCustomer", "1")).SalesTermRef).toBeUndefined();
  });

  it("creates and updates a customer's terms and tax setting; unknown references are 2500", async () => {
    const created = await mustQbo(ctx.qbo, "createCustomer", { DisplayName: "Orbital Tooling", Taxable: true, SalesTermRef: { value: "4" } });
    expect(created).toMatchObject({ Taxable: true, DefaultTaxCodeRef: { value: "2" }, SalesTermRef: { value: "4" } });
    const exempt = await mustQbo(ctx.qbo, "updateCustomer", { Id: created.Id, SyncToken: created.SyncToken, sparse: true, Taxable: false });
    expect(exempt).toMatchObject({ Taxable: false, SalesTermRef: { value: "4" } });
    expect((await mustQbo(ctx.qbo, "createCustomer", { DisplayName: "Plain Name Only" })).Taxable).toBe(false);
    expect(getFaultCode((await callQbo(ctx.qbo, "createCustomer", { DisplayName: "Bad Terms", SalesTermRef: { value: "9" } })).err)).toBe("2500");
    expect(getFaultCode((await callQbo(ctx.qbo, "createCustomer", { DisplayName: "Bad Tax", DefaultTaxCodeRef: { value: "NON" } })).err)).toBe("2500");
  });

  it("are changed by a person in the company (admin API), and later invoices follow", async () => {
    const { Customer } = await admin(ctx.emu, "POST", `/realms/${ACME}/customers/2`, { Taxable: true, SalesTermRef: { value: "1" } });
    expect(Customer).toMatchObject({ Taxable: true, DefaultTaxCodeRef: { value: "2" }, SalesTermRef: { value: "1" }, SyncToken: "1" });
    const inv = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "2" }, TxnDate: "2026-07-01", Line: [line(10, "TAX")] });
    expect(inv).toMatchObject({ DueDate: "2026-07-01", SalesTermRef: { value: "1" }, TotalAmt: 10.83 });
  });
});

describe("invoice due dates", () => {
  it("are TxnDate plus the customer's terms, else the company's default (30 days)", async () => {
    const cases: [string, string, string | undefined][] = [["2", "2026-03-02", "3"], ["3", "2026-04-01", "4"], ["4", "2026-02-15", "2"], ["1", "2026-03-02", undefined]];
    for (const [customerId, due, termId] of cases) {
      const inv = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: customerId }, TxnDate: "2026-01-31", Line: [line(100)] });
      expect(inv.DueDate).toBe(due);
      expect(inv.SalesTermRef).toEqual(termId ? { value: termId } : undefined);
    }
  });

  it("take the invoice's own SalesTermRef or DueDate first; an unknown term is 2500", async () => {
    const net15 = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "3" }, TxnDate: "2026-12-20", SalesTermRef: { value: "2" }, Line: [line(10)] });
    expect(net15).toMatchObject({ DueDate: "2027-01-04", SalesTermRef: { value: "2" } });
    const onReceipt = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "5" }, TxnDate: "2026-06-01", Line: [line(10)] });
    expect(onReceipt.DueDate).toBe("2026-06-01");
    const explicit = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "2" }, TxnDate: "2026-06-01", DueDate: "2026-06-10", Line: [line(10)] });
    expect(explicit).toMatchObject({ DueDate: "2026-06-10", SalesTermRef: { value: "3" } });
    const bad = await callQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "2" }, SalesTermRef: { value: "77" }, Line: [line(10)] });
    expect(getFaultCode(bad.err)).toBe("2500");
  });

  it("move with a new TxnDate or SalesTermRef on update, and stay otherwise", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "2" }, TxnDate: "2026-05-01", Line: [line(10)] });
    expect(inv.DueDate).toBe("2026-05-31");
    const noted = await mustQbo(ctx.qbo, "updateInvoice", { Id: inv.Id, SyncToken: inv.SyncToken, sparse: true, PrivateNote: "note" });
    expect(noted.DueDate).toBe("2026-05-31");
    const redated = await mustQbo(ctx.qbo, "updateInvoice", { Id: inv.Id, SyncToken: noted.SyncToken, sparse: true, TxnDate: "2026-05-10" });
    expect(redated.DueDate).toBe("2026-06-09");
    const reterm = await mustQbo(ctx.qbo, "updateInvoice", { Id: inv.Id, SyncToken: redated.SyncToken, sparse: true, SalesTermRef: { value: "4" } });
    expect(reterm).toMatchObject({ DueDate: "2026-07-09", SalesTermRef: { value: "4" } });
    expect((await mustQbo(ctx.qbo, "getInvoice", inv.Id)).DueDate).toBe("2026-07-09");
  });
});

describe("invoice sales tax", () => {
  it("taxes the TAX lines at 8.25 %, rounded half-up to the cent, in TotalAmt and Balance", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "4" }, Line: [line(100, "TAX"), line(50, "NON"), line(33.33, "TAX")] });
    expect(inv.Line.slice(0, 3).map((l: { SalesItemLineDetail: { TaxCodeRef: { value: string } } }) => l.SalesItemLineDetail.TaxCodeRef.value)).toEqual(["TAX", "NON", "TAX"]);
    expect(inv.TxnTaxDetail).toEqual({
      TxnTaxCodeRef: { value: "2" },
      TotalTax: 11,
      TaxLine: [{ Amount: 11, DetailType: "TaxLineDetail", TaxLineDetail: { TaxRateRef: { value: "1" }, PercentBased: true, TaxPercent: 8.25, NetAmountTaxable: 133.33 } }],
    });
    expect(inv.Line.at(-1)).toEqual({ Amount: 183.33, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} });
    expect(inv).toMatchObject({ TotalAmt: 194.33, Balance: 194.33 });
    // 2.00 × 8.25 % = 0.165: half-up gives 0.17 (half-even would give 0.16).
    const half = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "6" }, Line: [line(2, "TAX")] });
    expect(half).toMatchObject({ TotalAmt: 2.17, TxnTaxDetail: { TotalTax: 0.17 } });
    const read = (await mustQbo(ctx.qbo, "findInvoices", { Id: inv.Id })).QueryResponse.Invoice[0];
    expect(read.TxnTaxDetail.TotalTax).toBe(11);
  });

  it("sends nothing taxable for lines marked NON or without a code, even for a taxable customer", async () => {
    const non = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "4" }, Line: [line(1250, "NON")] });
    expect(non).toMatchObject({ TotalAmt: 1250, TxnTaxDetail: { TotalTax: 0 } });
    const unset = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "4" }, Line: [line(80)] });
    expect(unset).toMatchObject({ TotalAmt: 80, TxnTaxDetail: { TotalTax: 0 } });
    expect(unset.Line[0].SalesItemLineDetail.TaxCodeRef).toEqual({ value: "NON" });
  });

  it("recomputes on update (a line keeps its code by Id), is paid in full with the tax and reads 0 once voided", async () => {
    const inv = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "4" }, Line: [line(100, "TAX")] });
    expect(inv.TotalAmt).toBe(108.25);
    const updated = await mustQbo(ctx.qbo, "updateInvoice", { Id: inv.Id, SyncToken: inv.SyncToken, sparse: true, Line: [{ ...line(200), Id: inv.Line[0].Id }] });
    expect(updated).toMatchObject({ TotalAmt: 216.5, TxnTaxDetail: { TotalTax: 16.5 } });
    await mustQbo(ctx.qbo, "createPayment", { CustomerRef: { value: "4" }, TotalAmt: 216.5, Line: [{ Amount: 216.5, LinkedTxn: [{ TxnId: inv.Id, TxnType: "Invoice" }] }] });
    expect((await mustQbo(ctx.qbo, "getInvoice", inv.Id)).Balance).toBe(0);
    const other = await mustQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "4" }, Line: [line(100, "TAX")] });
    const voided = await mustQbo(ctx.qbo, "voidInvoice", { Id: other.Id, SyncToken: other.SyncToken });
    expect(voided.Invoice ?? voided).toMatchObject({ TotalAmt: 0, TxnTaxDetail: { TotalTax: 0 } });
  });

  it("refuses a line code other than TAX/NON and an unknown transaction tax code (2500)", async () => {
    const badLine = await callQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "4" }, Line: [line(10, "GST" as "TAX")] });
    expect(getFaultCode(badLine.err)).toBe("2500");
    const badCode = await callQbo(ctx.qbo, "createInvoice", { CustomerRef: { value: "4" }, TxnTaxDetail: { TxnTaxCodeRef: { value: "42" } }, Line: [line(10, "TAX")] });
    expect(getFaultCode(badCode.err)).toBe("2500");
  });
});
