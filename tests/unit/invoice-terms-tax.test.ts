import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InvoiceTermsRows } from "@/components/invoices/invoice-terms";
import { buildQuickBooksInvoice, type TInvoicePayload } from "@/lib/invoicing/invoice-payload";
import { describeInvoiceTermsTax } from "@/lib/invoicing/invoice-terms-tax";

const payload: TInvoicePayload = {
  source: "IN_HOUSE",
  jobNumber: "IH-7",
  customerId: "4",
  customerName: "Summit Automation Inc.",
  txnDate: "2026-03-20",
  lines: [{ itemId: "2", description: "Finger", quantity: 4, unitPriceCents: 1235 }],
};

describe("an invoice's terms and sales tax", () => {
  it("sends every line non-taxable without settings (a sale for resale), and no terms", () => {
    const body = buildQuickBooksInvoice({ ...payload, source: "XOMETRY" }, { syncId: "s1", customTxnNumbers: false });
    expect(body.Line[0]!.SalesItemLineDetail.TaxCodeRef).toEqual({ value: "NON" });
    expect(body).not.toHaveProperty("SalesTermRef");
    expect(body).not.toHaveProperty("TxnTaxDetail");
  });

  it("sends a taxable customer's lines TAX with its terms and tax code; a non-taxable one's NON without a code", () => {
    const taxable = buildQuickBooksInvoice(payload, { syncId: "s1", customTxnNumbers: false, sales: { lineTaxCode: "TAX", termId: "2", taxCodeId: "2" } });
    expect(taxable).toMatchObject({ SalesTermRef: { value: "2" }, TxnTaxDetail: { TxnTaxCodeRef: { value: "2" } } });
    expect(taxable.Line[0]!.SalesItemLineDetail).toMatchObject({ TaxCodeRef: { value: "TAX" }, Qty: 4, UnitPrice: 12.35 });
    const exempt = buildQuickBooksInvoice(payload, { syncId: "s1", customTxnNumbers: false, sales: { lineTaxCode: "NON", termId: "3", taxCodeId: "2" } });
    expect(exempt).toMatchObject({ SalesTermRef: { value: "3" } });
    expect(exempt).not.toHaveProperty("TxnTaxDetail");
    expect(exempt.Line[0]!.SalesItemLineDetail.TaxCodeRef).toEqual({ value: "NON" });
  });

  it("records QuickBooks' due date, the terms' name and the tax in cents", () => {
    const names = new Map([["2", "Net 15"]]);
    expect(describeInvoiceTermsTax({ DueDate: "2026-04-04", SalesTermRef: { value: "2" }, TxnTaxDetail: { TotalTax: 7.79 } }, names)).toEqual({ qboDueDate: "2026-04-04", qboTermName: "Net 15", qboTaxCents: 779 });
    expect(describeInvoiceTermsTax({ DueDate: "2026-04-04", SalesTermRef: { value: "9", name: "Net 9" } }, names)).toEqual({ qboDueDate: "2026-04-04", qboTermName: "Net 9", qboTaxCents: 0 });
    expect(describeInvoiceTermsTax({ SalesTermRef: { value: "7" } }, names)).toEqual({ qboDueDate: null, qboTermName: null, qboTaxCents: 0 });
  });

  it("shows them on the Invoice tab in words", () => {
    const render = (view: { dueDate: string | null; termName: string | null; taxCents: number | null }) => renderToStaticMarkup(createElement(InvoiceTermsRows, { view }));
    const taxed = render({ dueDate: "2026-04-04", termName: "Net 15", taxCents: 779 });
    expect(taxed).toContain("Due Apr 4, 2026 (Net 15)");
    expect(taxed).toContain("$7.79, included in the amount");
    const exempt = render({ dueDate: "2026-03-12", termName: null, taxCents: 0 });
    expect(exempt).toContain("Due Mar 12, 2026</dd>");
    expect(exempt).toContain("None (not taxable)");
    expect(render({ dueDate: null, termName: null, taxCents: null })).toBe("");
  });
});
